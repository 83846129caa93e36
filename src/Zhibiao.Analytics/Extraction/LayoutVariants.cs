using System.Text;

namespace Zhibiao.Analytics.Extraction;

/// <summary>A text changed in its layout only, and where each character of the original went.</summary>
/// <param name="Text">The changed text.</param>
/// <param name="Map">For each index of the original (and its length), the index of the same character in <paramref name="Text"/>.</param>
internal sealed record LayoutVariant(string Text, int[] Map)
{
    /// <summary>The index in the original of an index of <see cref="Text"/>, or −1 for an inserted character.</summary>
    public int ToOriginal(int index)
    {
        int i = Array.BinarySearch(Map, index);
        return i >= 0 ? i : -1;
    }
}

/// <summary>
/// Changes of layout a reader of reports must not notice (issue 29), for metamorphic tests: line breaks inside
/// sentences, spaces, punctuation in its other width (：/:, ，/,, ；/;, （/(, ）/), ％/%, full-width digits), list
/// numbering in another style (一是 ↔ （一）), and a qualifier before the key phrase (主要预期目标 → 全省经济社会发展主要预期目标).
/// Nothing is changed inside a number or a figure's span (the spans given); no line break follows the end of a
/// sentence (a break there starts a paragraph, which may change what an opening phrase governs) and none breaks a
/// heading (a short line, or a marked line up to its first sentence end).
/// </summary>
internal static class LayoutVariants
{
    /// <summary>Inserts <paramref name="count"/> line breaks at random places inside sentences, outside numbers and spans.</summary>
    public static LayoutVariant BreakLines(string text, IReadOnlyList<(int Start, int End)> spans, Random random, int count) =>
        Insert(text, spans, random, count, "\n", breakLine: true);

    /// <summary>Inserts <paramref name="count"/> spaces (ASCII or ideographic) at random places next to a Chinese character.</summary>
    public static LayoutVariant AddSpaces(string text, IReadOnlyList<(int Start, int End)> spans, Random random, int count) =>
        Insert(text, spans, random, count, random.Next(2) == 0 ? " " : "\u3000", breakLine: false);

    /// <summary>
    /// Hard-wraps every line wider than <paramref name="width"/> columns (a Chinese character is two) into lines of about
    /// that width, as text taken from a PDF or a fixed-width page comes: a break may follow any character — the end of a
    /// sentence, a colon, a heading's words — except inside a number or a figure's span (the break moves on to the next
    /// place allowed).
    /// </summary>
    public static LayoutVariant Wrap(string text, IReadOnlyList<(int Start, int End)> spans, int width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 8);
        var blocked = new bool[text.Length + 1];
        foreach ((int s, int e) in spans)
            for (int k = Math.Max(0, s + 1); k < Math.Min(e, text.Length + 1); k++) blocked[k] = true;
        var sb = new StringBuilder(text.Length + (text.Length / width) + 1);
        var map = new int[text.Length + 1];
        int column = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\n')
            {
                column = 0;
            }
            else if (column >= width && i + 1 < text.Length && text[i + 1] != '\n' && !blocked[i] && !char.IsLowSurrogate(c) && !char.IsWhiteSpace(c)
                && !(IsNumberChar(text[i - 1]) && IsNumberChar(c)) && !(char.IsAsciiLetterOrDigit(text[i - 1]) && char.IsAsciiLetterOrDigit(c)))
            {
                sb.Append('\n');
                column = 0;
            }

            map[i] = sb.Length;
            sb.Append(c);
            if (c != '\n') column += ReportText.Columns(c);
        }

        map[text.Length] = sb.Length;
        return new LayoutVariant(sb.ToString(), map);
    }

    /// <summary>
    /// Writes the paragraphs as a web page or a word processor gives them: a blank line between paragraphs (the line breaks
    /// a reader of the text keeps; a break inside a sentence stays a plain one), each paragraph indented by two
    /// ideographic spaces, and Windows line ends (\r\n).
    /// </summary>
    public static LayoutVariant SpaceParagraphs(string text)
    {
        var read = ReportText.Read(text);
        var ends = new HashSet<int>();
        for (int k = 0; k < read.Text.Length; k++)
            if (read.Text[k] == '\n') ends.Add(read.ToOriginal(k));
        var sb = new StringBuilder(text.Length + (text.Length / 8));
        var map = new int[text.Length + 1];
        bool paragraphStart = true;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (paragraphStart && c != '\n') sb.Append("\u3000\u3000");
            map[i] = sb.Length;
            if (c == '\n') sb.Append(ends.Contains(i) ? "\r\n\r\n" : "\r\n");
            else sb.Append(c);
            paragraphStart = c == '\n' && ends.Contains(i);
        }

        map[text.Length] = sb.Length;
        return new LayoutVariant(sb.ToString(), map);
    }

    /// <summary>Writes a share of the punctuation and digits in their other width (：→:, ，→,, ；→;, （→(, ）→), 。→. between Chinese characters, %→％, 5→５).</summary>
    public static LayoutVariant SwapWidths(string text, Random random, double share)
    {
        var sb = new StringBuilder(text);
        for (int i = 0; i < sb.Length; i++)
        {
            if (random.NextDouble() >= share) continue;
            char c = sb[i];
            char before = i > 0 ? text[i - 1] : '\0', after = i + 1 < text.Length ? text[i + 1] : '\0';
            sb[i] = c switch
            {
                '：' when !(char.IsAsciiDigit(before) && char.IsAsciiDigit(after)) => ':',
                '，' when !(char.IsAsciiDigit(before) && char.IsAsciiDigit(after)) => ',',
                '；' => ';',
                '。' when !char.IsAsciiLetterOrDigit(before) && !char.IsAsciiLetterOrDigit(after) && after != '.' => '.',
                '（' => '(',
                '）' => ')',
                '%' => '％',
                >= '0' and <= '9' => (char)(c - '0' + '０'),
                _ => c,
            };
        }

        return new LayoutVariant(sb.ToString(), Identity(text.Length));
    }

    /// <summary>Writes the list markers of clauses in another style: 一是 → （一）, （一） → 一是.</summary>
    public static LayoutVariant Renumber(string text)
    {
        var sb = new StringBuilder(text.Length + 64);
        var map = new int[text.Length + 1];
        int i = 0;
        while (i < text.Length)
        {
            bool clauseStart = i == 0 || text[i - 1] is '\n' or '。' or '；' or '：' or '！' or '？';
            int digit = clauseStart ? ChineseNumerals.DigitValue(text[i]) : -1;
            if (digit > 0 && i + 1 < text.Length && text[i + 1] == '是')
            {
                map[i] = sb.Length + 1;
                map[i + 1] = sb.Length + 2;
                sb.Append('（').Append(text[i]).Append('）');
                i += 2;
                continue;
            }

            if (clauseStart && text[i] == '（' && i + 2 < text.Length && ChineseNumerals.DigitValue(text[i + 1]) > 0 && text[i + 2] == '）')
            {
                map[i] = sb.Length;
                map[i + 1] = sb.Length;
                map[i + 2] = sb.Length + 1;
                sb.Append(text[i + 1]).Append('是');
                i += 3;
                continue;
            }

            map[i] = sb.Length;
            sb.Append(text[i]);
            i++;
        }

        map[text.Length] = sb.Length;
        return new LayoutVariant(sb.ToString(), map);
    }

    /// <summary>Puts a qualifier before every 主要预期目标 / 主要目标 not already qualified (全省经济社会发展主要预期目标).</summary>
    public static LayoutVariant QualifyKeyPhrase(string text, string qualifier)
    {
        var sb = new StringBuilder(text.Length + 64);
        var map = new int[text.Length + 1];
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '主' && text.AsSpan(i).StartsWith("主要") && (text.AsSpan(i).StartsWith("主要预期目标") || text.AsSpan(i).StartsWith("主要目标"))
                && !(i >= qualifier.Length && text.AsSpan(i - qualifier.Length, qualifier.Length).SequenceEqual(qualifier)))
                sb.Append(qualifier);
            map[i] = sb.Length;
            sb.Append(text[i]);
        }

        map[text.Length] = sb.Length;
        return new LayoutVariant(sb.ToString(), map);
    }

    private static LayoutVariant Insert(string text, IReadOnlyList<(int Start, int End)> spans, Random random, int count, string what, bool breakLine)
    {
        var blocked = new bool[text.Length + 1];
        foreach ((int s, int e) in spans)
            for (int k = Math.Max(0, s + 1); k < Math.Min(e, text.Length + 1); k++) blocked[k] = true;
        if (breakLine) BlockHeadings(text, blocked);
        var candidates = new List<int>();
        for (int p = 1; p < text.Length; p++)
        {
            char before = text[p - 1], at = text[p];
            if (blocked[p] || IsNumberChar(before) && IsNumberChar(at) || char.IsAsciiLetterOrDigit(before) && char.IsAsciiLetterOrDigit(at)) continue;
            if (char.IsSurrogate(at) || char.IsSurrogate(before) || before == '\n' || at == '\n') continue;
            if (breakLine && (Lexicon.IsSentenceEnd(before) || before is '；' or '：' or ';' or ':')) continue;
            if (!breakLine && !(Lexicon.IsIdeograph(before) || Lexicon.IsIdeograph(at))) continue;
            candidates.Add(p);
        }

        var chosen = new SortedSet<int>();
        for (int n = 0; n < count && candidates.Count > 0; n++) chosen.Add(candidates[random.Next(candidates.Count)]);
        var sb = new StringBuilder(text.Length + (chosen.Count * what.Length));
        var map = new int[text.Length + 1];
        for (int i = 0; i < text.Length; i++)
        {
            if (chosen.Contains(i)) sb.Append(what);
            map[i] = sb.Length;
            sb.Append(text[i]);
        }

        map[text.Length] = sb.Length;
        return new LayoutVariant(sb.ToString(), map);
    }

    /// <summary>
    /// Headings are left whole: a short line, or a line opening with a list marker up to its first sentence end (a heading
    /// broken after a few words is, to any reader, a heading and a paragraph).
    /// </summary>
    private static void BlockHeadings(string text, bool[] blocked)
    {
        int lineStart = 0;
        bool afterMarker = false;
        while (lineStart < text.Length)
        {
            int lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0) lineEnd = text.Length;
            ReadOnlySpan<char> line = text.AsSpan(lineStart, lineEnd - lineStart);
            int leading = line.Length - line.TrimStart().Length;
            int end = lineEnd;
            int marker = ReportText.MarkerLength(line.TrimStart());
            bool markerOnly = marker > 0 && marker == line.Trim().Length;

            // A marker alone on its line (一是) opens the next one, which is then the item's first line.
            if (marker > 0 || afterMarker)
            {
                int stop = line.IndexOfAny("。；：！？");
                if (stop >= 0) end = lineStart + stop;
            }
            else if (line.Trim().Length > 40)
            {
                end = lineStart + leading;
            }

            for (int k = lineStart; k <= end && k < blocked.Length; k++) blocked[k] = true;
            afterMarker = markerOnly;
            lineStart = lineEnd + 1;
        }
    }

    private static bool IsNumberChar(char c) => Lexicon.IsDigit(c) || ChineseNumerals.IsNumeralChar(c) || c is '.' or ',' or '%' or '．';

    private static int[] Identity(int length)
    {
        var map = new int[length + 1];
        for (int i = 0; i <= length; i++) map[i] = i;
        return map;
    }
}
