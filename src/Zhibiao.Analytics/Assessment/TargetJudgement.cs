using Zhibiao.Analytics.Probability;

namespace Zhibiao.Analytics;

/// <summary>
/// One target judged once (<see cref="TargetPipeline"/>): its deterministic tracking, the probability that it is
/// met and the simulated paths that probability was counted on. For an indicator without a target, only the
/// tracking (the classification of its growth).
/// </summary>
/// <param name="Tracking">The deterministic growth-ratio tracking.</param>
/// <param name="Probability">The probability assessment, or null when not asked for or there is no target; its <see cref="TargetAssessment.Deterministic"/> is <paramref name="Tracking"/>.</param>
/// <param name="Paths">The simulated levels from the latest observation to the deadline behind <paramref name="Probability"/>, or null with it.</param>
public sealed record TargetJudgement(TrackingResult Tracking, TargetAssessment? Probability, IndicatorPaths? Paths)
{
    /// <summary>The indicator.</summary>
    public Indicator Indicator => Tracking.Indicator;

    /// <summary>The target, or null for an indicator without one.</summary>
    public Target? Target => Tracking.Target;

    /// <summary>
    /// Why a target asked to be assessed has no probability (e.g. its indicator has a single observation), or null.
    /// Such a target keeps its deterministic tracking; nothing is guessed.
    /// </summary>
    public string? Unassessed { get; init; }
}

/// <summary>Settings of <see cref="TargetPipeline"/>.</summary>
public sealed record PipelineOptions
{
    /// <summary>The defaults: tracking and probability with the defaults of <see cref="AssessmentOptions"/>.</summary>
    public static readonly PipelineOptions Default = new();

    /// <summary>The simulation, and in its <see cref="AssessmentOptions.Tracking"/> the tracking window and preset.</summary>
    public AssessmentOptions? Assessment { get; init; }

    /// <summary>Whether targets also get a probability (default true); false tracks only.</summary>
    public bool Probability { get; init; } = true;
}
