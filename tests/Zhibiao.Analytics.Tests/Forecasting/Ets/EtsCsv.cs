using System.Globalization;

namespace Zhibiao.Analytics.Tests.Forecasting.Ets;

/// <summary>Reads the small golden CSV files beside these tests (comma-separated, double-quoted fields allowed).</summary>
internal static class EtsCsv
{
    public static List<Dictionary<string, string>> Rows(string file)
    {
        string[] lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Forecasting", "Ets", file));
        string[] header = Split(lines[0]);
        return [.. lines.Skip(1).Where(l => l.Length > 0).Select(l =>
        {
            string[] cells = Split(l);
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = 0; i < header.Length; i++) row[header[i]] = cells[i];
            return row;
        })];
    }

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

    private static string[] Split(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        bool quoted = false;
        foreach (char c in line)
        {
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else cell.Append(c);
        }

        cells.Add(cell.ToString());
        return [.. cells];
    }
}
