namespace Zhibiao.Analytics;

/// <summary>How often an indicator is observed. The numeric value is the number of periods in a year.</summary>
public enum Frequency
{
    /// <summary>One value a year ("2024").</summary>
    Yearly = 1,

    /// <summary>Four values a year ("2024-Q1").</summary>
    Quarterly = 4,

    /// <summary>Twelve values a year ("2024-03").</summary>
    Monthly = 12,
}

/// <summary>Helpers for <see cref="Frequency"/>.</summary>
internal static class FrequencyExtensions
{
    /// <summary>Periods in one year: 1, 4 or 12; also the usual season length of the frequency.</summary>
    public static int PeriodsPerYear(this Frequency frequency) => frequency switch
    {
        Frequency.Yearly or Frequency.Quarterly or Frequency.Monthly => (int)frequency,
        _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, "unknown frequency"),
    };

    /// <summary>The lower-case token used in files: yearly, quarterly, monthly.</summary>
    public static string ToToken(this Frequency frequency) => frequency switch
    {
        Frequency.Yearly => "yearly",
        Frequency.Quarterly => "quarterly",
        Frequency.Monthly => "monthly",
        _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, "unknown frequency"),
    };

    /// <summary>Parses yearly, quarterly or monthly (also annual, year, quarter, month).</summary>
    /// <exception cref="FormatException">The text names no frequency.</exception>
    public static Frequency ParseFrequency(string text) => text.Trim().ToUpperInvariant() switch
    {
        "YEARLY" or "ANNUAL" or "YEAR" or "Y" or "A" => Frequency.Yearly,
        "QUARTERLY" or "QUARTER" or "Q" => Frequency.Quarterly,
        "MONTHLY" or "MONTH" or "M" => Frequency.Monthly,
        _ => throw new FormatException($"unknown frequency '{text}' (known: yearly, quarterly, monthly)"),
    };
}
