using Zhibiao.Analytics.Probability;

namespace Zhibiao.Analytics;

/// <summary>
/// One target judged once (<see cref="TargetPipeline"/>): its deterministic tracking and the answer to "will it be
/// met?" — P(met), how it was made, and the simulated forecast behind it. For an indicator without a target, only the
/// tracking (the classification of its growth).
/// </summary>
/// <param name="Tracking">The deterministic growth-ratio tracking.</param>
/// <param name="Chance">P(met) and its inputs, or null when not asked for, without a target, or with nothing to go on.</param>
public sealed record TargetJudgement(TrackingResult Tracking, TargetChance? Chance)
{
    /// <summary>The indicator.</summary>
    public Indicator Indicator => Tracking.Indicator;

    /// <summary>The target, or null for an indicator without one.</summary>
    public Target? Target => Tracking.Target;

    /// <summary>P(met), or null.</summary>
    public double? ProbabilityMet => Chance?.Probability;

    /// <summary>The simulated forecast to the deadline (median, intervals, the forecast's own share of paths), or null.</summary>
    public TargetAssessment? Simulation => Chance?.Simulation;

    /// <summary>The simulated levels from the latest observation to the deadline behind <see cref="Simulation"/>, or null with it.</summary>
    internal IndicatorPaths? Paths => Chance?.Paths;

    /// <summary>
    /// Why a target asked to be assessed has no probability (e.g. its indicator has a single observation and there is
    /// no record), or null. Such a target keeps its deterministic tracking; nothing is guessed.
    /// </summary>
    public string? Unassessed { get; init; }
}

/// <summary>Settings of <see cref="TargetPipeline"/>.</summary>
public sealed record PipelineOptions
{
    /// <summary>The defaults: tracking and P(met) by the default composition.</summary>
    public static readonly PipelineOptions Default = new();

    /// <summary>The simulation of the forecast, and in its <see cref="AssessmentOptions.Tracking"/> the tracking window and preset.</summary>
    public AssessmentOptions? Assessment { get; init; }

    /// <summary>Whether targets also get a probability (default true); false tracks only.</summary>
    public bool Probability { get; init; } = true;

    /// <summary>
    /// The assessor of P(met); null for the default composition (<see cref="TargetPipeline"/>): the setter's record
    /// pooled with the simulated forecast, chosen walk-forward on the dataset's own history.
    /// </summary>
    public ITargetAssessor? Assessor { get; init; }

    /// <summary>
    /// The record a dataset without a target history of its own is judged by (another government's; null for the bundled
    /// china-national record). <see cref="TargetRecord.Empty"/> judges by the forecast alone.
    /// </summary>
    public TargetRecord? Reference { get; init; }
}
