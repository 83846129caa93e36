namespace Zhibiao.Analytics;

/// <summary>A number with the qualifier it inherits from qualified inputs (a required growth "at most 6.7%").</summary>
/// <param name="Value">The face value.</param>
/// <param name="Qualifier">How the true value relates to it.</param>
public readonly record struct QualifiedValue(double Value, Qualifier Qualifier)
{
    /// <summary>"≤0.0667": the qualifier's sign and the value to four decimals.</summary>
    public override string ToString() => ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The qualifier's sign and the value in a .NET number format: "&gt;17.4" for ("0.0") of a value more than 17.4.</summary>
    public string ToString(string? format, IFormatProvider? provider) => Qualifier.ToSign() + Value.ToString(format, provider);
}

/// <summary>What the growth figures of a tracking result measure.</summary>
public enum GrowthBasis
{
    /// <summary>Compound annual growth, a fraction per year (levels and flows).</summary>
    Cagr,

    /// <summary>Change in percentage points per year (rates and shares).</summary>
    PointsPerYear,

    /// <summary>Year-on-year growth of the deadline year, a fraction (growth-rate targets).</summary>
    YearOnYear,
}

/// <summary>
/// The plan-period check of China's mid-term reviews (时间过半、任务过半): the share of the required change achieved
/// against the share of the plan's time elapsed.
/// </summary>
/// <param name="Plan">The plan period.</param>
/// <param name="ChangeShare">(y_t − y_baseline) / (y* − y_baseline); for cumulative targets, total so far / target.</param>
/// <param name="TimeShare">(t − baseline) / (end − baseline).</param>
public sealed record TimeProgress(PlanPeriod Plan, double ChangeShare, double TimeShare)
{
    /// <summary>Whether the change achieved keeps pace with the time elapsed.</summary>
    public bool OnSchedule => ChangeShare >= TimeShare;
}

/// <summary>The deterministic judgement of one indicator against its target (or without one).</summary>
/// <param name="Indicator">The indicator.</param>
/// <param name="Latest">The latest observation used, or null when there is none.</param>
/// <param name="Target">The target, or null.</param>
/// <param name="Basis">What <see cref="Required"/> and <see cref="Observed"/> measure.</param>
/// <param name="Required">Growth per year needed from the latest value to the target.</param>
/// <param name="Observed">Growth per year over the recent window.</param>
/// <param name="ObservedFrom">The first period of the window.</param>
/// <param name="Ratio">CR = observed / required.</param>
/// <param name="Status">The status under the preset.</param>
/// <param name="TimeProgress">The plan-period check, when the target has a plan and the baseline is observed.</param>
/// <param name="Notes">What a reader should know: qualified values, a widened window, a passed deadline.</param>
public sealed record TrackingResult(
    Indicator Indicator,
    Observation? Latest,
    Target? Target,
    GrowthBasis Basis,
    QualifiedValue? Required,
    QualifiedValue? Observed,
    Period? ObservedFrom,
    QualifiedValue? Ratio,
    ProgressStatus Status,
    TimeProgress? TimeProgress,
    IReadOnlyList<string> Notes);

/// <summary>Options of deterministic tracking.</summary>
public sealed record TrackingOptions
{
    /// <summary>The observed growth runs over the last this many years (default 5), from at least two points.</summary>
    public int WindowYears { get; init; } = 5;

    /// <summary>The status thresholds (default UN SDG Progress Chart 2022).</summary>
    public StatusPreset? Preset { get; init; }

    /// <summary>The defaults: a five-year window and the UN 2022 thresholds.</summary>
    public static readonly TrackingOptions Default = new();

    /// <summary>The preset in use.</summary>
    public StatusPreset EffectivePreset => Preset ?? StatusPreset.UnSdg2022;
}
