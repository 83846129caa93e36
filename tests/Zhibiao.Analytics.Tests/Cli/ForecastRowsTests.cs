using Zhibiao.Analytics.Cli.Commands;
using Zhibiao.Analytics.Forecasting;

namespace Zhibiao.Analytics.Tests.Cli;

/// <summary>The forecast command's CSV, formatted straight into text, is byte for byte the cell-by-cell CSV (Sep) of the same rows.</summary>
public class ForecastRowsTests
{
    private static readonly string[] Texts = ["S1", "a,b", "say \"hi\"", "line\nbreak", "cr\rhere", " spaced ", "", "引号\"，逗号,", "Median(ETS(A,N,N), Theta), calibrated"];

    private static readonly double[] Numbers = [0, -0.0, 1, -1, 0.1, 1e-300, 5e-324, 1.7976931348623157e308, 123456789.123456789, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1e21, 1e-7, 4936.99];

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Csv_equals_the_cell_by_cell_csv_for_awkward_ids_methods_and_numbers(int seed)
    {
        var random = new Random(seed);
        var items = new List<BatchItem>();
        for (int i = 0; i < 1500; i++)
        {
            string id = Texts[random.Next(Texts.Length)] + (i % 7 == 0 ? "" : i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (id.Length == 0) id = "x";
            var series = new LongSeries(id, random.Next(3) switch { 0 => Period.OfYear(1990), 1 => Period.OfQuarter(1990, 2), _ => Period.OfMonth(1990, 11) }, new double[] { 1, 2, 3 });
            if (random.Next(10) == 0)
            {
                items.Add(new BatchItem(series, null, "failed"));
                continue;
            }

            int horizon = random.Next(1, 5);
            double[] Draw() => [.. Enumerable.Range(0, horizon).Select(_ => random.Next(3) == 0 ? Numbers[random.Next(Numbers.Length)] : (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-10, 12)))];
            PredictionInterval[] intervals = [new(80, Draw(), Draw()), new(95, Draw(), Draw()), new(Forecast.LevelForQuantile(0.1), Draw(), Draw()), new(Forecast.MedianLevel, Draw(), Draw())];
            var forecast = new Forecast(Texts[random.Next(Texts.Length)] + "m", Draw(), intervals, Array.Empty<double>(), Array.Empty<double>()) { Origin = i % 11 == 0 ? null : series.End };
            items.Add(new BatchItem(series, forecast, null));
        }

        foreach (int threads in (int[])[1, 4])
            foreach (bool header in (bool[])[true, false])
            {
                var rows = new ForecastRows(items, [80, 95], [0.1, 0.5, 0.9], threads);
                using var fast = new StringWriter();
                rows.WriteCsv(fast, header);
                using var cells = new StringWriter();
                rows.ToTabular().WriteCsv(cells, header);
                Assert.Equal(cells.ToString(), fast.ToString());
            }
    }

    [Fact]
    public void A_batch_without_forecasts_writes_only_the_header_when_asked()
    {
        var rows = new ForecastRows([new BatchItem(new LongSeries("a", Period.OfYear(2000), new double[] { 1.0 }), null, "no")], [95], null, 2);
        using var withHeader = new StringWriter();
        rows.WriteCsv(withHeader, header: true);
        Assert.Equal("unique_id,ds,h,model,mean,lo-95,hi-95\n", withHeader.ToString());
        using var without = new StringWriter();
        rows.WriteCsv(without, header: false);
        Assert.Equal("", without.ToString());
    }
}
