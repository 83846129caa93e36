using MathNet.Numerics.Distributions;

namespace Zhibiao.Analytics.Reports;

/// <summary>Options of <see cref="BoardProbability"/>.</summary>
public sealed record BoardProbabilityOptions
{
    /// <summary>The defaults (chosen on the national series, see the README).</summary>
    public static readonly BoardProbabilityOptions Default = new();

    /// <summary>
    /// Weight of the five-year average in the centre of the forecast (default 0.5): centre = (1 − a)·latest + a·average.
    /// 0 is persistence (next year like last year).
    /// </summary>
    public double AverageWeight { get; init; } = 0.5;

    /// <summary>Weight of the forecast's log-odds against the track record's in P(met) (<see cref="HonestPrior.Combine"/>); default 0.25 (chosen by `analytics backtest-board`).</summary>
    public double ForecastWeight { get; init; } = 0.25;

    /// <summary>The track-record prior's strength in pseudo-targets (<see cref="PriorOptions.Strength"/>), default 4.</summary>
    public double PriorStrength { get; init; } = 4;

    /// <summary>
    /// Variance factor turning a region's deviation of last year from its five-year average into a year-to-year change
    /// (default 2 / 1.2): for yearly values y = μ + ε, Var(y_t − y_{t−1}) = 2σ² while Var(y_t − mean of 5) = 1.2σ².
    /// </summary>
    public double DeviationToChange { get; init; } = 2 / 1.2;
}

/// <summary>What a report shows of an indicator: last year's outcome and the five-year average growth, each optional.</summary>
/// <param name="Latest">Last year's figure in the indicator's unit, or null.</param>
/// <param name="Average5y">The yearly average of the last five years, or null.</param>
public sealed record ThinHistory(double? Latest, double? Average5y);

/// <summary>P(met) and its two inputs.</summary>
/// <param name="PMet">The forecast pooled with the track record (the answer).</param>
/// <param name="PForecast">The forecast alone, null when the report shows nothing of the indicator.</param>
/// <param name="PPrior">The track record alone.</param>
/// <param name="Centre">Centre of the forecast, in the indicator's unit; null without a forecast.</param>
/// <param name="Scale">Scale of the year-to-year change (points for %, log units for levels); null without a forecast.</param>
/// <param name="Samples">Changes pooled for the scale.</param>
public sealed record BoardChance(double PMet, double? PForecast, double PPrior, double? Centre, double? Scale, int Samples);

/// <summary>
/// P(met) of a target from a thin history (one year and perhaps a five-year average), by pooling. The forecast: next
/// year's value = centre + change, centre = last year's figure (optionally shrunk to the five-year average), change
/// ~ Student t with ν = n − 1 and scale s = √(mean of squared changes), the changes pooled from the same indicator's
/// national year-to-year changes and the regions' deviations of last year from their five-year averages (times
/// <see cref="BoardProbabilityOptions.DeviationToChange"/>); in points for % indicators, in log units for levels.
/// p_forecast = P(value meets the target by <see cref="Target.Rule"/>). The track record: the Beta prior of
/// <see cref="HonestPrior.Prior"/> on the national targets' hit rate for that indicator. P(met) pools both by
/// log-odds (<see cref="HonestPrior.Combine"/>).
/// </summary>
public static class BoardProbability
{
    /// <summary>The forecast probability that a target is met, or null when the history shows nothing or no change is pooled.</summary>
    public static (double P, double Centre, double Scale)? Forecast(Target target, ThinHistory history, IReadOnlyList<double> changes, BoardProbabilityOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(changes);
        options ??= BoardProbabilityOptions.Default;
        Indicator ind = ReportIndicators.Find(target.IndicatorId)!.Indicator;
        bool percent = ind.Unit.Symbol == "%";
        double? centre = (history.Latest, history.Average5y) switch
        {
            ({ } l, { } a) => ((1 - options.AverageWeight) * l) + (options.AverageWeight * a),
            ({ } l, null) => l,
            (null, { } a) => a,
            _ => null,
        };
        if (centre is not { } c || changes.Count < 2 || (!percent && c <= 0)) return null;
        double scale = Math.Sqrt(changes.Average(x => x * x));
        if (!(scale > 0)) return null;
        TargetRule rule = target.Rule(ind);
        int dof = Math.Max(1, changes.Count - 1);
        // P(centre + change ≤ x): the change in points for % indicators, in log units for levels.
        double Below(double x) => percent ? StudentT.CDF(0, 1, dof, (x - c) / scale)
            : x <= 0 ? 0 : StudentT.CDF(0, 1, dof, Math.Log(x / c) / scale);
        double p = rule.Side switch
        {
            TargetComparison.AtLeast => 1 - Below(rule.Threshold),
            TargetComparison.AtMost => Below(rule.Threshold),
            _ => Below(rule.Bound + rule.Tolerance) - Below(rule.Bound - rule.Tolerance),
        };
        return (p, c, scale);
    }

    /// <summary>P(met): the forecast pooled with the track record of the indicator's earlier targets.</summary>
    public static BoardChance Assess(Target target, ThinHistory history, IReadOnlyList<double> changes, IEnumerable<(string IndicatorId, bool Met)> record, BoardProbabilityOptions? options = null)
    {
        options ??= BoardProbabilityOptions.Default;
        double prior = HonestPrior.Prior(target.IndicatorId, record, new PriorOptions { Strength = options.PriorStrength });
        var f = Forecast(target, history, changes, options);
        return new BoardChance(HonestPrior.Combine(prior, f?.P, options.ForecastWeight), f?.P, prior, f?.Centre, f?.Scale, changes.Count);
    }
}
