namespace Zhibiao.Analytics.Probability;

/// <summary>What an assessor's answer rests on.</summary>
internal enum TargetChanceSource
{
    /// <summary>A forecast of the indicator from its own history, simulated to the deadline.</summary>
    Forecast,

    /// <summary>A forecast from a thin history: last year's figure and perhaps a five-year average.</summary>
    ThinHistory,

    /// <summary>The setter's record: how its earlier targets turned out (<see cref="MarginModel"/>).</summary>
    Record,

    /// <summary>The record and a forecast pooled (<see cref="TargetAssessors.Pool(Func{MarginModelOptions, TargetChance?}, TargetChance?, PoolingChoice)"/>).</summary>
    Pooled,
}

/// <summary>
/// One assessor's answer to "will this target be met?": the probability, how it was made, and, for a pooled answer,
/// its inputs and the forecast's weight; for a simulated forecast, the simulation itself.
/// </summary>
/// <param name="Probability">P(met).</param>
/// <param name="Method">How it was made, in words.</param>
public sealed record TargetChance(double Probability, string Method)
{
    /// <summary>What the answer rests on.</summary>
    internal TargetChanceSource Source { get; init; }

    /// <summary>The IPCC words for the probability.</summary>
    public Likelihood Likelihood => LikelihoodScale.Of(Math.Clamp(Probability, 0, 1));

    /// <summary>The answers pooled into this one (the record's, the forecast's), empty otherwise.</summary>
    public IReadOnlyList<TargetChance> Inputs { get; init; } = [];

    /// <summary>The forecast's weight w in the pooling, null for an answer that pools nothing.</summary>
    public double? Weight { get; init; }

    /// <summary>The settings a pooled answer was averaged over, null for an answer that pools nothing.</summary>
    internal PoolingChoice? Choice { get; init; }

    /// <summary>The simulation of a forecast (median, intervals, the deterministic tracking), when the answer is or pools one.</summary>
    public TargetAssessment? Simulation { get; init; }

    /// <summary>The simulated paths of <see cref="Simulation"/>, for fan charts.</summary>
    internal IndicatorPaths? Paths { get; init; }

    /// <summary>What the reader should know.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The input resting on a source, or null.</summary>
    internal TargetChance? Input(TargetChanceSource source) => Source == source ? this : Inputs.FirstOrDefault(i => i.Source == source);
}

/// <summary>What is known of a target when it is judged.</summary>
/// <param name="Target">The target.</param>
/// <param name="Series">The indicator's levels known then (first-published figures of earlier periods).</param>
/// <param name="Tracking">The deterministic tracking of the target on that series.</param>
public sealed record TargetEvidence(Target Target, IndicatorSeries Series, TrackingResult Tracking)
{
    /// <summary>Reported change and growth figures of the indicator (growth targets use them).</summary>
    public IReadOnlyList<Observation> Reported { get; init; } = [];

    /// <summary>A plan period's yearly average of the indicator ending the year before the target's (a thin history's second figure), or null.</summary>
    public Observation? Average { get; init; }

    /// <summary>The indicator the record knows the target by (the canonical id of a regional indicator); default the series' indicator.</summary>
    public string? RecordIndicatorId { get; init; }

    /// <summary>Who set the target, as the record names governments ("" for the record's own).</summary>
    public string Government { get; init; } = "";

    /// <summary>The indicator.</summary>
    public Indicator Indicator => Series.Indicator;
}

/// <summary>An assessor of P(met): a forecast by simulation, a forecast from a thin history, the setter's record, or a pooling of them.</summary>
public interface ITargetAssessor
{
    /// <summary>P(met) from the evidence, or null when the assessor has nothing to go on (too short a history, no record).</summary>
    /// <exception cref="AnalyticsException">The target and its series do not fit (unit, deadline).</exception>
    TargetChance? Assess(TargetEvidence evidence);
}
