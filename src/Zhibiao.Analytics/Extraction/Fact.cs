namespace Zhibiao.Analytics.Extraction;

/// <summary>
/// One numeric fact read from a report, with its place in the text. The span covers the number with its magnitude
/// and unit (4440万亩, 100余万人, 一半); qualifier words before or after it (突破, 以上) are outside the span but inside
/// <see cref="Text"/>.
/// </summary>
/// <param name="Subject">The indicator as the report names it (粮食播种面积); for a change or growth, what changed.</param>
/// <param name="Period">The year the fact is about; for a multi-year figure, the last year of <see cref="Plan"/>.</param>
/// <param name="Kind">Level, change (a net difference, 新增202.9万亩) or growth (增长10.6%; decreases negative).</param>
/// <param name="Value">The figure as written, held in base units (4440万亩 is 44,400,000 亩 written with 万).</param>
/// <param name="Qualifier">How the figure relates to the true value (突破 → more than, 以上 → at least).</param>
/// <param name="IsTarget">A goal for a future period (力争, 目标, 拟 …, or any figure of the plan section); a forecast (预计) is not.</param>
/// <param name="Start">Offset of the first character of the span, in characters (Unicode code points) of the text.</param>
/// <param name="End">Offset just after the span (exclusive).</param>
/// <param name="Text">The words around the figure in the report: its subject, the figure and its qualifier words.</param>
public sealed record Fact(
    string Subject, Period Period, Measure Kind, Quantity Value, Qualifier Qualifier, bool IsTarget, int Start, int End, string Text)
{
    /// <summary>The years a multi-year figure covers (2021-2025 for a 十四五 total), or null for one year.</summary>
    public PlanPeriod? Plan { get; init; }

    /// <summary>
    /// Whether the figure is year-to-date (1—9月, 前三季度, 上半年, 一季度 before it): a total from the start of the year to
    /// the end of <see cref="Period"/> (2025-09, 2025-Q3), or that total's growth; false for a figure of its period.
    /// </summary>
    public bool IsYearToDate { get; init; }

    /// <summary>The word that made it a target (力争) or a forecast (预计), if any.</summary>
    public string? Note { get; init; }

    /// <summary>The period as written in files: "2024", or "2021-2025" for a multi-year figure.</summary>
    public string PeriodText => Plan?.ToString() ?? Period.ToString();

    /// <summary>The place in the document, as a source address: "chars 443-449".</summary>
    public string Address => FormattableString.Invariant($"chars {Start}-{End}");

    /// <summary>"粮食播种面积 2024 level 4440万亩 (chars 443-449)".</summary>
    public override string ToString() =>
        $"{Subject} {PeriodText} {Kind.ToString().ToLowerInvariant()} {Qualifier.ToSign()}{Value.ToWrittenString()}{(IsTarget ? " target" : "")} ({Address})";
}
