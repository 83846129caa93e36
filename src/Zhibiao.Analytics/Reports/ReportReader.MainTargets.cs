using System.Globalization;
using Zhibiao.Analytics.Extraction;

namespace Zhibiao.Analytics.Reports;

/// <summary>Finding the main-targets statement of a report, and lists of figures shared out by 分别.</summary>
public static partial class ReportReader
{
    private static readonly string[] StatementLinks = ["是", "为", "定为", "：", ":", "任务是", "任务为"];
    private static readonly string[] CurrentYearMarks = ["今年", "本年", "开局之年", "起步之年", "开局", "开好局"];
    private static readonly string[] PlanPeriodMarks = ["五年", "时期", "期间", "规划", "远景", "二〇三〇", "二〇三五"];
    private static readonly string[] PastMarks = ["去年", "过去一年", "上年"];

    /// <summary>The time frame a passage speaks of, by its last time marker.</summary>
    private enum Frame
    {
        None,
        Current,
        PlanPeriod,
        Past,
    }

    /// <summary>
    /// The span of the main-targets statement, or null when the report has none. The statement is the first cue
    /// (主要预期目标 / 主要目标 / 预期目标, then 是, 为, 定为, 任务是 or a colon) whose time frame is the coming year and
    /// that is followed by figures: the frame is read from the last time marker before the cue in its sentence, or else
    /// in the 1,500 characters before it — the coming year (今年, the report's year, 开局之年, “十五五”良好开局) against
    /// a plan period (五年, 时期, 规划, “十五五” alone, 2030年) or the past (去年, 过去一年, the year before).
    /// Without a cue, a sentence opening with 今年 (or the year) that lists GDP growth and two more % figures is the
    /// statement. The statement runs to the end of its paragraph (to the next paragraph when the cue sentence has no
    /// figure), stopping at the first sentence without a figure, so targets spread over several sentences are kept.
    /// </summary>
    public static (int Start, int End)? MainStatement(string text, int year)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach ((int s, int e) in Sentences(text, 0, text.Length))
        {
            string sentence = text[s..e];
            int cue = StatementCueAt(sentence);
            if (cue < 0) continue;
            Frame frame = FrameOf(sentence[..cue], year);
            if (frame == Frame.None) frame = FrameOf(text[Math.Max(0, s - 1500)..s], year);
            if (frame != Frame.Current) continue;
            if (Extent(text, s + cue, e) is { } span) return span;
        }

        // A list after 今年 without a cue: 今年全省地区生产总值增长5%左右，…
        foreach ((int s, int e) in Sentences(text, 0, text.Length))
        {
            string sentence = text[s..e];
            int head = Math.Min(sentence.Length, 12);
            if (!sentence[..head].Contains("今年", StringComparison.Ordinal) && !sentence[..head].Contains(year.ToString(CultureInfo.InvariantCulture) + "年", StringComparison.Ordinal)) continue;
            int gdp = Math.Max(sentence.IndexOf("生产总值", StringComparison.Ordinal), sentence.IndexOf("经济增长", StringComparison.Ordinal));
            if (gdp < 0 || sentence.Count(c => c is '%' or '％') < 3 || FrameOf(sentence[..gdp], year) is Frame.PlanPeriod or Frame.Past) continue;
            if (Extent(text, s, e) is { } span) return span;
        }

        return null;
    }

    private static (int Start, int End)? Extent(string text, int start, int sentenceEnd)
    {
        int end = sentenceEnd;
        int paragraphEnd = ParagraphEnd(text, start);
        if (!HasDigit(text, start, Math.Min(sentenceEnd, paragraphEnd)) && paragraphEnd < text.Length)
            paragraphEnd = ParagraphEnd(text, paragraphEnd + 1);
        foreach ((int ns, int ne) in Sentences(text, sentenceEnd, paragraphEnd))
        {
            if (!HasDigit(text, ns, ne)) break;
            end = ne;
        }

        end = Math.Max(end, Math.Min(paragraphEnd, sentenceEnd));
        return HasDigit(text, start, end) ? (start, end) : null;
    }

    private static int StatementCueAt(string sentence)
    {
        foreach (string cue in StatementCues)
        {
            int at = 0;
            while ((at = sentence.IndexOf(cue, at, StringComparison.Ordinal)) >= 0)
            {
                int after = at + cue.Length;
                ReadOnlySpan<char> next = sentence.AsSpan(after);
                foreach (string link in StatementLinks)
                    if (next.StartsWith(link, StringComparison.Ordinal)) return at;
                at = after;
            }
        }

        return -1;
    }

    /// <summary>The frame of the last time marker in a passage.</summary>
    private static Frame FrameOf(string passage, int year)
    {
        int current = -1, plan = -1, past = -1;
        foreach (string m in CurrentYearMarks) current = Math.Max(current, passage.LastIndexOf(m, StringComparison.Ordinal));
        foreach (string m in PlanPeriodMarks) plan = Math.Max(plan, passage.LastIndexOf(m, StringComparison.Ordinal));
        foreach (string m in PastMarks) past = Math.Max(past, passage.LastIndexOf(m, StringComparison.Ordinal));
        for (int i = 0; i + 4 < passage.Length; i++)
        {
            if (YearAt(passage, i) is not { } y) continue;
            if (y == year) current = Math.Max(current, i);
            else if (y == year - 1) past = Math.Max(past, i);
            else if (y > year) plan = Math.Max(plan, i);
        }

        // “十五五” names a plan period, unless a 开局 after it makes it this year (实现“十五五”良好开局).
        for (int i = 0; i + 2 < passage.Length; i++)
            if (passage[i] == '十' && passage[i + 2] == '五' && "一二三四五六".Contains(passage[i + 1], StringComparison.Ordinal)) plan = Math.Max(plan, i);
        int last = Math.Max(current, Math.Max(plan, past));
        return last < 0 ? Frame.None : last == current ? Frame.Current : last == plan ? Frame.PlanPeriod : Frame.Past;
    }

    /// <summary>
    /// Shares out the subjects of a 分别 list: 城乡居民人均可支配收入分别增长5%、6.5%左右 gives 城镇居民人均可支配收入 5%
    /// and 农村居民人均可支配收入 6.5%; 城镇和农村常住居民… and 城镇、农村居民… likewise. A 左右 written once after the
    /// last figure of a list joined by 、 or 和 applies to all of them. Lists whose subjects and figures differ in number are left as they are.
    /// </summary>
    internal static IReadOnlyList<Fact> Respectively(string text, IReadOnlyList<Fact> facts)
    {
        var result = facts.ToList();
        for (int i = 0; i < result.Count; i++)
        {
            Fact f = result[i];
            if (f.Start > text.Length) continue;
            int clauseStart = text.LastIndexOfAny(['，', '；', '。', '：', '\n'], Math.Max(0, f.Start - 1)) + 1;
            int resp = text.IndexOf("分别", clauseStart, StringComparison.Ordinal);
            if (resp < 0 || resp >= f.Start) continue;
            int clauseEnd = text.IndexOfAny(['，', '；', '。', '\n'], f.Start);
            if (clauseEnd < 0) clauseEnd = text.Length;
            var group = new List<int>();
            for (int k = i; k < result.Count && result[k].Start < clauseEnd; k++) group.Add(k);
            string phrase = text[clauseStart..resp];
            if (Shared(phrase) is not { } subjects || subjects.Count != group.Count)
            {
                i = group[^1];
                continue;
            }

            Fact last = result[group[^1]];
            bool joined = group.Zip(group.Skip(1)).All(p => text[result[p.First].End..result[p.Second].Start].Trim() is "、" or "和" or "与");
            for (int k = 0; k < group.Count; k++)
            {
                Fact g = result[group[k]];
                Qualifier q = joined && g.Qualifier == Qualifier.Exact && last.Qualifier == Qualifier.Approx ? Qualifier.Approx : g.Qualifier;
                result[group[k]] = g with { Subject = subjects[k], Qualifier = q };
            }

            i = group[^1];
        }

        return result;
    }

    /// <summary>城乡X → 城镇X, 农村X; A和BX / A、BX (A as long as B's first word) → AX, BX; else null.</summary>
    private static List<string>? Shared(string phrase)
    {
        phrase = phrase.Trim();
        if (phrase.StartsWith("城乡", StringComparison.Ordinal) && phrase.Length > 2) return ["城镇" + phrase[2..], "农村" + phrase[2..]];
        int sep = phrase.IndexOfAny(['和', '、', '与']);
        if (sep <= 0 || sep + 1 >= phrase.Length) return null;
        string left = phrase[..sep], right = phrase[(sep + 1)..];
        if (right.Length <= left.Length || right.IndexOfAny(['和', '、', '与']) >= 0) return null;
        return [left + right[left.Length..], right];
    }

    private static readonly string[] ScopeWords = ["全省", "全市", "全区", "全国", "我省", "我市", "我区", "全自治区"];
    private static readonly string[] BasisWords = ["同口径", "按可比口径", "可比口径", "按同口径"];

    /// <summary>A subject without the basis of its figure (一般公共预算收入同口径 → 一般公共预算收入).</summary>
    private static string Qualified(string subject)
    {
        foreach (string w in BasisWords)
            if (subject.EndsWith(w, StringComparison.Ordinal)) return subject[..^w.Length];
        return subject;
    }

    /// <summary>经济 alone (经济增长5%左右, 全省经济增长…) as the subject of a growth figure is GDP growth; 数字经济 is not.</summary>
    private static Synonym? EconomyAsGdp(string stripped, Fact f, SynonymTable synonyms)
    {
        string s = stripped;
        foreach (string w in ScopeWords)
            if (s.StartsWith(w, StringComparison.Ordinal)) s = s[w.Length..];
        return s == "经济" && f.Kind == Measure.Growth ? synonyms.FindByHead("经济增长") : null;
    }

    /// <summary>增长 right before the figure (地区生产总值按增长5%安排): the figure is a growth whatever the extractor's kind.</summary>
    private static bool GrowthBeforeFigure(string text)
    {
        int at = text.LastIndexOf("增长", StringComparison.Ordinal);
        return at >= 0 && at + 2 < text.Length && (char.IsAsciiDigit(text[at + 2]) || text[at + 2] is >= '０' and <= '９');
    }
}
