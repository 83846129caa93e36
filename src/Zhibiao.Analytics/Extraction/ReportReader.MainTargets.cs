
namespace Zhibiao.Analytics.Extraction;

/// <summary>The main-targets statement of a report, and how subjects are read as canonical indicators.</summary>
public static partial class ReportReader
{
    /// <summary>
    /// The span of the main-targets statement (character offsets of the text), or null when the report has none: the
    /// statement that sets the coming year's targets, found by its structure (<c>Extraction/MainStatement</c>): a key
    /// phrase with 主要 or 预期 ending in 目标, qualified in any way (全省经济社会发展主要预期目标), followed by 是, 为, 如下, a
    /// colon — also on the next line — or ending a heading with its list below; about the coming year by its own words,
    /// its section, or the words before it; over the sentences and list lines with figures that follow.
    /// </summary>
    /// <param name="text">The report.</param>
    /// <param name="year">The report's year (the year of its targets).</param>
    public static (int Start, int End)? MainStatement(string text, int year)
    {
        ArgumentNullException.ThrowIfNull(text);
        ReportFacts read = FactExtractor.Read(text, new ExtractionOptions { Year = year });
        return Extraction.MainStatement.Find(read) is { } m ? (read.Offsets.Start(m.Start), read.Offsets.End(m.End)) : null;
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
