using System.Globalization;

namespace Zhibiao.Analytics;

/// <summary>
/// A multi-year plan period such as "2021-2025" (the 14th Five-Year Plan), inclusive of both years. Its baseline is
/// the year before it starts: progress over 2021-2025 is measured from the 2020 value.
/// </summary>
public readonly record struct PlanPeriod
{
    /// <summary>A plan period from its first to its last year, inclusive.</summary>
    /// <exception cref="ArgumentException">The years are not yearly periods or the end is before the start.</exception>
    public PlanPeriod(Period start, Period end)
    {
        if (start.Frequency != Frequency.Yearly || end.Frequency != Frequency.Yearly)
            throw new ArgumentException($"a plan period runs over whole years, not {start}-{end}", nameof(start));
        if (end < start)
            throw new ArgumentException($"plan period ends ({end}) before it starts ({start})", nameof(end));
        Start = start;
        End = end;
    }

    /// <summary>First year of the plan.</summary>
    public Period Start { get; }

    /// <summary>Last year of the plan, the deadline of its targets.</summary>
    public Period End { get; }

    /// <summary>The year before the plan starts, from which its progress is measured.</summary>
    public Period Baseline => Start - 1;

    /// <summary>Number of years in the plan (2021-2025: 5).</summary>
    public int Years => (End - Start) + 1;

    /// <summary>Whether the year lies inside the plan.</summary>
    public bool Contains(Period period) => period.Frequency == Frequency.Yearly && period >= Start && period <= End;

    /// <summary>Share of the plan's time elapsed at the end of <paramref name="period"/>: (t − baseline) / (end − baseline), clamped to [0, 1].</summary>
    public double ElapsedShare(Period period) => Math.Clamp(period.YearsSince(Baseline) / (End - Baseline), 0, 1);

    /// <summary>Parses "2021-2025" (also with an en dash or "~").</summary>
    /// <exception cref="FormatException">The text is not a plan period.</exception>
    public static PlanPeriod Parse(ReadOnlySpan<char> text) =>
        TryParse(text, out PlanPeriod plan) ? plan
            : throw new FormatException($"'{text}' is not a plan period (expected e.g. 2021-2025)");

    /// <summary>Parses a plan period; false when the text is not one.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out PlanPeriod plan)
    {
        plan = default;
        text = text.Trim();
        int dash = text.IndexOfAny("-–—~");
        if (dash != 4 || text.Length != 9) return false;
        if (!int.TryParse(text[..4], NumberStyles.None, CultureInfo.InvariantCulture, out int from) ||
            !int.TryParse(text[5..], NumberStyles.None, CultureInfo.InvariantCulture, out int to) ||
            from < 1 || to < from)
            return false;
        plan = new PlanPeriod(Period.OfYear(from), Period.OfYear(to));
        return true;
    }

    /// <summary>"2021-2025".</summary>
    public override string ToString() => $"{Start}-{End}";
}
