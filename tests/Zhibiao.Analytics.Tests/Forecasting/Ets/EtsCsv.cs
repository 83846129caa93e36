using System.Globalization;

namespace Zhibiao.Analytics.Tests.Forecasting.Ets;

/// <summary>Reads the small golden CSV files beside these tests (read with <see cref="Csv"/>).</summary>
internal static class EtsCsv
{
    public static List<Dictionary<string, string>> Rows(string file) =>
        Csv.Records(Path.Combine(AppContext.BaseDirectory, "Forecasting", "Ets", file));

    public static double Number(this Dictionary<string, string> row, string column) =>
        row[column] == "NA" ? double.NaN : double.Parse(row[column], CultureInfo.InvariantCulture);

    /// <summary>The training series of ets-r-series.csv by id: (season length, horizon, values).</summary>
    public static Dictionary<string, (int SeasonLength, int Horizon, double[] Values)> Series() =>
        Rows("ets-r-series.csv").GroupBy(r => r["unique_id"]).ToDictionary(
            g => g.Key,
            g => ((int)g.First().Number("frequency"), (int)g.First().Number("horizon"), g.Select(r => r.Number("y")).ToArray()));

    /// <summary>Asserts |actual − expected| ≤ tolerance·max(1, |expected|).</summary>
    public static void Close(double expected, double actual, double tolerance, string what)
    {
        double scale = Math.Max(1, Math.Abs(expected));
        Assert.True(Math.Abs(actual - expected) <= tolerance * scale, $"{what}: expected {expected:R}, got {actual:R} (tolerance {tolerance:R} relative)");
    }
}
