namespace Zhibiao.Analytics;

/// <summary>
/// What a report says of the past year's targets (a stated verdict, verdicts.csv of a dataset): met (全面完成, 圆满实现主要预期目标, 超过预期目标) or missed (未完成,
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
