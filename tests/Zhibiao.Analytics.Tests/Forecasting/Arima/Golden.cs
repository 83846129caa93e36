using System.Globalization;

namespace Zhibiao.Analytics.Tests.Forecasting.Arima;

/// <summary>Reads the golden CSV files stored beside these tests (copied to the output folder; read with <see cref="Csv"/>).</summary>
internal static class Golden
{
    public static List<Dictionary<string, string>> Read(string name) =>
        Csv.Records(Path.Combine(AppContext.BaseDirectory, "Forecasting", "Arima", name));

    public static double D(this Dictionary<string, string> row, string column) => double.Parse(row[column], CultureInfo.InvariantCulture);

    public static int I(this Dictionary<string, string> row, string column) => int.Parse(row[column], CultureInfo.InvariantCulture);

    /// <summary>The classic R data sets (Nile, WWWusage, lh, AirPassengers, USAccDeaths, austres, UKDriverDeaths) by name.</summary>
    public static (double[] Values, int Frequency) Dataset(string name)
    {
        List<Dictionary<string, string>> rows = Read("r-datasets.csv").Where(r => r["series"] == name).ToList();
        return ([.. rows.Select(r => r.D("y"))], rows[0].I("frequency"));
    }

    /// <summary>The hand-worked value of a case and quantity at an index, with its tolerance.</summary>
    public static (double Value, double Tolerance) Hand(string @case, string quantity, int index = 0)
    {
        Dictionary<string, string> row = Read("hand-worked.csv").Single(r => r["case"] == @case && r["quantity"] == quantity && r.I("index") == index);
        return (row.D("value"), row.D("tolerance"));
    }

    public static void Near(double expected, double actual, double tolerance, string what) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: expected {expected.ToString("R", CultureInfo.InvariantCulture)}, got {actual.ToString("R", CultureInfo.InvariantCulture)} (tolerance {tolerance.ToString(CultureInfo.InvariantCulture)})");
}
