namespace Zhibiao.Analytics;

/// <summary>What a reported figure measures: the level itself, its change, or its growth rate.</summary>
public enum Measure
{
    /// <summary>The amount, rate or share itself (粮食播种面积4440万亩).</summary>
    Level,

    /// <summary>A net difference from the previous period (新增202.9万亩).</summary>
    Change,

    /// <summary>A relative change in percent (增长10.6%), or in 倍, or a change of a rate in 百分点.</summary>
    Growth,
}

/// <summary>How a derived value was obtained and the interval the rounding of its inputs allows.</summary>
/// <param name="Method">In words: "implied from 2.37亿吨 (2024) and growth 10.6%".</param>
/// <param name="Bounds">The interval of values consistent with the rounded inputs, in the observation's unit.</param>
public sealed record Derivation(string Method, Interval Bounds);

/// <summary>
/// One figure of an indicator for a period: a level, change or growth, its qualifier (突破3亿 is more than 3亿) and
/// source. Derived observations (an implied previous value, an interpolated gap) say how they were derived.
/// </summary>
/// <param name="IndicatorId">The indicator the figure belongs to.</param>
/// <param name="Period">The period it is about.</param>
/// <param name="Measure">Level, change or growth.</param>
/// <param name="Value">The figure with its unit as written.</param>
/// <param name="Qualifier">How the figure relates to the true value.</param>
/// <param name="Source">Where it comes from.</param>
public sealed record Observation(string IndicatorId, Period Period, Measure Measure, Quantity Value, Qualifier Qualifier, Source Source)
{
    /// <summary>How the value was derived; null for a reported figure.</summary>
    public Derivation? Derivation { get; init; }

    /// <summary>
    /// When the figure was published: the period of the report or release that gave it (2025 for a figure of the 2025
    /// government work report, 2025-10 for a monthly release), so histories can be cut to what was known at a time;
    /// null when unknown.
    /// </summary>
    public Period? Vintage { get; init; }

    /// <summary>
    /// The years a multi-year figure covers (a yearly average over 2021-2025, the plan period ending at
    /// <see cref="Period"/>); null for a figure of one period. Such figures are not part of a level series.
    /// </summary>
    public PlanPeriod? Plan { get; init; }

    /// <summary>
    /// Whether the figure is year-to-date (observations.csv basis <c>year_to_date</c>): a level that is the total from
    /// the start of the calendar year to the end of <see cref="Period"/> (1–9月累计 for 2025-09, 前三季度 for 2025-Q3),
    /// a growth of that total over the same periods a year before (累计增长); false for a figure of the period alone.
    /// Year-to-date figures are not part of a level series: <see cref="Data.Dataset.Series"/> turns a flow's
    /// year-to-date totals into period values (<see cref="Zhibiao.Analytics.YearToDate"/>).
    /// </summary>
    public bool IsYearToDate { get; init; }

    /// <summary>Whether the value was derived rather than reported.</summary>
    public bool IsDerived => Derivation is not null;

    /// <summary>
    /// The interval the figure allows for the true value: the rounding interval for exact figures, the derivation's
    /// bounds for derived ones, and a half-line for at least / more than / at most (nearly: up to the figure).
    /// </summary>
    public Interval Bounds
    {
        get
        {
            Interval r = Derivation?.Bounds ?? Value.RoundingInterval;
            return Qualifier switch
            {
                Qualifier.AtLeast or Qualifier.MoreThan => new(r.Lower, double.PositiveInfinity),
                Qualifier.AtMost => new(double.NegativeInfinity, r.Upper),
                Qualifier.Nearly => new(double.NegativeInfinity, r.Upper),
                _ => r,
            };
        }
    }

    /// <summary>"2024: >3亿人次" style text.</summary>
    public override string ToString() => $"{Period}: {Qualifier.ToSign()}{Value}";
}
