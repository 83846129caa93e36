namespace Zhibiao.Analytics;

/// <summary>
/// The status of an indicator, in the categories of the UN SDG Progress Chart (2022), plus the cases it leaves out.
/// </summary>
public enum ProgressStatus
{
    /// <summary>The latest value already meets the target.</summary>
    TargetAchieved,

    /// <summary>Observed growth is at least the on-track share of the required growth (CR ≥ 0.95).</summary>
    OnTrack,

    /// <summary>Fair progress, but acceleration needed (0.5 ≤ CR &lt; 0.95).</summary>
    FairProgress,

    /// <summary>Limited or no progress (−0.1 ≤ CR &lt; 0.5).</summary>
    LimitedProgress,

    /// <summary>Moving away from the target (CR &lt; −0.1).</summary>
    Deterioration,

    /// <summary>The deadline has passed and the target was not met.</summary>
    TargetMissed,

    /// <summary>Fewer than two usable observations.</summary>
    InsufficientData,
}

/// <summary>Words for <see cref="ProgressStatus"/>.</summary>
public static class ProgressStatusText
{
    /// <summary>The snake-case token for files: on_track, fair_progress …</summary>
    public static string ToToken(this ProgressStatus status) => status switch
    {
        ProgressStatus.TargetAchieved => "target_achieved",
        ProgressStatus.OnTrack => "on_track",
        ProgressStatus.FairProgress => "fair_progress",
        ProgressStatus.LimitedProgress => "limited_progress",
        ProgressStatus.Deterioration => "deterioration",
        ProgressStatus.TargetMissed => "target_missed",
        _ => "insufficient_data",
    };

    /// <summary>The words of the UN Progress Chart: "fair progress, acceleration needed" …</summary>
    public static string ToWords(this ProgressStatus status) => status switch
    {
        ProgressStatus.TargetAchieved => "target achieved",
        ProgressStatus.OnTrack => "on track",
        ProgressStatus.FairProgress => "fair progress, acceleration needed",
        ProgressStatus.LimitedProgress => "limited or no progress",
        ProgressStatus.Deterioration => "deterioration",
        ProgressStatus.TargetMissed => "target missed",
        _ => "insufficient data",
    };
}

/// <summary>
/// Thresholds that turn growth into a <see cref="ProgressStatus"/>: a named, replaceable preset.
/// With a target the ratio CR = observed / required growth is classified; without one the observed CAGR is
/// (mirrored when lower is better).
/// </summary>
/// <param name="Name">The preset's name and source.</param>
/// <param name="OnTrack">CR at or above this is on track.</param>
/// <param name="Fair">CR at or above this (and below on track) is fair progress.</param>
/// <param name="Limited">CR at or above this (and below fair) is limited progress; below it, deterioration.</param>
/// <param name="NoTargetOnTrack">Without a target: CAGR above this is on track.</param>
/// <param name="NoTargetFair">Without a target: CAGR at or above this (up to on track) is fair progress.</param>
/// <param name="NoTargetLimited">Without a target: CAGR at or above this (below fair) is limited progress.</param>
public sealed record StatusPreset(string Name, double OnTrack, double Fair, double Limited, double NoTargetOnTrack, double NoTargetFair, double NoTargetLimited)
{
    /// <summary>
    /// UN SDG Progress Chart 2022 (unstats.un.org/sdgs/report/2022/Progress_Chart_Technical_Note_2022.pdf, as UNDP
    /// implements it): CR ≥ 0.95 on track, ≥ 0.5 fair, ≥ −0.1 limited, else deterioration; without a target CAGR
    /// &gt; 1% on track, 0.5–1% fair, −1%–0.5% limited.
    /// </summary>
    public static readonly StatusPreset UnSdg2022 = new("UN SDG Progress Chart 2022", 0.95, 0.5, -0.1, 0.01, 0.005, -0.01);

    /// <summary>Statistics Canada / Open SDG (Eurostat-inspired) ratio thresholds 95% / 60% / 0%; no-target thresholds as the UN's.</summary>
    public static readonly StatusPreset OpenSdg = new("Open SDG (Statistics Canada)", 0.95, 0.6, 0.0, 0.01, 0.005, -0.01);

    /// <summary>The presets by token: un-sdg-2022, open-sdg.</summary>
    public static IReadOnlyDictionary<string, StatusPreset> Named { get; } = new Dictionary<string, StatusPreset>(StringComparer.OrdinalIgnoreCase)
    {
        ["un-sdg-2022"] = UnSdg2022,
        ["open-sdg"] = OpenSdg,
    };

    /// <summary>The status of a ratio CR = observed / required growth.</summary>
    public ProgressStatus Classify(double ratio) =>
        ratio >= OnTrack ? ProgressStatus.OnTrack
        : ratio >= Fair ? ProgressStatus.FairProgress
        : ratio >= Limited ? ProgressStatus.LimitedProgress
        : ProgressStatus.Deterioration;

    /// <summary>
    /// The status of an indicator without a target from its observed growth g (−g when lower is better): its CAGR, or
    /// for rates and shares its change in percentage points per year (the same thresholds read in points):
    /// g &gt; on-track threshold on track; g ≥ fair threshold fair; g ≥ limited threshold limited; else deterioration.
    /// </summary>
    public ProgressStatus ClassifyWithoutTarget(double growth, Direction direction)
    {
        double g = direction == Direction.LowerIsBetter ? -growth : growth;
        return g > NoTargetOnTrack ? ProgressStatus.OnTrack
            : g >= NoTargetFair ? ProgressStatus.FairProgress
            : g >= NoTargetLimited ? ProgressStatus.LimitedProgress
            : ProgressStatus.Deterioration;
    }
}
