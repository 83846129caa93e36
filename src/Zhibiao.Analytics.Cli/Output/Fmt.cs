using System.Globalization;

namespace Zhibiao.Analytics.Cli.Output;

/// <summary>Invariant-culture number formatting shared by the outputs.</summary>
internal static class Fmt
{
    /// <summary>A fraction as a percent with one decimal: 0.0667 → "6.7%".</summary>
    public static string Percent(double fraction) => (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>A number for CSV/JSON: shortest round-trip, invariant.</summary>
    public static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    /// <summary>A count with its noun, singular for one: (1, "indicator") → "1 indicator", (3, "indicator") → "3 indicators".</summary>
    /// <param name="count">How many.</param>
    /// <param name="singular">The noun for one.</param>
    /// <param name="plural">The noun for any other count (default: the singular with "s").</param>
    public static string Count(int count, string singular, string? plural = null) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural ?? singular + "s");

    /// <summary>A ratio with two decimals.</summary>
    public static string Ratio(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A growth per year by basis: "6.7%/yr", "+1.2 pp/yr", "6.7%".</summary>
    public static string Growth(QualifiedValue value, GrowthBasis basis) => value.Qualifier.ToSign() + basis switch
    {
        GrowthBasis.PointsPerYear => value.Value.ToString("+0.00;-0.00", CultureInfo.InvariantCulture) + " pp/yr",
        GrowthBasis.YearOnYear => Percent(value.Value),
        _ => Percent(value.Value) + "/yr",
    };
}
