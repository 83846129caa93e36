using System.Text;

namespace Zhibiao.Analytics.Extraction;

/// <summary>A report as read: the text with its layout taken out, its sections, and its facts with their spans in that text.</summary>
/// <param name="Text">The text as given and as read.</param>
/// <param name="Layout">Its sections and year.</param>
/// <param name="Offsets">From spans of the text as read to code-point offsets of the text as given.</param>
/// <param name="Facts">The facts (spans in code points of the text as given).</param>
/// <param name="Spans">The span of each fact in the text as read.</param>
internal sealed record ReportFacts(ReportText Text, ReportLayout Layout, FactExtractor.SpanMap Offsets, IReadOnlyList<Fact> Facts, IReadOnlyList<(int Start, int End)> Spans);

/// <summary>Options of <see cref="FactExtractor.Extract"/>.</summary>
public sealed record ExtractionOptions
{
    /// <summary>
    /// The report's year: the year its plan section sets targets for (2025 for the 2025 report); the review section
    /// reports the year before. Null: read from the section headings (2024年工作回顾, 2025年工作安排).
    /// </summary>
    public int? Year { get; init; }
}

/// <summary>
/// Reads the numeric facts of a Chinese government work report: each figure with its subject, period, kind (level,
/// change, growth), value in base units, qualifier, whether it is a target, and its character span. A single pass
/// over the text with a scanner (no regular expressions), so the time is linear in the length of the text.
/// </summary>
/// <remarks>
/// Rules, in short (the tests hold an example of each):
/// <list type="bullet">
/// <item>A figure is a number (Arabic or Chinese numerals) with a unit of <see cref="Units"/>, possibly with a magnitude
/// word (4440万亩, 1.4万亿斤, 百万吨, 一半 = 50 %, 九成 = 90 %), or a magnitude alone where the noun gives the unit
/// (3300万 workers → 人). Years, dates, ordinals (第一), designations (千万千瓦级, 5A, 6G, 十四五) and small Chinese counts
/// followed by a noun (五项原则, 十件民生实事) are not facts.</item>
/// <item>The kind: a figure right after a verb of change (新增, 增加, 减少, 增产) is a change; in % after a verb of growth
/// (增长, 下降) or a growth noun (涨幅, 降幅) it is a growth, negative for decreases; 百分点 is a growth; after 达到 / 至 it
/// is a level again (提高到90.4%).</item>
/// <item>Qualifiers: words right before (突破, 超过, 近, 约), inside (余, 多) or right after (以上, 左右); a range 5%—6% gives
/// at least 5 and at most 6. The qualifier of a negated figure is flipped (降幅超过3% is a growth of at most −3 %).</item>
/// <item>The subject is the noun phrase before the figure, without scope words (全疆, 全年), target words and verbs
/// (安排, 完成); an empty one is inherited from the previous figure of the sentence; counted nouns after a count unit
/// are the subject (创建15个全国美丽宜居示范村); 分别 lists pair subjects and figures in order.</item>
/// <item>Period and target: the section decides (review: past year, outcome; plan: coming year, target), then words of
/// the sentence before the figure: an explicit year (到2027年), 去年, 今年, a plan period (“十四五”期间 → 2021-2025);
/// 力争 / 拟 / 预期目标 make a target anywhere, 预计 makes a forecast (not a target).</item>
/// </list>
/// </remarks>
public static class FactExtractor
{
    /// <summary>Extracts the facts of a report text, in text order.</summary>
    /// <exception cref="AnalyticsException">The text has figures but its year cannot be told (no year headings, no <see cref="ExtractionOptions.Year"/>).</exception>
    public static IReadOnlyList<Fact> Extract(string text, ExtractionOptions? options = null) => Read(text, options).Facts;

    /// <summary>Reads a report: its text as read, its sections, and its facts with their spans in the text as read.</summary>
    /// <exception cref="AnalyticsException">The text has figures but its year cannot be told.</exception>
    internal static ReportFacts Read(string text, ExtractionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (options?.Year is { } y && (y < 2 || y > 9999))
            throw new AnalyticsException($"report year {y} is outside 2–9999");
        var read = ReportText.Read(text);
        string t = read.Text;
        var layout = ReportLayout.Build(t, options?.Year);
        var offsets = new SpanMap(read, CodePointOffsets(text));
        var time = new PeriodContext(layout);
        var facts = new List<Fact>();
        var spans = new List<(int Start, int End)>();
        int start = 0;
        while (start < t.Length)
        {
            int end = start;
            while (end < t.Length && !Lexicon.IsSentenceEnd(t[end])) end++;
            if (end > start) new SentenceReader(t, start, end, time, offsets, facts, spans).Read();
            start = end + 1;
        }

        return new ReportFacts(read, layout, offsets, facts, spans);
    }

    /// <summary>The year a report plans for, from its headings, title or byline (as <see cref="Extract"/> tells it), or null.</summary>
    internal static int? ReportYear(string text) => ReportLayout.Build(ReportText.Read(text).Text, null).PlanYear;

    /// <summary>
    /// Reads a report file as strict UTF-8 text. Line breaks are read as Python reads text (\r\n and \r become \n), so
    /// offsets agree with tools that read the file that way. A byte-order mark is kept as a character.
    /// </summary>
    /// <exception cref="AnalyticsException">The file is missing or unreadable, or is not UTF-8 text.</exception>
    public static string ReadReport(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new AnalyticsException($"{path}: report not found");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AnalyticsException($"{path}: cannot read ({e.Message})", e);
        }

        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            string where = e.Index >= 0 ? $" at byte {e.Index}" : "";
            throw new AnalyticsException($"{path}: not UTF-8 text (invalid byte{where}); convert it to UTF-8 first", e);
        }

        int nul = text.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0) throw new AnalyticsException($"{path}: not a text file (NUL character at offset {nul})");
        return text.Contains('\r', StringComparison.Ordinal) ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : text;
    }

    /// <summary>From spans of the text as read to code-point offsets of the text as given.</summary>
    internal sealed class SpanMap(ReportText read, int[]? codePoints)
    {
        /// <summary>The code-point offset of the first character of a span starting at <paramref name="start"/>.</summary>
        public int Start(int start)
        {
            int o = read.ToOriginal(start);
            return codePoints?[o] ?? o;
        }

        /// <summary>The code-point offset just after a span ending (exclusive) at <paramref name="end"/>.</summary>
        public int End(int end)
        {
            int o = read.EndToOriginal(end);
            return codePoints?[o] ?? o;
        }
    }

    /// <summary>For texts with surrogate pairs, the code-point offset of each UTF-16 index; null when they coincide.</summary>
    private static int[]? CodePointOffsets(string text)
    {
        int first = -1;
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsSurrogate(text[i]))
            {
                first = i;
                break;
            }
        }

        if (first < 0) return null;
        int[] map = new int[text.Length + 1];
        int cp = 0;
        for (int i = 0; i < text.Length; i++)
        {
            map[i] = cp;
            if (!(char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))) cp++;
        }

        map[text.Length] = cp;
        return map;
    }
}
