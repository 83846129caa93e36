namespace Zhibiao.Analytics.Reports;

/// <summary>How a target is worded.</summary>
public enum TargetWording
{
    /// <summary>A bare figure (增长7.5%, 控制在4.6%, 城镇新增就业900万人).</summary>
    Exact,

    /// <summary>About the figure (左右).</summary>
    About,

    /// <summary>The figure or more (以上, 不低于).</summary>
    AtLeast,

    /// <summary>The figure or less (以内, 低于, 以下).</summary>
    AtMost,

    /// <summary>Between two figures (6.5%－7%, 5%—5.5%, 5%至6%).</summary>
    Range,
}

/// <summary>A target a report sets for its own year, mapped to a canonical indicator.</summary>
/// <param name="Year">The year it is for (the report's year).</param>
/// <param name="IndicatorId">The canonical indicator (gdp_growth).</param>
/// <param name="Subject">The subject as the report writes it (国内生产总值).</param>
/// <param name="Value">The figure in the indicator's unit (8 for 增长8%; 9,000,000 for 900万人); the lower bound of a range.</param>
/// <param name="High">The upper bound of a range, else null.</param>
/// <param name="Wording">Exact, about, at least, at most or a range.</param>
/// <param name="IsMain">Stated in the report's main-targets statement (主要预期目标是 …).</param>
/// <param name="File">The report file.</param>
/// <param name="Start">First character of the figure (code points).</param>
/// <param name="End">Just after the figure (the upper bound for a range).</param>
/// <param name="Text">The words around the figure.</param>
public sealed record ReportTarget(
    int Year, string IndicatorId, string Subject, double Value, double? High, TargetWording Wording, bool IsMain, string File, int Start, int End, string Text)
{
    /// <summary>Decimals of the figure as written (2 for 4.25%), for the rounding tolerance.</summary>
    public int Decimals { get; init; }

    /// <summary>The figure as written with its unit (8%, 1000万人, 6.5%–7%).</summary>
    public string Written { get; init; } = "";

    /// <summary>The figure (the lower bound of a range) as a quantity in the indicator's unit, with the magnitude written.</summary>
    public Quantity Figure { get; init; }
}

/// <summary>A figure a report gives for a past period of a canonical indicator: one year, or a plan period's yearly average.</summary>
/// <param name="ReportYear">The year of the report that states it.</param>
/// <param name="IndicatorId">The canonical indicator.</param>
/// <param name="Subject">The subject as written.</param>
/// <param name="Period">The year (2004) or the plan period of an average (2011-2015).</param>
/// <param name="Value">The figure in the indicator's unit.</param>
/// <param name="Qualifier">How the figure relates to the true value (突破 → more than).</param>
/// <param name="File">The report file.</param>
/// <param name="Start">First character of the figure.</param>
/// <param name="End">Just after the figure.</param>
/// <param name="Text">The words around the figure.</param>
public sealed record ReportFigure(
    int ReportYear, string IndicatorId, string Subject, string Period, double Value, Qualifier Qualifier, string File, int Start, int End, string Text)
{
    /// <summary>The year for a one-year figure, null for a plan-period average.</summary>
    public int? Year => int.TryParse(Period, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int y) ? y : null;

    /// <summary>The figure as written with its unit (9.5%, 980万人).</summary>
    public string Written { get; init; } = "";

    /// <summary>The figure as a quantity in the indicator's unit, with the magnitude written.</summary>
    public Quantity Figure { get; init; }
}

/// <summary>
/// What a report says of the past year's targets: met (全面完成, 圆满实现主要预期目标, 超过预期目标) or missed (未完成,
/// 没有完成), for one indicator or for all main targets.
/// </summary>
/// <param name="ReportYear">The report's year.</param>
/// <param name="Year">The year judged (the year before).</param>
/// <param name="IndicatorId">The indicator named, or null for "all main targets".</param>
/// <param name="Met">Met or missed.</param>
/// <param name="File">The report file.</param>
/// <param name="Start">First character of the sentence.</param>
/// <param name="End">Just after the sentence.</param>
/// <param name="Text">The sentence.</param>
public sealed record ReportVerdict(int ReportYear, int Year, string? IndicatorId, bool Met, string File, int Start, int End, string Text);

/// <summary>What one report gives: its year, its targets, its figures for past periods and its verdicts on last year's targets.</summary>
/// <param name="File">The report file.</param>
/// <param name="Year">The report's year (the year of its targets).</param>
/// <param name="Targets">Targets of canonical indicators, main-statement ones first per indicator.</param>
/// <param name="Figures">Figures of past periods (outcomes), first per indicator and period.</param>
/// <param name="Verdicts">The report's statements on last year's targets.</param>
/// <param name="MainStatement">The character span of the main-targets statement, or null when the report has none.</param>
public sealed record ReportContent(
    string File, int Year, IReadOnlyList<ReportTarget> Targets, IReadOnlyList<ReportFigure> Figures, IReadOnlyList<ReportVerdict> Verdicts, (int Start, int End)? MainStatement);
