namespace Zhibiao.Analytics.Extraction;

/// <summary>The part of a government work report a figure stands in.</summary>
internal enum SectionKind
{
    /// <summary>The review of the past year (2024年工作回顾) or of the past plan period (“十四五”时期工作回顾): outcomes.</summary>
    Review,

    /// <summary>The plan for the coming year (2025年工作安排, 政府工作任务) or plan period (“十五五”时期的主要目标任务): targets.</summary>
    Plan,
}

/// <summary>A section of a report: where it starts, its kind and the years its figures are about (one year, or a plan period).</summary>
/// <param name="Start">Offset of its heading in the text as read.</param>
/// <param name="Kind">Review or plan.</param>
/// <param name="From">First year of its figures.</param>
/// <param name="To">Last year of its figures (equal to <paramref name="From"/> for one year).</param>
/// <param name="YearOnly">Its heading is a chapter's (一、) naming one year and no span (一、2025年工作回顾; not
/// 一、2025年和“十四五”时期工作回顾).</param>
internal readonly record struct Section(int Start, SectionKind Kind, int From, int To, bool YearOnly = false)
{
    /// <summary>Whether its figures cover several years (a five-year review, a plan period).</summary>
    public bool IsMultiYear => To > From;
}

/// <summary>
/// The sections of a report, found from its headings: short lines without a full stop that name a year (2024年工作回顾,
/// 2025年工作安排), a plan period (“十四五”时期工作回顾, “十五五”时期的主要目标任务) or five past years (过去五年工作回顾), and
/// whether they review it (回顾, 过去, 总结) or plan it (安排, 任务, 要求, 目标 …). The report's year is the year it plans
/// for, from the headings, else from the title or byline (2026年福建省政府工作报告, ——2026年1月27日在…人民代表大会…); the
/// review reports the year before, and a heading naming the year before the plan year is a review whatever its words.
/// Text before the first heading counts as review of the year before.
/// </summary>
internal sealed class ReportLayout
{
    private const int MaxHeadingLength = 40;

    private static readonly string[] ReviewWords = ReadingData.WordArray("ReviewHeadingWords");

    private static readonly string[] PlanWords = ReadingData.WordArray("PlanHeadingWords");

    private readonly List<Section> _sections;

    private ReportLayout(int? planYear, List<Section> sections)
    {
        PlanYear = planYear;
        _sections = sections;
    }

    /// <summary>The year the report plans for (its targets' year); null when neither the caller nor the text says.</summary>
    public int? PlanYear { get; }

    /// <summary>Finds the sections. With <paramref name="year"/> the report's year is given, and section years follow from it.</summary>
    public static ReportLayout Build(string text, int? year)
    {
        var headings = new List<(int Start, SectionKind Kind, int Year, int PlanFrom, bool FiveYears, bool YearOnly)>();
        int lineStart = 0;
        while (lineStart < text.Length)
        {
            int lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0) lineEnd = text.Length;
            if (Heading(text.AsSpan(lineStart, lineEnd - lineStart)) is { } h) headings.Add((lineStart, h.Kind, h.Year, h.PlanFrom, h.FiveYears, h.YearOnly));
            lineStart = lineEnd + 1;
        }

        int? plan = year;
        if (plan is null && headings.Any(h => h.Year > 0))
        {
            int planMax = headings.Where(h => h.Kind == SectionKind.Plan && h.Year > 0).Select(h => h.Year).DefaultIfEmpty(0).Max();
            plan = planMax > 0 ? planMax : headings.Where(h => h.Year > 0).Max(h => h.Year) + 1;
        }

        plan ??= TitleYear(text);
        var sections = new List<Section>();
        if (plan is not { } p) return new ReportLayout(null, sections);
        int review = p - 1;
        foreach (var h in headings)
        {
            if (h.Year > 0)
            {
                // A heading naming the year before the plan year reviews it, whatever its words (2025年主要工作和“十四五”发展成就).
                SectionKind kind = h.Year == review ? SectionKind.Review : h.Kind;
                int y = year is null ? h.Year : kind == SectionKind.Plan ? p : review;
                sections.Add(new Section(h.Start, kind, y, y, h.YearOnly));
            }
            else if (h.Year == ThisYear)
            {
                sections.Add(new Section(h.Start, SectionKind.Plan, p, p, h.YearOnly));
            }
            else if (h.FiveYears)
            {
                sections.Add(new Section(h.Start, SectionKind.Review, review - 4, review));
            }
            else
            {
                // A plan period: reviewed when it ends by the year before the plan year, planned when it starts at the plan year or later.
                int from = h.PlanFrom, to = from + 4;
                if (to <= review) sections.Add(new Section(h.Start, SectionKind.Review, from, to));
                else if (from >= p) sections.Add(new Section(h.Start, SectionKind.Plan, from, to));
                else if (h.Kind == SectionKind.Review) sections.Add(new Section(h.Start, SectionKind.Review, from, review));
                else sections.Add(new Section(h.Start, SectionKind.Plan, p, to));
            }
        }

        return new ReportLayout(plan, sections);
    }

    /// <summary>The section at a position of the text (before the first heading: a review of the year before).</summary>
    /// <exception cref="AnalyticsException">The report's year is unknown.</exception>
    public Section At(int position)
    {
        int i = IndexAt(position);
        if (i >= 0) return _sections[i];
        int review = RequirePlanYear() - 1;
        return new Section(0, SectionKind.Review, review, review);
    }

    /// <summary>The number of the section at a position (−1 before the first heading): a new number is a new section.</summary>
    public int IndexAt(int position)
    {
        int result = -1;
        int lo = 0, hi = _sections.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_sections[mid].Start <= position)
            {
                result = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return result;
    }

    /// <summary>The report's year.</summary>
    /// <exception cref="AnalyticsException">Neither the caller nor the text gives it.</exception>
    public int RequirePlanYear() => PlanYear ?? throw new AnalyticsException(
        "cannot tell which year the report is about: no heading such as '2024年工作回顾' or '2025年工作安排' and no title such as '2025年政府工作报告'; give the report's year (--year)");

    private static (SectionKind Kind, int Year, int PlanFrom, bool FiveYears, bool YearOnly)? Heading(ReadOnlySpan<char> line)
    {
        line = line.Trim();
        // The title (2026年浙江省政府工作报告) names the report, not a section.
        if (line.Length is 0 or > MaxHeadingLength || line.Contains('。') || line.Contains("政府工作报告", StringComparison.Ordinal)) return null;
        SectionKind? kind = null;
        foreach (string w in ReviewWords)
        {
            if (line.Contains(w, StringComparison.Ordinal))
            {
                kind = SectionKind.Review;
                break;
            }
        }

        if (kind is null)
        {
            foreach (string w in PlanWords)
            {
                if (line.Contains(w, StringComparison.Ordinal))
                {
                    kind = SectionKind.Plan;
                    break;
                }
            }
        }

        if (kind is not { } k) return null;
        for (int i = 0; i + 4 < line.Length; i++)
        {
            if (!IsAsciiDigits(line.Slice(i, 4)) || line[i + 4] != '年' || (i > 0 && char.IsAsciiDigit(line[i - 1]))) continue;
            int y = int.Parse(line.Slice(i, 4), System.Globalization.CultureInfo.InvariantCulture);
            // (Only a chapter heading, 一、2025年工作回顾, is one year alone: a line broken after 2025年主要目标 is no chapter.)
            if (y is >= 1900 and <= 2999)
                return (k, y, 0, false, ReportText.MarkerLength(line) > 0 && PlanNames.Find(line) is null && !line.Contains("五年", StringComparison.Ordinal));
        }

        if (PlanNames.Find(line) is { } planFrom) return (k, 0, planFrom, false, false);
        if (k == SectionKind.Review && (line.Contains("过去五年", StringComparison.Ordinal) || line.Contains("五年来", StringComparison.Ordinal)))
            return (k, 0, 0, true, false);

        // A plan heading that names the year by 今年 (二、今年主要目标任务) plans the report's year, as one with its number does.
        if (k == SectionKind.Plan && line.Contains("今年", StringComparison.Ordinal))
            return (k, ThisYear, 0, false, ReportText.MarkerLength(line) > 0 && !line.Contains("五年", StringComparison.Ordinal));
        return null;
    }

    /// <summary>The year of a heading that says 今年: the plan year, known once every heading has been read.</summary>
    private const int ThisYear = -1;

    /// <summary>
    /// The year of the title or the byline (2026年福建省政府工作报告, ——2026年1月27日在福建省第十四届人民代表大会…): the year
    /// the report is given in, which is the year it plans for. Only the first lines are looked at; null when none names it.
    /// </summary>
    private static int? TitleYear(string text)
    {
        int lineStart = 0;
        for (int n = 0; n < 12 && lineStart < text.Length; n++)
        {
            int lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0) lineEnd = text.Length;
            ReadOnlySpan<char> line = text.AsSpan(lineStart, lineEnd - lineStart);
            bool titleLike = line.Length <= 60 && !line.Contains('。');
            if (titleLike && (line.Contains("政府工作报告", StringComparison.Ordinal) || line.Contains("人民代表大会", StringComparison.Ordinal)))
            {
                for (int i = 0; i + 4 < line.Length; i++)
                {
                    if (IsAsciiDigits(line.Slice(i, 4)) && line[i + 4] == '年' && (i == 0 || !char.IsAsciiDigit(line[i - 1])))
                    {
                        int y = int.Parse(line.Slice(i, 4), System.Globalization.CultureInfo.InvariantCulture);
                        if (y is >= 1900 and <= 2999) return y;
                    }
                }
            }

            lineStart = lineEnd + 1;
        }

        return null;
    }

    private static bool IsAsciiDigits(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
            if (!char.IsAsciiDigit(c)) return false;
        return true;
    }
}

/// <summary>
/// The five-year plans by name: 十一五 is 2006–2010, 十四五 2021–2025, 十五五 2026–2030; the older ones (六五 … 九五, 十五:
/// 1981–2005) only in quotes (“九五”) or before 期间, 时期, 计划 or 规划, where they cannot be a number (十五届, 九五折).
/// </summary>
internal static class PlanNames
{
    private static readonly string[] OldTails = ["期间", "时期", "计划", "规划"];

    /// <summary>The first year of the plan named at the start of <paramref name="s"/> (十四五, “十四五”), else null; <paramref name="length"/> is its length.</summary>
    public static int? At(ReadOnlySpan<char> s, out int length)
    {
        length = 0;
        int p = s.Length > 0 && s[0] is '“' or '"' ? 1 : 0;
        int first;
        if (p + 3 <= s.Length && s[p] == '十' && s[p + 2] == '五' && ChineseNumerals.DigitValue(s[p + 1]) is >= 1 and <= 7)
        {
            first = 2006 + ((ChineseNumerals.DigitValue(s[p + 1]) - 1) * 5);
            p += 3;
        }
        else if (p + 2 <= s.Length && s[p + 1] == '五' && (s[p] == '十' || ChineseNumerals.DigitValue(s[p]) is >= 6 and <= 9))
        {
            first = s[p] == '十' ? 2001 : 1981 + ((ChineseNumerals.DigitValue(s[p]) - 6) * 5);
            p += 2;
            bool quoted = p < s.Length && s[p] is '”' or '"' && s[0] is '“' or '"';
            ReadOnlySpan<char> rest = s[(quoted ? p + 1 : p)..];
            bool tail = false;
            foreach (string w in OldTails) tail |= rest.StartsWith(w, StringComparison.Ordinal);
            if (!quoted && !tail) return null;
        }
        else
        {
            return null;
        }

        if (p < s.Length && s[p] is '”' or '"') p++;
        length = p;
        return first;
    }

    /// <summary>The first year of the first plan named anywhere in a short text, else null.</summary>
    public static int? Find(ReadOnlySpan<char> s)
    {
        for (int i = 0; i + 2 <= s.Length; i++)
            if (At(s[i..], out _) is { } y) return y;
        return null;
    }
}
