using System.Globalization;

namespace Analytics.Tests;

/// <summary>Reads the golden CSV files stored beside the tests (plain comma-separated, no quoting).</summary>
internal static class Golden
{
    /// <summary>The rows of a CSV file under the test output directory, as column → text.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Rows(string relativePath)
    {
        string[] lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, relativePath));
        string[] header = lines[0].Split(',');
        var rows = new List<IReadOnlyDictionary<string, string>>();
        foreach (string line in lines.Skip(1).Where(l => l.Length > 0))
        {
            string[] cells = line.Split(',');
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = 0; i < header.Length; i++) row[header[i]] = cells[i].Trim();
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>A number of a row.</summary>
    public static double Number(this IReadOnlyDictionary<string, string> row, string column) =>
        double.Parse(row[column], NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>A space-separated vector of a row.</summary>
    public static double[] Vector(this IReadOnlyDictionary<string, string> row, string column) =>
        [.. row[column].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture))];

    /// <summary>The synthetic series of Forecasting/series.csv by name, with their season length.</summary>
    public static (double[] Values, int SeasonLength) Series(string name)
    {
        var rows = Rows("Forecasting/series.csv").Where(r => r["series"] == name).ToList();
        Assert.NotEmpty(rows);
        return ([.. rows.Select(r => r.Number("y"))], (int)rows[0].Number("season_length"));
    }

    /// <summary>Asserts |actual − expected| ≤ tolerance · max(1, |expected|).</summary>
    public static void Close(double expected, double actual, double tolerance, string what)
    {
        double allowed = tolerance * Math.Max(1, Math.Abs(expected));
        Assert.True(Math.Abs(actual - expected) <= allowed, $"{what}: expected {expected.ToString("R", CultureInfo.InvariantCulture)}, got {actual.ToString("R", CultureInfo.InvariantCulture)} (tolerance {allowed:G3})");
    }
}
