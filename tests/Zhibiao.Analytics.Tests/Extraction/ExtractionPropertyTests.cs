using Zhibiao.Analytics.Extraction;
using CsCheck;

namespace Zhibiao.Analytics.Tests.Extraction;

/// <summary>
/// Bounded fuzzing of the extractor with random text built from digits, Chinese numerals, units, magnitudes, qualifier
/// and verb words, punctuation, headings and arbitrary characters (including lone and paired surrogates). Each
/// property runs a fixed number of iterations, so the test's length is bounded without timing it.
/// </summary>
public class ExtractionPropertyTests
{
    private static readonly string[] Pieces =
    [
        "0", "1", "2", "3", "9", "12", "2024", "2025年", ".", ",", "5", "３", "．", "一", "两", "三", "十", "百", "千", "万", "亿", "万亿",
        "百万", "半", "成", "余", "多", "亩", "吨", "元", "美元", "千瓦", "千瓦时", "人次", "人", "个", "项", "%", "％", "个百分点", "倍",
        "级", "增长", "新增", "下降", "降幅", "达到", "提高到", "突破", "超过", "近", "约", "以上", "左右", "以内", "分别", "、", "，",
        "。", "；", "：", "\n", "—", "-", "至", "力争", "预计", "去年", "今年", "“", "”", "十四五", "期间", "累计", "第", "占", "总规模",
        "产值", "2024年工作回顾\n", "2025年工作安排\n", "粮食", "播种面积", "就业", "游客", "A", "G", "PM", "/", "\uD840\uDC00", "\uD800", " ",
    ];

    private static readonly Gen<string> Text =
        Gen.OneOf(Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i]), Gen.Char.Select(c => c.ToString()))
            .Array[0, 60].Select(parts => string.Concat(parts));

    private static readonly ExtractionOptions Year = new() { Year = 2025 };

    [Fact]
    public void Random_text_gives_facts_with_spans_inside_the_text_or_a_one_line_analytics_error()
    {
        Text.SamplePinned(text =>
        {
            IReadOnlyList<Fact> facts;
            try
            {
                facts = FactExtractor.Extract(text, Year);
            }
            catch (AnalyticsException e)
            {
                return !e.Message.Contains('\n', StringComparison.Ordinal);
            }

            int length = CodePoints(text);
            int previousStart = -1;
            foreach (Fact f in facts)
            {
                if (f.Start < 0 || f.End > length || f.Start >= f.End || f.Start < previousStart) return false;
                if (!double.IsFinite(f.Value.Value) || f.Text.Length == 0) return false;
                previousStart = f.Start;
            }

            return true;
        }, iter: 4000);
    }

    [Fact]
    public void A_sentence_read_alone_gives_the_same_facts_as_at_the_start_of_a_longer_text()
    {
        Gen.Select(Text, Text).SamplePinned((a, b) =>
        {
            string first = a + "。";
            IReadOnlyList<Fact> alone = FactExtractor.Extract(first, Year);
            IReadOnlyList<Fact> longer = FactExtractor.Extract(first + b, Year);
            return longer.Count >= alone.Count && alone.Select((f, i) => f == longer[i]).All(same => same);
        }, iter: 2000);
    }

    private static int CodePoints(string s)
    {
        int n = 0;
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
            n++;
        }

        return n;
    }
}
