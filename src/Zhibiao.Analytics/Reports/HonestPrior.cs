namespace Zhibiao.Analytics.Reports;

/// <summary>Options of the honest prior and its combination with the forecast.</summary>
public sealed record PriorOptions
{
    /// <summary>The defaults (chosen on the targets of 2004–2012; see the README).</summary>
    public static readonly PriorOptions Default = new();

    /// <summary>
    /// Prior strength of the per-indicator Beta prior, in pseudo-targets (default 4): the indicator's record starts from
    /// the pooled record of all indicators known at the time, worth this many targets.
    /// </summary>
    public double Strength { get; init; } = 4;

    /// <summary>
    /// Weight w of the forecast's log-odds against the prior's (default 0.5: the best mean log score on the national
    /// targets of 2004–2012 among 0, 0.25, 0.5, 0.75 and 1; see the README), and the weight used before any earlier year
    /// can choose one when <see cref="Learn"/> is set.
    /// </summary>
    public double Weight { get; init; } = 0.5;

    /// <summary>
    /// Learn the weight each year on the targets whose outcomes were published before, among <see cref="Weights"/>
    /// (default false: with a few outcomes a year, the learnt weight follows the noise of the last years).
    /// </summary>
    public bool Learn { get; init; }

    /// <summary>Weights tried when the weight is learnt on earlier years' targets (default 0, 0.25, 0.5, 0.75, 1).</summary>
    public IReadOnlyList<double> Weights { get; init; } = [0, 0.25, 0.5, 0.75, 1];
}

/// <summary>
/// The target-setter's track record, known at a time: a Beta prior on the hit rate of one indicator's targets,
/// centred on the pooled hit rate of all indicators, updated year by year. P(met) combines it with the forecast
/// probability by log-odds pooling: logit p = (1 − w)·logit p_prior + w·logit p_forecast, w fixed (chosen on the
/// national targets of 2004–2012) or, optionally, learnt on the targets whose outcomes were published before the
/// target's year.
/// </summary>
public static class HonestPrior
{
    /// <summary>The prior probability of meeting a target of an indicator, from earlier (indicator, met) outcomes.</summary>
    /// <remarks>Pooled rate r = (1 + hits) / (2 + n) over all indicators; the indicator's posterior mean (k·r + hits_i) / (k + n_i).</remarks>
    public static double Prior(string indicatorId, IEnumerable<(string IndicatorId, bool Met)> earlier, PriorOptions? options = null)
    {
        options ??= PriorOptions.Default;
        var list = earlier.ToList();
        double pooled = (1.0 + list.Count(x => x.Met)) / (2.0 + list.Count);
        var own = list.Where(x => x.IndicatorId == indicatorId).ToList();
        return ((options.Strength * pooled) + own.Count(x => x.Met)) / (options.Strength + own.Count);
    }

    /// <summary>The share of the indicator's earlier targets that were met (the base rate an analyst had); the pooled share when it has none, 0.5 when nothing is known.</summary>
    public static double BaseRate(string indicatorId, IEnumerable<(string IndicatorId, bool Met)> earlier)
    {
        var list = earlier.ToList();
        var own = list.Where(x => x.IndicatorId == indicatorId).ToList();
        if (own.Count > 0) return (double)own.Count(x => x.Met) / own.Count;
        return list.Count > 0 ? (double)list.Count(x => x.Met) / list.Count : 0.5;
    }

    /// <summary>Log-odds pooling: logit p = (1 − w)·logit prior + w·logit forecast, probabilities clipped to [0.01, 0.99].</summary>
    public static double Combine(double prior, double? forecast, double weight)
    {
        if (forecast is not { } f) return prior;
        double z = ((1 - weight) * Logit(prior)) + (weight * Logit(f));
        return 1 / (1 + Math.Exp(-z));
    }

    /// <summary>
    /// The weight of the year: <see cref="PriorOptions.Weight"/>, or with <see cref="PriorOptions.Learn"/> the one with
    /// the best mean log score on earlier (prior, forecast, met) rows (<see cref="PriorOptions.Weight"/> when there are none).
    /// </summary>
    public static double LearnWeight(IEnumerable<(double Prior, double? Forecast, bool Met)> earlier, PriorOptions? options = null)
    {
        options ??= PriorOptions.Default;
        if (!options.Learn) return options.Weight;
        var rows = earlier.Where(r => r.Forecast is not null).ToList();
        if (rows.Count == 0) return options.Weight;
        return options.Weights.OrderBy(w => -rows.Sum(r => LogScore(Combine(r.Prior, r.Forecast, w), r.Met))).ThenBy(w => Math.Abs(w - options.Weight)).First();
    }

    /// <summary>Log score ln p of the outcome (higher is better), p clipped to [0.01, 0.99].</summary>
    public static double LogScore(double p, bool met)
    {
        double q = Math.Clamp(p, 0.01, 0.99);
        return Math.Log(met ? q : 1 - q);
    }

    private static double Logit(double p)
    {
        double q = Math.Clamp(p, 0.01, 0.99);
        return Math.Log(q / (1 - q));
    }
}
