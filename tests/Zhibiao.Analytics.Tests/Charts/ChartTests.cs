using System.Xml.Linq;
using Zhibiao.Analytics.Charts;
using Zhibiao.Analytics.Data;
using Zhibiao.Analytics.Probability;

namespace Zhibiao.Analytics.Tests.Charts;

public class ChartTests
{
    private static Dataset Data => ChartTestData.Xinjiang.Value;

    [Fact]
    public void Fan_chart_svg_has_bands_median_target_marker_and_required_path()
    {
        string svg = FanChart.Create(Data, "tourist_arrivals").ToSvg();
        XDocument.Parse(svg); // well-formed
        string[] labels = ChartTestData.Labels(svg);
        Assert.Contains("95% interval", labels);
        Assert.Contains("80% interval", labels);
        Assert.Contains("forecast median", labels);
        Assert.Contains(labels, l => l.StartsWith("target ≥3.2亿人次 by 2025: P(met) ", StringComparison.Ordinal));
        Assert.Contains("目标 3.2亿人次", labels);
        Assert.Contains(labels, l => l.StartsWith("required path (≤6.7%/yr", StringComparison.Ordinal));
        Assert.Contains("接待游客 tourist arrivals", labels);
        Assert.Contains("亿人次", labels);

        // Bands: the band colour at two opacities; target: the marker's fill; median and required path dashed in their colours.
        Assert.Contains($"fill=\"{ChartStyle.Band}\" fill-opacity=\"0.24", svg, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"fill=\"{ChartStyle.Band}\" fill-opacity=\"0.49", svg, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"fill=\"{ChartStyle.Target}\"", svg, StringComparison.OrdinalIgnoreCase);
        Assert.Matches($"stroke=\"{ChartStyle.Median}\"[^>]*stroke-dasharray=\"10 10\"", svg);
        Assert.Matches($"stroke=\"{ChartStyle.Target}\"[^>]*stroke-dasharray=\"3 5\"", svg);
    }

    [Fact]
    public void Qualified_history_is_drawn_as_an_open_marker_with_an_arrow()
    {
        string exact = FanChart.Create(ChartTestData.Series(Qualifier.Exact), ChartTestData.Target(2.2e8)).ToSvg();
        string more = FanChart.Create(ChartTestData.Series(Qualifier.MoreThan), ChartTestData.Target(2.2e8)).ToSvg();
        string nearly = FanChart.Create(ChartTestData.Series(Qualifier.Nearly), ChartTestData.Target(2.2e8)).ToSvg();
        Assert.DoesNotContain(ChartTestData.Labels(exact), l => l.StartsWith("more than", StringComparison.Ordinal));
        Assert.Contains("more than / at least (↑)", ChartTestData.Labels(more));
        Assert.Contains("at most / nearly (↓)", ChartTestData.Labels(nearly));
        // The arrow is a filled path in the history colour placed by a transform; the exact chart has none.
        string arrow = $"<path fill=\"{ChartStyle.History}\" transform=\"matrix(";
        Assert.Equal(0, Count(exact, arrow));
        Assert.Equal(1, Count(more, arrow));
        Assert.Equal(1, Count(nearly, arrow));
        // the required growth from a "more than" value is at most its face value
        Assert.Contains(ChartTestData.Labels(more), l => l.StartsWith("required path (≤", StringComparison.Ordinal));
    }

    [Fact]
    public void Png_and_svg_files_are_written_and_not_empty()
    {
        using var dir = new TempDirectory();
        Chart chart = FanChart.Create(Data, "grain_output");
        string png = Path.Combine(dir.Path, "a.png"), svg = Path.Combine(dir.Path, "a.svg");
        chart.Save(png);
        chart.Save(svg);
        byte[] bytes = File.ReadAllBytes(png);
        Assert.True(bytes.Length > 10_000);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        using var bmp = SkiaSharp.SKBitmap.Decode(bytes);
        Assert.Equal((900, 540), (bmp.Width, bmp.Height));
        string text = File.ReadAllText(svg);
        Assert.StartsWith("<svg", text, StringComparison.Ordinal);
        Assert.Contains("95% interval", ChartTestData.Labels(text));
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp"));
        Assert.Throws<AnalyticsException>(() => chart.Save(Path.Combine(dir.Path, "a.gif")));
    }

    [Fact]
    public void Svg_has_no_text_elements_and_uses_only_its_own_glyphs()
    {
        string svg = FanChart.Create(Data, "tourist_arrivals").ToSvg();
        Assert.DoesNotContain("<text", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("font-family", svg, StringComparison.Ordinal);
        XDocument doc = XDocument.Parse(svg);
        var ids = doc.Descendants().Select(e => (string?)e.Attribute("id")).Where(i => i is not null).ToHashSet();
        foreach (XElement use in doc.Descendants().Where(e => e.Name.LocalName == "use"))
            Assert.Contains(((string)use.Attribute("href")!)[1..], ids);
    }

    [Fact]
    public void Single_value_indicator_charts_without_a_fan()
    {
        string id = Data.Indicators.First(i => Data.Series(i.Id).Count == 1).Id;
        Chart chart = FanChart.Create(Data, id);
        Assert.Contains("a single value: no forecast", chart.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("80% interval", ChartTestData.Labels(chart.ToSvg()));
    }

    [Fact]
    public void Growth_chart_shows_bars_reported_growth_and_the_required_line()
    {
        string svg = GrowthChart.Create(Data, "tourist_arrivals").ToSvg();
        string[] labels = ChartTestData.Labels(svg);
        Assert.Contains("growth per year", labels);
        Assert.Contains("growth reported by the source", labels);
        Assert.Contains("117.0%", labels); // 2023 over 2022
        Assert.Contains(labels, l => l.StartsWith("required ≤6.7%/yr for ≥3.2亿人次 by 2025", StringComparison.Ordinal));
        Assert.Matches($"stroke=\"{ChartStyle.Target}\"[^>]*stroke-dasharray=\"10 10\"", svg);
        Assert.Contains($"fill=\"{ChartStyle.Bars}\"", svg, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Targets_overview_colours_each_row_by_its_likelihood()
    {
        IReadOnlyList<TargetJudgement> judged = Data.Judge();
        Chart chart = TargetsChart.Create(judged);
        string svg = chart.ToSvg();
        TargetChance a = judged.Select(j => j.Chance).OfType<TargetChance>().Single();
        Assert.Contains($"fill=\"{ChartStyle.ForLikelihood(a.Likelihood)}\"", svg, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(ChartTestData.Labels(svg), l => l.StartsWith($"P(met) {a.Probability:0.00} · {a.Likelihood.ToWords()}", StringComparison.Ordinal));
        Assert.Contains("接待游客 ≥3.2亿人次 by 2025", ChartTestData.Labels(svg));
    }

    [Fact]
    public void Forecast_fan_chart_draws_each_interval()
    {
        var model = Zhibiao.Analytics.Forecasting.Forecasters.Create("naive").Fit([1.0, 2, 3, 4, 5, 6], 1);
        var forecast = model.Forecast(4, [80, 95]);
        string[] labels = ChartTestData.Labels(FanChart.Create(forecast, "naive").ToSvg());
        Assert.Contains("80% interval", labels);
        Assert.Contains("95% interval", labels);
        Assert.Contains("observed", labels);
    }

    private static int Count(string s, string what)
    {
        int n = 0;
        for (int i = s.IndexOf(what, StringComparison.OrdinalIgnoreCase); i >= 0; i = s.IndexOf(what, i + 1, StringComparison.OrdinalIgnoreCase)) n++;
        return n;
    }
}
