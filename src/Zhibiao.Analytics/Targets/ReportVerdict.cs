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
public sealed record ReportVerdict(int ReportYear, int Year, string? IndicatorId, bool Met, string File, int Start, int End, string Text)
{
    /// <summary>
    /// The verdict on a target among some verdicts (the one rule): the one on its indicator for its deadline year, else,
    /// when <paramref name="blanket"/> and the target is a main target, the one on all main targets of that year; null
    /// when none. A verdict on all main targets judges the list, not an indicator: the record
    /// (<c>TargetRecord.Of</c>) never takes it for an indicator's outcome; the backtest's check of
    /// outcomes against the next report's statements does.
    /// </summary>
    internal static ReportVerdict? On(IEnumerable<ReportVerdict> verdicts, Target target, bool blanket)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        ArgumentNullException.ThrowIfNull(target);
        ReportVerdict? all = null;
        foreach (ReportVerdict v in verdicts)
        {
            if (v.Year != target.Deadline.Year) continue;
            if (v.IndicatorId == target.IndicatorId) return v;
            if (v.IndicatorId is null) all ??= v;
        }

        return blanket && target.IsMain ? all : null;
    }
}
