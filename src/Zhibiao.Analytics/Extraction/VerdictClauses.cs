namespace Zhibiao.Analytics.Extraction;

/// <summary>A clause in which a report judges last year's targets: met (全面完成, 圆满实现主要预期目标) or missed (未完成).</summary>
/// <param name="Start">First character of the clause (code points of the text as given).</param>
/// <param name="End">Just after the clause.</param>
/// <param name="Clause">The clause as read.</param>
/// <param name="Met">Met or missed.</param>
/// <param name="Named">The words naming what was judged (the clause up to 目标 or the verb).</param>
/// <param name="Before">The words of the sentence before the clause, which may name it instead (节能减排、物价调控目标没有完成).</param>
/// <param name="Main">The clause speaks of the main targets (主要…目标) without naming one.</param>
internal sealed record VerdictClause(int Start, int End, string Clause, bool Met, string Named, string Before, bool Main);

/// <summary>
/// The report's own verdicts on last year's targets, before its main-targets statement: clauses with 目标 and a verb of
/// missing (没有完成, 未实现 …) or meeting (超额完成, 全面完成, 实现, 达到 …), leaving out clauses about a plan (规划, 五年,
/// “十X五”) or this year (今年). One pass over the sentences.
/// </summary>
internal static class VerdictClauses
{
    private static readonly string[] MissedWords = ReadingData.WordArray("MissedWords");
    private static readonly string[] MetWords = ReadingData.WordArray("MetWords");

    /// <summary>The verdict clauses of the text as read before <paramref name="end"/>.</summary>
    public static IReadOnlyList<VerdictClause> Find(ReportFacts report, int end)
    {
        string t = report.Text.Text;
        var found = new List<VerdictClause>();
        int s = 0;
        for (int i = 0; i <= end && i <= t.Length; i++)
        {
            if (i < end && i < t.Length && t[i] is not ('。' or '！' or '？' or '\n')) continue;
            int e = Math.Min(i < t.Length && t[i] != '\n' ? i + 1 : i, end);
            if (e > s) Sentence(report, t, s, e, found);
            s = i + 1;
        }

        return found;
    }

    private static void Sentence(ReportFacts report, string t, int s, int e, List<VerdictClause> found)
    {
        int cs = s;
        for (int i = s; i <= e; i++)
        {
            if (i < e && t[i] is not ('，' or '；')) continue;
            if (i > cs) Clause(report, t, s, cs, i, found);
            cs = i + 1;
        }
    }

    private static void Clause(ReportFacts report, string t, int s, int cs, int ce, List<VerdictClause> found)
    {
        string clause = t[cs..ce];
        int goal = clause.IndexOf("目标", StringComparison.Ordinal);
        if (goal < 0 || clause.Contains("规划", StringComparison.Ordinal) || clause.Contains("五年", StringComparison.Ordinal)
            || clause.Contains("五”", StringComparison.Ordinal) || clause.Contains("今年", StringComparison.Ordinal)) return;
        string? missed = MissedWords.FirstOrDefault(w => clause.Contains(w, StringComparison.Ordinal));
        string? met = missed is null ? MetWords.FirstOrDefault(w => clause.Contains(w, StringComparison.Ordinal)) : null;
        if (missed is null && met is null) return;
        int at = clause.IndexOf(missed ?? met!, StringComparison.Ordinal);
        string named = clause[..Math.Max(goal, at)];
        found.Add(new VerdictClause(report.Offsets.Start(cs), report.Offsets.End(ce), clause, missed is null, named, t[s..cs],
            clause.Contains("主要", StringComparison.Ordinal)));
    }
}
