using System.Text;

namespace Zhibiao.Analytics.Extraction;

/// <summary>
/// A report's text as the readers see it, with every difference of layout taken out, and the way back to the
/// characters of the text as given. One pass, linear in the length:
/// <list type="bullet">
/// <item>widths: full-width digits, Latin letters, ％ and ．(０-９, Ａ-Ｚ) are read as ASCII; the ASCII forms of the
/// Chinese punctuation (, : ; ( )) are read as the Chinese ones (，：；（）), except , and : between digits (1,234; 10:30);
/// a point after a Chinese character or a unit sign and before one (壮大.电子信息, 5200列.) is a full stop 。;</item>
/// <item>spaces (ASCII, ideographic U+3000, no-break, tabs) are dropped, except one between two Latin letters or digits;</item>
/// <item>line breaks: a break inside a sentence is dropped (the line goes on), a break after the end of a sentence
/// (。！？；：), after a heading (一、…, （一）…, a short line ending in 工作/回顾/任务 …, the title) or before a list item
/// (一是, （一）, 1., ——) ends the paragraph; a blank line always does. A line that a link continues
/// (是：…, 为…) belongs to the line before it, heading or not. The rows of a table written as lines (地区生产总值增长：5.5%左右 /
/// 城镇新增就业：45万人以上) are items: each ends its paragraph.</item>
/// <item>hard-wrapped text (from a PDF or a fixed-width page: most lines of one width, <see cref="WrapWidth"/>): a
/// line of that width goes on whatever it ends with, since where it ends is the page's, not the writer's; only a blank
/// line, an indented line, a heading or a list marker after a sentence end starts a paragraph after it.</item>
/// </list>
/// </summary>
internal sealed class ReportText
{
    /// <summary>Longest line read as a heading without a list marker (2026年重点工作, “十四五”时期工作回顾).</summary>
    private const int MaxPlainHeading = 40;

    /// <summary>Longest line read as a heading after a list marker (（一）全力办好国家大事，纵深推进京津冀协同发展).</summary>
    private const int MaxMarkedHeading = 60;

    /// <summary>Narrowest line, in columns, counted when looking for a wrap width (10 Chinese characters).</summary>
    private const int MinWrapColumns = 20;

    /// <summary>
    /// Columns either side of a wrap width within which a line is of that width: two Chinese characters, as a typesetter
    /// moves a figure or a closing mark to the next line or lets one hang.
    /// </summary>
    private const int WrapSlack = 4;

    /// <summary>
    /// Share of the lines (of at least <see cref="MinWrapColumns"/>) that must be of one width for a text to be read as
    /// hard-wrapped: a majority. Text with one line per paragraph has lines as long as its paragraphs, of every length.
    /// </summary>
    private const double WrappedShare = 0.5;

    /// <summary>
    /// Fewest lines of one width that show a text hard-wrapped: a few lines of one width happen by chance in a short text,
    /// while any report with a review and a plan (a few thousand characters) wrapped at 50 characters or less has
    /// more than a hundred lines of the page's width.
    /// </summary>
    private const int MinWrappedLines = 20;

    /// <summary>Words a heading without a list marker ends with.</summary>
    private static readonly WordList HeadingTails = ReadingData.Words("HeadingTails");

    /// <summary>Words that continue the line before when they open a line (主要预期目标 / 是：…).</summary>
    private static readonly WordList Links = ReadingData.Words("LineLinks");

    private readonly int[] _origin;

    private ReportText(string original, string text, int[] origin)
    {
        Original = original;
        Text = text;
        _origin = origin;
    }

    /// <summary>The text as given.</summary>
    public string Original { get; }

    /// <summary>The text as read.</summary>
    public string Text { get; }

    /// <summary>The index in <see cref="Original"/> of the character at <paramref name="index"/> of <see cref="Text"/> (its length maps to the original's).</summary>
    public int ToOriginal(int index) => _origin[index];

    /// <summary>The exclusive end in <see cref="Original"/> of a span of <see cref="Text"/> ending (exclusive) at <paramref name="end"/>.</summary>
    public int EndToOriginal(int end) => end == 0 ? _origin[0] : _origin[end - 1] + 1;

    /// <summary>Reads a text.</summary>
    public static ReportText Read(string original)
    {
        ArgumentNullException.ThrowIfNull(original);
        var sb = new StringBuilder(original.Length);
        var origin = new List<int>(original.Length + 1);
        int lineStart = 0;
        int? wrap = WrapWidth(original);
        int columns = 0;
        for (int i = 0; i < original.Length; i++)
        {
            char c = original[i];
            if (c == '\r' && i + 1 < original.Length && original[i + 1] == '\n') continue;
            if (c is '\n' or '\r')
            {
                bool wrapped = wrap is { } w && columns >= w - WrapSlack;
                columns = 0;
                if (wrapped ? EndsWrappedLine(sb, lineStart, original, i + 1, wrap!.Value) : EndsParagraph(sb, lineStart, original, i + 1))
                {
                    sb.Append('\n');
                    origin.Add(i);
                    lineStart = sb.Length;
                }

                continue;
            }

            if (IsSpace(c))
            {
                int next = i + 1;
                while (next < original.Length && IsSpace(original[next])) next++;
                bool keep = sb.Length > lineStart && char.IsAsciiLetterOrDigit(sb[^1]) && next < original.Length && char.IsAsciiLetterOrDigit(Map(original[next], '\0', '\0'));
                if (keep)
                {
                    sb.Append(' ');
                    origin.Add(i);
                }

                i = next - 1;
                continue;
            }

            columns += Columns(c);
            char before = sb.Length > lineStart ? sb[^1] : '\0';
            char after = NextVisible(original, i + 1);
            sb.Append(Map(c, before, after));
            origin.Add(i);
        }

        origin.Add(original.Length);
        return new ReportText(original, sb.ToString(), [.. origin]);
    }

    /// <summary>
    /// The width, in columns, a text is hard-wrapped at: the width that most lines of at least <see cref="MinWrapColumns"/>
    /// columns are within <see cref="WrapSlack"/> of, when they are more than <see cref="WrappedShare"/> of them and at
    /// least <see cref="MinWrappedLines"/>; else null. (Of the 44 shared reports, one line a paragraph, at most 23% of
    /// the lines are within a window of one width.)
    /// </summary>
    internal static int? WrapWidth(string text)
    {
        var counts = new Dictionary<int, int>();
        int lines = 0, width = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            char c = i < text.Length ? text[i] : '\n';
            if (c is '\n' or '\r')
            {
                if (width >= MinWrapColumns)
                {
                    lines++;
                    counts[width] = counts.GetValueOrDefault(width) + 1;
                }

                width = 0;
            }
            else if (!IsSpace(c))
            {
                width += Columns(c);
            }
        }

        if (lines < MinWrappedLines) return null;
        int best = 0, bestCount = 0;
        foreach (int w in counts.Keys)
        {
            int n = 0;
            for (int d = -WrapSlack; d <= WrapSlack; d++) n += counts.GetValueOrDefault(w + d);
            if (n > bestCount || (n == bestCount && w < best))
            {
                best = w;
                bestCount = n;
            }
        }

        return bestCount >= MinWrappedLines && bestCount > WrappedShare * lines ? best : null;
    }

    /// <summary>The columns a character takes: two for Chinese characters and full-width forms (U+2000 and above), else one.</summary>
    internal static int Columns(char c) => c >= '\u2000' ? 2 : 1;

    /// <summary>Whether a line of the text as read is a heading: a list marker and a short line, or a short line ending in a heading word.</summary>
    public static bool IsHeading(ReadOnlySpan<char> line)
    {
        line = line.Trim();
        if (line.IsEmpty || line.Contains('。') || line.Contains('；') || line.Contains('：')) return false;
        if (MarkerLength(line) > 0) return line.Length <= MaxMarkedHeading;
        // 今年是完成“十一五”节能减排约束性目标 (a sentence broken after a heading-like word) says 是: a heading does not.
        if (line.Length > MaxPlainHeading || line.Contains('，') || line.Contains('是')) return false;
        if (line.StartsWith("——") || line.Contains("政府工作报告", StringComparison.Ordinal)) return true;

        // Without a marker only a heading of a year or a plan period (2026年重点工作, “十四五”时期工作回顾) or a word standing
        // alone (注释, 附件): 中央财政安排 at the start of a paragraph broken after it is not one.
        return HeadingTails.AtEnd(line) is { } tail && (tail.Length == line.Length || HasYear(line) || PlanNames.Find(line) is not null || line.Contains("过去五年", StringComparison.Ordinal));
    }

    private static bool HasYear(ReadOnlySpan<char> line)
    {
        for (int i = 0; i + 4 < line.Length; i++)
            if (char.IsAsciiDigit(line[i]) && char.IsAsciiDigit(line[i + 1]) && char.IsAsciiDigit(line[i + 2]) && char.IsAsciiDigit(line[i + 3]) && line[i + 4] == '年') return true;
        return false;
    }

    /// <summary>
    /// The length of a list or section marker at the start of a line or clause: 一、 （一） (1) 1. 1、 一是 第一， ——, or 0.
    /// </summary>
    public static int MarkerLength(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty) return 0;
        if (s.StartsWith("——")) return 2;
        if (s[0] is '●' or '■' or '◆' or '•' or '★' or '▲') return 1;
        if (s[0] is >= '①' and <= '⑳') return 1;
        if (s[0] is '（' or '(')
        {
            int p = 1;
            while (p < s.Length && p <= 4 && (ChineseNumerals.DigitValue(s[p]) > 0 || s[p] == '十' || char.IsAsciiDigit(s[p]))) p++;
            return p > 1 && p < s.Length && s[p] is '）' or ')' ? p + 1 : 0;
        }

        if (char.IsAsciiDigit(s[0]))
        {
            int p = 0;
            while (p < s.Length && p < 3 && char.IsAsciiDigit(s[p])) p++;
            if (p < s.Length && s[p] is '、') return p + 1;
            if (p < s.Length && s[p] is '.' or '．' && (p + 1 >= s.Length || !char.IsAsciiDigit(s[p + 1]))) return p + 1;
            return 0;
        }

        int q = s[0] == '第' ? 1 : 0;
        int start = q;
        while (q < s.Length && q - start < 3 && (ChineseNumerals.DigitValue(s[q]) > 0 || s[q] == '十')) q++;
        if (q == start || q >= s.Length) return 0;
        if (start == 1) return s[q] is '，' or '、' or '是' ? q + 1 : 0;
        // 一、二、三产业 counts its numerals: an enumeration, not a marker.
        if (s[q] == '、' && q + 1 < s.Length && ChineseNumerals.DigitValue(s[q + 1]) > 0) return 0;
        return s[q] is '、' or '是' ? q + 1 : 0;
    }

    private static bool IsSpace(char c) => c is not ('\n' or '\r') && (char.IsWhiteSpace(c) || c == '\u200B');

    /// <summary>The first character after <paramref name="from"/> on the same line that is not a space, mapped, or '\0'.</summary>
    private static char NextVisible(string s, int from)
    {
        for (int i = from; i < s.Length && i < from + 16; i++)
        {
            if (s[i] is '\n' or '\r') return '\0';
            if (!IsSpace(s[i])) return Map(s[i], '\0', '\0');
        }

        return '\0';
    }

    /// <summary>One character as read, given the characters before and after it (as read).</summary>
    private static char Map(char c, char before, char after)
    {
        if (c is >= '０' and <= '９') return (char)(c - '０' + '0');
        if (c is >= 'Ａ' and <= 'Ｚ' or >= 'ａ' and <= 'ｚ') return (char)(c - 0xFEE0);
        switch (c)
        {
            case '％':
                return '%';
            case '．' or '.':
                return FullStop(before, Map(after, '\0', '\0')) ? '。' : '.';
            case ',':
                return char.IsAsciiDigit(before) && char.IsAsciiDigit(after) ? ',' : '，';
            case ':':
                return char.IsAsciiDigit(before) && char.IsAsciiDigit(after) ? ':' : '：';
            case ';':
                return '；';
            case '(':
                return '（';
            case ')':
                return '）';
            default:
                return c;
        }
    }

    /// <summary>
    /// Whether a point ends a sentence (壮大.电子信息, 5200列., 增长.2001年): after a character that is neither an ASCII
    /// letter or digit nor another point (a decimal point follows a digit), and before anything but a letter or a point.
    /// 5.4%, 1.地区, PM2.5, www.x.org and …... stay.
    /// </summary>
    private static bool FullStop(char before, char after) =>
        before != '\0' && !char.IsAsciiLetterOrDigit(before) && before is not ('.' or '。' or '…')
        && !char.IsAsciiLetter(after) && after is not ('.' or '．' or '…');

    /// <summary>Whether the line break after the line read so far ends a paragraph (else the line goes on).</summary>
    private static bool EndsParagraph(StringBuilder sb, int lineStart, string original, int next)
    {
        if (sb.Length == lineStart) return true;
        Span<char> head = stackalloc char[8];
        int n = 0;
        int i = next;
        while (i < original.Length && IsSpace(original[i])) i++;
        if (i >= original.Length || original[i] is '\n' or '\r') return true;
        for (; i < original.Length && n < head.Length && original[i] is not ('\n' or '\r'); i++)
            if (!IsSpace(original[i])) head[n++] = Map(original[i], n > 0 ? head[n - 1] : '\0', '\0');
        ReadOnlySpan<char> nextLine = head[..n];
        char last = sb[^1];
        if (IsTerminal(last)) return true;
        if (last is '”' or '’' or '）' or '」' or '』' or '》' && sb.Length - lineStart >= 2 && IsTerminal(sb[^2])) return true;
        if (Links.AtStart(nextLine) is not null) return false;

        // A name cut before its digits (PM / 10、臭氧, PM / 2.5) goes on.
        if (char.IsAsciiLetter(last) && nextLine.Length > 0 && char.IsAsciiDigit(nextLine[0])) return false;

        // Punctuation that cannot open a line (，、。 ） ”) continues the line before.
        if (nextLine.Length > 0 && ContinuesLine(nextLine[0])) return false;
        int length = sb.Length - lineStart;

        // Rows of a table written as lines (地区生产总值增长：5.5%左右 / 城镇新增就业：45万人以上): each row is an item.
        if (IsTableRow(sb, lineStart) && OpensTableRow(original, next)) return true;
        if (length > MaxMarkedHeading) return OpensItem(nextLine);
        char[] line = new char[length];
        sb.CopyTo(lineStart, line, 0, length);
        // A marker alone on its line (一是, （一）) opens the line after it.
        if (MarkerLength(line) == length) return false;
        return OpensItem(nextLine) || IsHeading(line);
    }

    /// <summary>
    /// Whether the break after a line of a hard-wrapped text's full width ends a paragraph: only after a marked heading
    /// ending in a heading word or a heading of a year or plan period standing alone, before a blank line or an indented
    /// line, or — after the end of a sentence — before a list marker (（二）, 一是, ①, ——) or a heading line narrower than
    /// the page (二、2026年工作安排).
    /// </summary>
    private static bool EndsWrappedLine(StringBuilder sb, int lineStart, string original, int next, int wrap)
    {
        if (sb.Length == lineStart || next >= original.Length || original[next] is '\n' or '\r' || IsSpace(original[next])) return true;

        // A heading as wide as the page (二、“十五五”时期的主要目标任务, 二、“十五五”时期主要目标和重大举措), or a paragraph of
        // one line that is a heading of a year or a plan period (“十五五”时期主要目标和2026年重点工作).
        int length = sb.Length - lineStart;
        if (length <= MaxMarkedHeading)
        {
            char[] own = new char[length];
            sb.CopyTo(lineStart, own, 0, length);
            if (IsWideHeading(own) || (IsTimeHeading(own) && !GoesOn(original, next)) || IsChapterHeading(own, original, next, wrap)) return true;
        }

        if (!IsTerminal(sb[^1])) return false;
        int end = next;
        while (end < original.Length && original[end] is not ('\n' or '\r') && end - next <= MaxMarkedHeading * 2) end++;
        var line = new StringBuilder(end - next);
        int columns = 0;
        for (int i = next; i < end; i++)
        {
            if (IsSpace(original[i])) continue;
            line.Append(Map(original[i], line.Length > 0 ? line[^1] : '\0', '\0'));
            columns += Columns(original[i]);
        }

        // A line of the full width is the page's, not a heading.
        string nextLine = line.ToString();
        // After a sentence end any list marker (一是, 1、) opens a paragraph: a paragraph ending within the slack of the page
        // width is likelier than a page line starting at an inline list's marker.
        return MarkerLength(nextLine) > 0 || (end < original.Length && (columns < wrap - WrapSlack ? IsHeading(nextLine)
            : IsWideHeading(nextLine) || (IsTimeHeading(nextLine) && !GoesOn(original, original[end] == '\r' && end + 1 < original.Length && original[end + 1] == '\n' ? end + 2 : end + 1))));
    }

    /// <summary>Longest label of a table row (全社会研发经费投入强度提高).</summary>
    private const int MaxRowLabel = 24;

    /// <summary>Longest value of a table row (1100亿斤以上, 与经济增长基本同步).</summary>
    private const int MaxRowValue = 16;

    /// <summary>
    /// Whether the line read so far (from <paramref name="lineStart"/>) is a row of a table: a label without a pause, one
    /// colon, and a short value with a figure in it (地区生产总值增长：5.5%左右, 粮食产量：1100亿斤以上).
    /// </summary>
    private static bool IsTableRow(StringBuilder sb, int lineStart)
    {
        int length = sb.Length - lineStart;
        if (length < 4 || length > MaxRowLabel + MaxRowValue + 1) return false;
        int colon = -1;
        bool figure = false;
        for (int i = lineStart; i < sb.Length; i++)
        {
            char c = sb[i];
            if (c == '：')
            {
                if (colon >= 0) return false;
                colon = i - lineStart;
            }
            else if (c is '，' or '。' or '；' or '！' or '？')
            {
                return false;
            }
            else if (colon >= 0 && (char.IsAsciiDigit(c) || ChineseNumerals.IsNumeralChar(c)))
            {
                figure = true;
            }
        }

        return colon is >= 2 and <= MaxRowLabel && length - colon - 1 is >= 1 and <= MaxRowValue && figure;
    }

    /// <summary>Whether the line at <paramref name="next"/> of the original text opens as a table row does: a label without a pause, then a colon.</summary>
    private static bool OpensTableRow(string original, int next)
    {
        int n = 0;
        for (int i = next; i < original.Length && original[i] is not ('\n' or '\r') && n <= MaxRowLabel; i++)
        {
            if (IsSpace(original[i])) continue;
            char c = Map(original[i], '\0', '\0');
            if (c == '：') return n >= 2;
            if (c is '，' or '。' or '；' or '、' or '！' or '？') return false;
            n++;
        }

        return false;
    }

    /// <summary>A heading without a marker that names a year or a plan period and ends in a heading word (2026年重点工作).</summary>
    private static bool IsTimeHeading(ReadOnlySpan<char> line) =>
        MarkerLength(line) == 0 && IsHeading(line) && HeadingTails.AtEnd(line) is not null && (HasYear(line) || PlanNames.Find(line) is not null);

    /// <summary>A heading as wide as the page: a marked line without a sentence end that ends in a heading word (a line cut by the page ends mid-words).</summary>
    private static bool IsWideHeading(ReadOnlySpan<char> line) => MarkerLength(line) > 0 && IsHeading(line) && HeadingTails.AtEnd(line) is not null;

    /// <summary>
    /// A chapter heading near the page width that ends in another word (二、“十五五”时期主要目标和重大举措): a paragraph of
    /// one line opening with a chapter marker and without a pause in it (a page line of running text has a comma or a
    /// list in its width), unless the next line is the rest of it (a short line without punctuation: 二、“十五五”时期目标任务和2026 /
    /// 年重点工作).
    /// </summary>
    private static bool IsChapterHeading(ReadOnlySpan<char> line, string original, int next, int wrap)
    {
        if (!(line.Length > 2 && ChineseNumerals.DigitValue(line[0]) > 0 && line[1] == '、' && line[2..].IndexOfAny('，', '、') < 0 && IsHeading(line))) return false;
        int columns = 0;
        bool pause = false;
        for (int i = next; i < original.Length && original[i] is not ('\n' or '\r'); i++)
        {
            columns += IsSpace(original[i]) ? 0 : Columns(original[i]);
            pause |= original[i] is '，' or '。' or '；' or '：' or '、' or ',' or ';' or ':';
        }

        return columns >= wrap - WrapSlack || pause;
    }

    /// <summary>
    /// Whether a line opens with a marker that cannot be words cut off the line before: （一） (1) ① ● ——; not 十、 (西十、康渝
    /// names railways), 第二， (居全国第二) or 一是, which after a line without an end of sentence are words going on.
    /// </summary>
    private static bool OpensItem(ReadOnlySpan<char> line)
    {
        int marker = MarkerLength(line);
        return marker > 0 && (line[0] is '（' or '(' or '—' or (>= '①' and <= '⑳') or '●' or '■' or '◆' or '•' or '★' or '▲' || char.IsAsciiDigit(line[0]));
    }

    /// <summary>Whether the line at <paramref name="next"/> goes on from the line before: it opens with punctuation that cannot open a line or with a link (是：…).</summary>
    private static bool GoesOn(string original, int next)
    {
        Span<char> head = stackalloc char[4];
        int n = 0;
        for (int i = next; i < original.Length && n < head.Length && original[i] is not ('\n' or '\r'); i++)
            if (!IsSpace(original[i])) head[n++] = Map(original[i], n > 0 ? head[n - 1] : '\0', '\0');
        return n > 0 && (ContinuesLine(head[0]) || Links.AtStart(head[..n]) is not null);
    }

    /// <summary>Punctuation that cannot open a line (，、。 ） ”): a line starting with it continues the line before.</summary>
    private static bool ContinuesLine(char c) => c is '，' or '、' or '。' or '；' or '：' or '！' or '？' or '）' or '”' or '’' or '》' or '%';

    private static bool IsTerminal(char c) => c is '。' or '！' or '？' or '!' or '?' or '；' or '：' or '…';
}
