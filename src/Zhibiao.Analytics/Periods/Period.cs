using System.Globalization;

namespace Zhibiao.Analytics;

/// <summary>
/// A calendar period of a given <see cref="Frequency"/>: a year ("2024"), a quarter ("2024-Q1") or a month
/// ("2024-03"). Periods of the same frequency are ordered and support arithmetic in whole periods; there is no
/// DateTime anywhere in the model.
/// </summary>
/// <remarks>Internally a period is the count of periods since year 0: year × periods-per-year + (sub-period − 1).</remarks>
public readonly struct Period : IEquatable<Period>, IComparable<Period>, IComparable, ISpanFormattable
{
    private readonly int _ordinal;

    private Period(Frequency frequency, int ordinal)
    {
        Frequency = frequency;
        _ordinal = ordinal;
    }

    /// <summary>The frequency of the period.</summary>
    public Frequency Frequency { get; }

    /// <summary>The calendar year the period lies in.</summary>
    public int Year => _ordinal / Frequency.PeriodsPerYear();

    /// <summary>The quarter (1–4) or month (1–12) inside the year; 1 for a yearly period.</summary>
    public int SubPeriod => (_ordinal % Frequency.PeriodsPerYear()) + 1;

    /// <summary>The year as a yearly period.</summary>
    public static Period OfYear(int year) => Create(Frequency.Yearly, year, 1);

    /// <summary>A quarter, 1–4.</summary>
    public static Period OfQuarter(int year, int quarter) => Create(Frequency.Quarterly, year, quarter);

    /// <summary>A month, 1–12.</summary>
    public static Period OfMonth(int year, int month) => Create(Frequency.Monthly, year, month);

    /// <summary>A period from its frequency, year and sub-period (quarter or month; 1 for a year).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1–9999 or the sub-period outside its frequency.</exception>
    public static Period Create(Frequency frequency, int year, int subPeriod)
    {
        int perYear = frequency.PeriodsPerYear();
        if (year is < 1 or > 9999)
            throw new ArgumentOutOfRangeException(nameof(year), year, "year must be between 1 and 9999");
        if (subPeriod < 1 || subPeriod > perYear)
            throw new ArgumentOutOfRangeException(nameof(subPeriod), subPeriod, $"{frequency.ToToken()} sub-period must be between 1 and {perYear}");
        return new Period(frequency, (year * perYear) + subPeriod - 1);
    }

    /// <summary>The period <paramref name="count"/> periods later (earlier when negative).</summary>
    public Period Add(int count)
    {
        long ordinal = (long)_ordinal + count;
        int perYear = Frequency.PeriodsPerYear();
        if (ordinal < perYear || ordinal >= 10000L * perYear)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"{this} + {count} leaves the years 1–9999");
        return new Period(Frequency, (int)ordinal);
    }

    /// <summary>Number of whole periods from <paramref name="earlier"/> to this period (negative when this is earlier).</summary>
    /// <exception cref="ArgumentException">The periods have different frequencies.</exception>
    public int PeriodsSince(Period earlier)
    {
        RequireSameFrequency(earlier, nameof(earlier));
        return _ordinal - earlier._ordinal;
    }

    /// <summary>Time from <paramref name="earlier"/> to this period in years (periods ÷ periods per year).</summary>
    public double YearsSince(Period earlier) => PeriodsSince(earlier) / (double)Frequency.PeriodsPerYear();

    /// <summary>The period <paramref name="count"/> periods later.</summary>
    public static Period operator +(Period period, int count) => period.Add(count);

    /// <summary>The period <paramref name="count"/> periods earlier.</summary>
    public static Period operator -(Period period, int count) => period.Add(-count);

    /// <summary>Number of periods between two periods of the same frequency.</summary>
    public static int operator -(Period later, Period earlier) => later.PeriodsSince(earlier);

    /// <summary>Orders periods of the same frequency.</summary>
    /// <exception cref="ArgumentException">The periods have different frequencies.</exception>
    public int CompareTo(Period other)
    {
        RequireSameFrequency(other, nameof(other));
        return _ordinal.CompareTo(other._ordinal);
    }

    int IComparable.CompareTo(object? obj) => obj is Period p ? CompareTo(p)
        : throw new ArgumentException("object is not a Period", nameof(obj));

    /// <inheritdoc/>
    public bool Equals(Period other) => Frequency == other.Frequency && _ordinal == other._ordinal;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Period p && Equals(p);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Frequency, _ordinal);

    /// <summary>Equality.</summary>
    public static bool operator ==(Period left, Period right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Period left, Period right) => !left.Equals(right);

    /// <summary>Ordering.</summary>
    public static bool operator <(Period left, Period right) => left.CompareTo(right) < 0;

    /// <summary>Ordering.</summary>
    public static bool operator >(Period left, Period right) => left.CompareTo(right) > 0;

    /// <summary>Ordering.</summary>
    public static bool operator <=(Period left, Period right) => left.CompareTo(right) <= 0;

    /// <summary>Ordering.</summary>
    public static bool operator >=(Period left, Period right) => left.CompareTo(right) >= 0;

    /// <summary>The canonical text: "2024", "2024-Q1" or "2024-03".</summary>
    public override string ToString() => Frequency switch
    {
        Frequency.Quarterly => string.Create(CultureInfo.InvariantCulture, $"{Year}-Q{SubPeriod}"),
        Frequency.Monthly => string.Create(CultureInfo.InvariantCulture, $"{Year}-{SubPeriod:00}"),
        _ => Year.ToString(CultureInfo.InvariantCulture),
    };

    /// <inheritdoc/>
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <inheritdoc/>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        string text = ToString();
        charsWritten = 0;
        if (!text.AsSpan().TryCopyTo(destination)) return false;
        charsWritten = text.Length;
        return true;
    }

    /// <summary>The earliest year a parsed period may have: a two- or three-digit year is a typo, not the year 19.</summary>
    public const int MinParsedYear = 1000;

    /// <summary>Parses "2024", "2024-Q1" (also "2024Q1") or "2024-03"; the year must be 1000–9999.</summary>
    /// <exception cref="FormatException">The text is not a period; the message says why.</exception>
    public static Period Parse(ReadOnlySpan<char> text) =>
        TryParse(text, out Period period, out string? error) ? period : throw new FormatException(error);

    /// <summary>Parses a period; false when the text is not one.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Period period) => TryParse(text, out period, out _);

    /// <summary>
    /// Parses a period of the long format, where a year below 1000 is the index of a series without dates: "1",
    /// "1-Q4" or "1-12" (the M1 and M3 competition files number such series from year 1); false when it is no period.
    /// </summary>
    internal static bool TryParseIndexed(ReadOnlySpan<char> text, out Period period) => TryParse(text, out period, out _, minYear: 1);

    private static bool TryParse(ReadOnlySpan<char> text, out Period period, out string? error, int minYear = MinParsedYear)
    {
        period = default;
        text = text.Trim();
        int yearEnd = 0;
        while (yearEnd < text.Length && char.IsAsciiDigit(text[yearEnd])) yearEnd++;
        if (yearEnd is 0 or > 4 || !int.TryParse(text[..yearEnd], NumberStyles.None, CultureInfo.InvariantCulture, out int year) || year < 1)
        {
            error = $"'{Excerpt(text)}' is not a period (expected 2024, 2024-Q1 or 2024-03)";
            return false;
        }

        if (year < minYear)
        {
            error = $"'{Excerpt(text)}' is not a period: the year {year} is outside {MinParsedYear}–9999 (write the year in full, e.g. 2019)";
            return false;
        }

        ReadOnlySpan<char> rest = text[yearEnd..];
        if (rest.IsEmpty)
        {
            period = OfYear(year);
            error = null;
            return true;
        }

        bool quarter = rest.Length == 3 && rest[0] == '-' && (rest[1] is 'Q' or 'q') && char.IsAsciiDigit(rest[2])
            || rest.Length == 2 && (rest[0] is 'Q' or 'q') && char.IsAsciiDigit(rest[1]);
        bool month = rest.Length == 3 && rest[0] == '-' && char.IsAsciiDigit(rest[1]) && char.IsAsciiDigit(rest[2]);
        int sub = quarter ? rest[^1] - '0' : month ? ((rest[1] - '0') * 10) + (rest[2] - '0') : 0;
        if (!(quarter && sub is >= 1 and <= 4) && !(month && sub is >= 1 and <= 12))
        {
            error = $"'{Excerpt(text)}' is not a period (expected 2024, 2024-Q1 or 2024-03)";
            return false;
        }

        period = quarter ? OfQuarter(year, sub) : OfMonth(year, sub);
        error = null;
        return true;
    }

    private static string Excerpt(ReadOnlySpan<char> text) => text.Length <= 60 ? text.ToString() : string.Concat(text[..60], "…");

    private void RequireSameFrequency(Period other, string parameter)
    {
        if (other.Frequency != Frequency)
            throw new ArgumentException($"cannot compare {Frequency.ToToken()} period {this} with {other.Frequency.ToToken()} period {other}", parameter);
    }
}
