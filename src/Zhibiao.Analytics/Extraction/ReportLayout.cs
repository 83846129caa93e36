namespace Zhibiao.Analytics.Extraction;

/// <summary>The part of a government work report a figure stands in.</summary>
internal enum SectionKind
{
    /// <summary>The review of the past year (2024年工作回顾): figures are outcomes of that year.</summary>
    Review,

    /// <summary>The plan for the coming year (2025年工作安排, 政府工作任务): figures are targets for it.</summary>
    Plan,
}

/// <summary>
/// The sections of a report, found from its headings: short lines without a full stop that name a year and say
/// whether they review it (回顾, 过去, 总结) or plan it (安排, 任务, 要求, 目标 …). The report's year is the year it
/// plans for; the review reports the year before, and a heading naming the year before the plan year is a review
/// whatever its words. Text before the first heading counts as review.
/// </summary>
internal sealed class ReportLayout
{
    private const int MaxHeadingLength = 40;

    private static readonly string[] ReviewWords = ["回顾", "过去", "总结", "工作情况", "主要成绩"];

    private static readonly string[] PlanWords = ["安排", "任务", "要求", "目标", "计划", "建议", "部署", "打算", "重点工作", "政策取向", "主要工作"];

    private readonly List<(int Start, SectionKind Kind, int Year)> _sections;

    private ReportLayout(int? planYear, List<(int Start, SectionKind Kind, int Year)> sections)
    {
        PlanYear = planYear;
        _sections = sections;
    }

    /// <summary>The year the report plans for (its targets' year); null when neither the caller nor a heading says.</summary>
    public int? PlanYear { get; }

    /// <summary>Finds the sections. With <paramref name="year"/> the report's year is given, and section years follow from it.</summary>
    public static ReportLayout Build(string text, int? year)
    {
        var headings = new List<(int Start, SectionKind Kind, int Year)>();
        int lineStart = 0;
        while (lineStart < text.Length)
        {
            int lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0) lineEnd = text.Length;
            if (Heading(text.AsSpan(lineStart, lineEnd - lineStart)) is { } h) headings.Add((lineStart, h.Kind, h.Year));
            lineStart = lineEnd + 1;
        }

        int? plan = year;
        if (plan is null && headings.Count > 0)
        {
            int planMax = headings.Where(h => h.Kind == SectionKind.Plan).Select(h => h.Year).DefaultIfEmpty(0).Max();
            plan = planMax > 0 ? planMax : headings.Max(h => h.Year) + 1;
        }

        // A heading naming the year before the plan year reviews it, whatever its words (2025年主要工作和“十四五”发展成就).
        if (plan is { } p)
        {
            for (int i = 0; i < headings.Count; i++)
                if (headings[i].Year == p - 1) headings[i] = (headings[i].Start, SectionKind.Review, headings[i].Year);
        }

        if (year is { } y)
        {
            for (int i = 0; i < headings.Count; i++)
                headings[i] = (headings[i].Start, headings[i].Kind, headings[i].Kind == SectionKind.Plan ? y : y - 1);
        }

        return new ReportLayout(plan, headings);
    }

    /// <summary>The section at a position of the text and the year its figures are about.</summary>
    /// <exception cref="AnalyticsException">The report's year is unknown.</exception>
    public (SectionKind Kind, int Year) At(int position)
    {
        int plan = RequirePlanYear();
        (SectionKind Kind, int Year) result = (SectionKind.Review, plan - 1);
        int lo = 0, hi = _sections.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_sections[mid].Start <= position)
            {
                result = (_sections[mid].Kind, _sections[mid].Year);
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
    /// <exception cref="AnalyticsException">Neither the caller nor a heading gives it.</exception>
    public int RequirePlanYear() => PlanYear ?? throw new AnalyticsException(
        "cannot tell which year the report is about: no heading such as '2024年工作回顾' or '2025年工作安排'; give the report's year (--year)");

    private static (SectionKind Kind, int Year)? Heading(ReadOnlySpan<char> line)
    {
        line = line.Trim();
        // The title (2026年浙江省政府工作报告) names the report, not a section.
        if (line.Length is 0 or > MaxHeadingLength || line.Contains('。') || line.Contains("政府工作报告", StringComparison.Ordinal)) return null;
        int year = 0;
        for (int i = 0; i + 4 < line.Length; i++)
        {
            if (!IsAsciiDigits(line.Slice(i, 4)) || line[i + 4] != '年' || (i > 0 && char.IsAsciiDigit(line[i - 1]))) continue;
            int y = int.Parse(line.Slice(i, 4), System.Globalization.CultureInfo.InvariantCulture);
            if (y is >= 1900 and <= 2999)
            {
                year = y;
                break;
            }
        }

        if (year == 0) return null;
        foreach (string w in ReviewWords)
            if (line.Contains(w, StringComparison.Ordinal)) return (SectionKind.Review, year);
        foreach (string w in PlanWords)
            if (line.Contains(w, StringComparison.Ordinal)) return (SectionKind.Plan, year);
        return null;
    }

    private static bool IsAsciiDigits(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
            if (!char.IsAsciiDigit(c)) return false;
        return true;
    }
}
