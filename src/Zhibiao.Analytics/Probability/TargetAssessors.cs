using MathNet.Numerics.Distributions;

namespace Zhibiao.Analytics.Probability;

/// <summary>P(met) by simulating a forecast of the indicator's own history to the deadline (<see cref="TargetAssessor"/>).</summary>
/// <param name="options">Model, paths, histories, seed.</param>
internal sealed class SimulationAssessor(AssessmentOptions? options = null) : ITargetAssessor
{
    /// <summary>The simulation's settings.</summary>
    public AssessmentOptions Options { get; } = options ?? AssessmentOptions.Default;

    /// <inheritdoc/>
    public TargetChance? Assess(TargetEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (evidence.Series.Count < 2) return null;
        (TargetAssessment a, IndicatorPaths paths) = TargetAssessor.AssessTracked(evidence.Series, evidence.Tracking, Options);
        return new TargetChance(a.ProbabilityMet, $"forecast by {a.Method}") { Source = TargetChanceSource.Forecast, Simulation = a, Paths = paths, Notes = a.Notes };
    }
}

/// <summary>Settings of <see cref="ThinHistoryAssessor"/>.</summary>
internal sealed record ThinHistoryOptions
{
    /// <summary>The defaults.</summary>
    public static readonly ThinHistoryOptions Default = new();

    /// <summary>
    /// Weight a of the five-year average in the centre: centre = (1 − a)·last year + a·average (default 0.5, a priori:
    /// halfway between persistence and the mean).
    /// </summary>
    public double AverageWeight { get; init; } = 0.5;
}

/// <summary>
/// P(met) from a thin history — last year's figure (the series' latest) and perhaps a plan period's yearly average
/// (<see cref="TargetEvidence.Average"/>): next year's value = centre + change, centre = (1 − a)·last + a·average, the
/// change Student t with ν = n − 1 and scale √(mean of squared changes) of the pooled changes of its indicator (in
/// points for % indicators, in log units for levels), P = P(value meets <see cref="Target.Rule"/>).
/// </summary>
/// <param name="changes">The year-to-year changes pooled for an indicator id (the record's indicator id of the evidence) known in a year.</param>
/// <param name="options">The centre's weights.</param>
internal sealed class ThinHistoryAssessor(Func<string, int, IReadOnlyList<double>> changes, ThinHistoryOptions? options = null) : ITargetAssessor
{
    /// <summary>
    /// The year-to-year changes of an indicator of a dataset between years before <paramref name="before"/> (all when
    /// null): in points for % indicators, in natural-log units for levels (jobs, grain).
    /// </summary>
    public static IReadOnlyList<double> Changes(Data.Dataset data, string indicatorId, int? before = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Find(indicatorId) is not { } ind) return [];
        bool percent = ind.Unit == Units.Percent;
        var result = new List<double>();
        Observation? prev = null;
        foreach (Observation o in data.Series(indicatorId, implied: false).Where(o => before is null || o.Period.Year < before))
        {
            if (prev is not null && o.Period == prev.Period + 1)
            {
                double a = prev.Value.Value, b = o.Value.Value;
                if (percent) result.Add(b - a);
                else if (a > 0 && b > 0) result.Add(Math.Log(b / a));
            }

            prev = o;
        }

        return result;
    }

    /// <summary>The settings.</summary>
    public ThinHistoryOptions Options { get; } = options ?? ThinHistoryOptions.Default;

    /// <inheritdoc/>
    public TargetChance? Assess(TargetEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        Indicator ind = evidence.Indicator;
        Observation? latest = evidence.Series.Latest is { } l && l.Period == evidence.Target.Deadline - 1 ? l : null;
        double? a = evidence.Average?.Value.ConvertTo(ind.Unit).Value;
        double? centre = (latest?.Value.Value, a) switch
        {
            ({ } x, { } y) => ((1 - Options.AverageWeight) * x) + (Options.AverageWeight * y),
            ({ } x, null) => x,
            (null, { } y) => y,
            _ => null,
        };
        bool percent = ind.Unit == Units.Percent;
        if (centre is not { } c || (!percent && c <= 0)) return null;
        IReadOnlyList<double> pool = changes(evidence.RecordIndicatorId ?? ind.Id, evidence.Target.Deadline.Year);
        if (pool.Count < 2) return null;
        double scale = Math.Sqrt(pool.Average(x => x * x));
        if (!(scale > 0)) return null;
        TargetRule rule = evidence.Target.Rule(ind);
        int dof = Math.Max(1, pool.Count - 1);
        double Below(double x) => percent ? StudentT.CDF(0, 1, dof, (x - c) / scale)
            : x <= 0 ? 0 : StudentT.CDF(0, 1, dof, Math.Log(x / c) / scale);
        double p = rule.Side switch
        {
            TargetComparison.AtLeast => 1 - Below(rule.Threshold),
            TargetComparison.AtMost => Below(rule.Threshold),
            _ => Below(rule.Bound + rule.Tolerance) - Below(rule.Bound - rule.Tolerance),
        };
        string method = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"thin history: centre {c:0.###} ({(latest is null ? "" : "last year")}{(latest is not null && a is not null ? " and " : "")}{(a is null ? "" : "five-year average")}), change scale {scale:0.###} from {pool.Count} pooled changes");
        return new TargetChance(p, method) { Source = TargetChanceSource.ThinHistory };
    }
}

/// <summary>One setting of the pooling grid (the margin model's settings and the forecast's weight) and its posterior probability.</summary>
/// <param name="Model">The margin model's settings.</param>
/// <param name="Weight">The forecast's weight w.</param>
/// <param name="Probability">Its posterior probability given the earlier outcomes.</param>
internal readonly record struct PoolingMember(MarginModelOptions Model, double Weight, double Probability);

/// <summary>
/// How a record and a forecast are pooled for a target year: the settings of the margin model and the forecast's
/// weight averaged over (Bayesian model averaging, <see cref="Hindcast.ChoiceFor"/>), summarised by the most probable
/// margin-model settings and the posterior mean weight, and why.
/// </summary>
/// <param name="Model">The most probable margin-model settings (the record's answer is shown under them).</param>
/// <param name="Weight">The forecast's posterior mean weight w in logit p = (1 − w)·logit p_record + w·logit p_forecast.</param>
/// <param name="Why">How they were chosen (averaged by their likelihood on n earlier outcomes, or the a-priori settings).</param>
public sealed record PoolingChoice(MarginModelOptions Model, double Weight, string Why)
{
    /// <summary>
    /// The a-priori choice before enough outcomes can weigh the settings (<c>Hindcast</c>: 8): the margin model's settings
    /// (<see cref="MarginModelOptions"/>: κ ∈ {1, 4, 16} × half-life ∈ {4, 8, 16, ∞}) averaged alike, as the prior of the
    /// averaging has them, and no weight on the forecast (w = 0): the target is the setter's own forecast, made with more
    /// than a univariate series knows, so a forecast enters only once earlier outcomes show that it adds. The record's
    /// answer is shown under the defaults (κ 4, half-life 8).
    /// </summary>
    public static readonly PoolingChoice Default = new(MarginModelOptions.Default, 0, "a-priori settings (the margin model's 12 settings averaged alike, forecast weight 0): fewer than 8 earlier outcomes to weigh them on")
    {
        Members = [.. MarginModel.Grid.Select(m => new PoolingMember(m, 0, 1.0 / MarginModel.Grid.Count))],
    };

    /// <summary>The settings averaged over with their posterior probabilities; empty for the one setting (<see cref="Model"/>, <see cref="Weight"/>).</summary>
    internal IReadOnlyList<PoolingMember> Members { get; init; } = [];

    /// <summary>The settings averaged over: <see cref="Members"/>, or the one setting with probability 1.</summary>
    internal IReadOnlyList<PoolingMember> Averaged => Members.Count > 0 ? Members : [new PoolingMember(Model, Weight, 1)];

    /// <summary>Equal when the summary and the members are.</summary>
    public bool Equals(PoolingChoice? other) =>
        other is not null && Model == other.Model && Weight.Equals(other.Weight) && Why == other.Why && Members.SequenceEqual(other.Members);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Model, Weight, Why, Members.Count);
}

/// <summary>
/// The default composition: the setter's record (<see cref="MarginModel"/>) pooled by log-odds with a forecast
/// (<see cref="SimulationAssessor"/> or <see cref="ThinHistoryAssessor"/>), averaged over the settings of the target's
/// year (<see cref="Hindcast.ChoiceFor"/>, else <see cref="PoolingChoice.Default"/>).
/// Without a record the forecast answers alone; without a forecast, the record.
/// </summary>
/// <param name="forecast">The forecast assessor.</param>
/// <param name="record">The setter's record (all of it: each target sees only what was known in its year).</param>
/// <param name="choice">The pooling choice for a target year.</param>
internal sealed class PooledAssessor(ITargetAssessor forecast, TargetRecord record, Func<int, PoolingChoice>? choice = null) : ITargetAssessor
{
    /// <summary>The record.</summary>
    public TargetRecord Record { get; } = record;

    /// <inheritdoc/>
    public TargetChance? Assess(TargetEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        int year = evidence.Target.Deadline.Year;
        PoolingChoice c = choice?.Invoke(year) ?? PoolingChoice.Default;
        TargetChance? f = forecast.Assess(evidence);
        string id = evidence.RecordIndicatorId ?? evidence.Indicator.Id;
        return TargetAssessors.Pool(m => MarginModel.Assess(id, year, evidence.Government, Record, m), f, c);
    }
}

/// <summary>The pooling of a record and a forecast, and the scores of probabilities.</summary>
internal static class TargetAssessors
{
    /// <summary>
    /// The pooled answer averaged over the choice's settings: P = Σ_j π_j·p_j, p_j = logit⁻¹((1 − w_j)·logit p_record(m_j)
    /// + w_j·logit p_forecast) with each input clipped to [0.01, 0.99]; the record alone (averaged over its settings) without
    /// a forecast; the forecast alone without a record; null when neither answers. The record's input is shown under the
    /// most probable settings with its probability averaged over the settings.
    /// </summary>
    /// <param name="record">The record's answer under some settings of the margin model (null when the record has no outcome known by then).</param>
    /// <param name="forecast">The forecast's answer, or null.</param>
    /// <param name="choice">The settings and their posterior probabilities.</param>
    public static TargetChance? Pool(Func<MarginModelOptions, TargetChance?> record, TargetChance? forecast, PoolingChoice choice)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(choice);
        TargetChance? shown = record(choice.Model);
        if (shown is null)
            return forecast is null ? null : forecast with { Notes = [.. forecast.Notes, "no track record: the forecast alone"] };

        double p = 0, pr = 0;
        // The record's answer under each setting, once (null under one setting only if null under all: no outcome known).
        var byModel = new Dictionary<MarginModelOptions, double> { [choice.Model] = shown.Probability };
        foreach (PoolingMember m in choice.Averaged)
        {
            if (!byModel.TryGetValue(m.Model, out double r)) byModel[m.Model] = r = record(m.Model)!.Probability;
            pr += m.Probability * r;
            p += m.Probability * (forecast is null ? r : Pool(r, forecast.Probability, m.Weight));
        }

        TargetChance recordInput = shown with { Probability = pr };
        if (forecast is null) return recordInput with { Notes = [.. recordInput.Notes, "no forecast: the track record alone"] };
        string method = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{shown.Method} pooled with {forecast.Method} (forecast weight {choice.Weight:0.##}; {choice.Why})");
        return new TargetChance(p, method)
        {
            Source = TargetChanceSource.Pooled,
            Inputs = [recordInput, forecast],
            Weight = choice.Weight,
            Choice = choice,
            Simulation = forecast.Simulation,
            Paths = forecast.Paths,
            Notes = forecast.Notes,
        };
    }

    /// <summary>logit p = (1 − w)·logit a + w·logit b, a and b clipped to [0.01, 0.99].</summary>
    public static double Pool(double record, double forecast, double weight)
    {
        double z = ((1 - weight) * Logit(record)) + (weight * Logit(forecast));
        return 1 / (1 + Math.Exp(-z));
    }

    /// <summary>The log score ln p of what happened (higher is better), p clipped to [0.01, 0.99].</summary>
    public static double LogScore(double p, bool happened)
    {
        double q = Math.Clamp(p, 0.01, 0.99);
        return Math.Log(happened ? q : 1 - q);
    }

    private static double Logit(double p)
    {
        double q = Math.Clamp(p, 0.01, 0.99);
        return Math.Log(q / (1 - q));
    }
}
