using System.Globalization;

namespace Zhibiao.Analytics.Tests;

/// <summary>Helpers for the golden CSV files of the forecasting and evaluation tests (read with <see cref="Csv"/>).</summary>
internal static class Golden
{
    /// <summary>The rows of a CSV file copied beside the tests.</summary>
    public static List<Csv.Row> Rows(string relativePath) => [.. Csv.Read(RepositoryPaths.TestData(relativePath))];

    /// <summary>A number of a row.</summary>
    public static double Number(this Csv.Row row, string column) => row.D(column);

    /// <summary>A space-separated vector of a row.</summary>
    public static double[] Vector(this Csv.Row row, string column) =>
        [.. row[column].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture))];

    /// <summary>The synthetic series of Forecasting/series.csv by name, with their season length.</summary>
    public static (double[] Values, int SeasonLength) Series(string name)
    {
        var rows = Rows("Forecasting/series.csv").Where(r => r["series"] == name).ToList();
        Assert.NotEmpty(rows);
        return ([.. rows.Select(r => r.D("y"))], (int)rows[0].D("season_length"));
    }

    /// <summary>Asserts |actual − expected| ≤ tolerance · max(1, |expected|).</summary>
    public static void Close(double expected, double actual, double tolerance, string what)
    {
        double allowed = tolerance * Math.Max(1, Math.Abs(expected));
        Assert.True(Math.Abs(actual - expected) <= allowed, $"{what}: expected {expected.ToString("R", CultureInfo.InvariantCulture)}, got {actual.ToString("R", CultureInfo.InvariantCulture)} (tolerance {allowed:G3})");
    }
}
