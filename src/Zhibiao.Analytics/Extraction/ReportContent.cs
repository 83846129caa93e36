namespace Zhibiao.Analytics.Extraction;

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
/// <param name="Targets">
/// Targets of canonical indicators for the report's year, in text order, one per indicator (the main statement's
/// first): side and tolerance by <see cref="Target.FromWording"/>, values in the indicator's unit as written, the
/// source address "chars START-END" of the figure (to the upper bound of a range).
/// </param>
/// <param name="Figures">
/// Figures of past periods (outcomes) of canonical indicators, first per indicator and period, with the report's year
/// as their vintage; a plan period's yearly average (年均增长, 2021-2025) has <see cref="Observation.Plan"/> set.
/// </param>
/// <param name="Verdicts">The report's statements on last year's targets.</param>
/// <param name="MainStatement">The character span of the main-targets statement, or null when the report has none.</param>
public sealed record ReportContent(
    string File, int Year, IReadOnlyList<Target> Targets, IReadOnlyList<Observation> Figures, IReadOnlyList<ReportVerdict> Verdicts, (int Start, int End)? MainStatement);

