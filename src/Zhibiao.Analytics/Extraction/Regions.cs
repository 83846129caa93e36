using System.Text.RegularExpressions;

namespace Zhibiao.Analytics.Extraction;

/// <summary>
/// The 31 provincial-level regions (reading/regions.csv: name, short name, pinyin of file names), and the region a
/// report is about, from its own text: the title, byline or signature (2026年河北省政府工作报告, 在河北省第十四届人民代表大会,
/// 河北省人民政府省长, 自治区主席), else the region its text names most often (新疆, 全疆…), else the file name
/// (guangdong-2026.txt → 广东省), else the file name as it is.
/// </summary>
internal static partial class Regions
{
    /// <summary>How many lines from the top are title, byline and signature.</summary>
    private const int HeadLines = 30;

    /// <summary>Longest line read as a title, byline or signature.</summary>
    private const int MaxHeadLine = 80;

    private static readonly (string Name, string Short, string Pinyin)[] All =
        [.. ReadingData.Rows("regions.csv").Select(r => (r[0], r[1], r[2]))];

    /// <summary>The full names (北京市, 广西壮族自治区 …), in the table's order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(r => r.Name)];

    /// <summary>The region a report is about (its full name), or the file name without extension when none can be told.</summary>
    public static string Of(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        string t = ReportText.Read(text.Length > 200_000 ? text[..200_000] : text).Text;
        if (InHead(t) is { } head) return head;
        if (MostNamed(t) is { } named) return named;
        string stem = Path.GetFileNameWithoutExtension(file);
        foreach (var r in All)
        {
            if (stem.StartsWith(r.Pinyin, StringComparison.OrdinalIgnoreCase)
                && (stem.Length == r.Pinyin.Length || !char.IsAsciiLetter(stem[r.Pinyin.Length]))) return r.Name;
            if (stem.Contains(r.Short, StringComparison.Ordinal)) return r.Name;
        }

        return stem;
    }

    /// <summary>A region named in a title, byline or signature line among the first lines.</summary>
    private static string? InHead(string t)
    {
        int lineStart = 0;
        for (int n = 0; n < HeadLines && lineStart < t.Length; n++)
        {
            int lineEnd = t.IndexOf('\n', lineStart);
            if (lineEnd < 0) lineEnd = t.Length;
            ReadOnlySpan<char> line = t.AsSpan(lineStart, lineEnd - lineStart);
            lineStart = lineEnd + 1;
            if (line.Length > MaxHeadLine && !line.Contains("人民代表大会", StringComparison.Ordinal)) continue;
            bool marked = line.Contains("政府工作报告", StringComparison.Ordinal) || line.Contains("人民代表大会", StringComparison.Ordinal)
                || line.Contains("人民政府", StringComparison.Ordinal) || line.Contains("省长", StringComparison.Ordinal)
                || line.Contains("市长", StringComparison.Ordinal) || line.Contains("主席", StringComparison.Ordinal);
            if (!marked) continue;
            int best = int.MaxValue;
            string? found = null;
            foreach (var r in All)
            {
                int at = line.IndexOf(r.Name, StringComparison.Ordinal);
                if (at < 0 && line.Contains("人民政府", StringComparison.Ordinal)) at = line.IndexOf(r.Short + "人民政府", StringComparison.Ordinal);
                if (at >= 0 && at < best)
                {
                    best = at;
                    found = r.Name;
                }
            }

            if (found is not null) return found;

            // A place not among the 31 (a city's report): the name before 第…届人民代表大会 or 政府工作报告.
            Match m = Congress().Match(line.ToString());
            if (!m.Success) m = Title().Match(line.ToString());
            if (m.Success && !IsPlaceholder(m.Groups[1].Value)) return m.Groups[1].Value;
        }

        return null;
    }

    /// <summary>A name left blank in a template or a redacted text (某某省, XX市, ×市, ○○市): no place.</summary>
    private static bool IsPlaceholder(string name) => name.AsSpan().IndexOfAny("某XＸxｘ×＊*○〇") >= 0;

    [GeneratedRegex(@"在(\p{IsCJKUnifiedIdeographs}{1,10}?(?:省|市|自治区|特别行政区))第?[一二三四五六七八九十]+届人民代表大会")]
    private static partial Regex Congress();

    [GeneratedRegex(@"(?:^|[0-9]{4}年)(\p{IsCJKUnifiedIdeographs}{1,10}?(?:省|市|自治区|特别行政区))(?:[0-9]{4}年)?(?:人民)?政府工作报告")]
    private static partial Regex Title();

    /// <summary>The region whose name (full or short) the text uses most, if at least three times and more than any other.</summary>
    private static string? MostNamed(string t)
    {
        var counts = new int[All.Length];
        for (int k = 0; k < All.Length; k++)
        {
            string s = All[k].Short;
            int at = 0, n = 0;
            while ((at = t.IndexOf(s, at, StringComparison.Ordinal)) >= 0)
            {
                n++;
                at += s.Length;
            }

            counts[k] = n;
        }

        int top = Array.IndexOf(counts, counts.Max());
        int second = counts.Where((_, k) => k != top).DefaultIfEmpty(0).Max();
        return counts[top] >= 3 && counts[top] > second ? All[top].Name : null;
    }
}
