using System.Reflection;
using CsCheck;
using ScottPlot;
using SkiaSharp;
using Zhibiao.Analytics.Charts;
using Zhibiao.Analytics.Data;

namespace Zhibiao.Analytics.Tests.Charts;

/// <summary>Legibility: the legend outside the data, axis titles, the description as a wrapped caption; and the SVG writer without reflection.</summary>
public class ChartLayoutTests
{
    private static Dataset Data => ChartTestData.Xinjiang.Value;

    public static TheoryData<string> Kinds => ["fan", "growth", "targets", "forecast"];

    private static Chart Make(string kind) => kind switch
    {
        "fan" => FanChart.Create(Data, "tourist_arrivals"),
        "growth" => GrowthChart.Create(Data, "tourist_arrivals"),
        "targets" => TargetsChart.Create(Data.Judge()),
        _ => FanChart.Create(Zhibiao.Analytics.Forecasting.Forecasters.Create("naive").Fit([1.0, 2, 3, 4, 5, 6], 1).Forecast(4, [80, 95]), "naive"),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Legend_is_outside_the_data_area_below_the_axes(string kind)
    {
        Chart chart = Make(kind);
        _ = chart.ToPng();
        Assert.False(chart.Plot.Legend.IsVisible); // the legend drawn inside the data area
        IPanel[] panels = chart.Plot.Axes.GetPanels();
        if (kind == "targets")
        {
            Assert.DoesNotContain(panels, p => p is ScottPlot.Panels.LegendPanel);
            return;
        }

        var legend = Assert.Single(panels.OfType<ScottPlot.Panels.LegendPanel>());
        Assert.Equal(Edge.Bottom, legend.Edge);
        Assert.True(legend.IsVisible);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Both_axes_have_titles_and_the_caption_is_drawn_whole(string kind)
    {
        Chart chart = Make(kind);
        Assert.False(string.IsNullOrWhiteSpace(chart.Plot.Axes.Bottom.Label.Text));
        var caption = Assert.Single(chart.Plot.Axes.GetPanels().OfType<ChartLayout.CaptionPanel>());
        string[] labels = ChartTestData.Labels(chart.ToSvg());
        foreach (string line in caption.Lines) Assert.Contains(line, labels);
        using var font = new SKFont(ChartFont.Typeface, ChartLayout.CaptionSize);
        Assert.All(caption.Lines, l => Assert.True(font.MeasureText(l) <= chart.Width - (2 * ChartLayout.Margin), $"'{l}' is wider than the chart"));
        if (kind != "targets") Assert.Equal(Squeeze(chart.Description), Squeeze(string.Concat(caption.Lines)));
    }

    [Fact]
    public void Fan_chart_caption_carries_the_whole_model_and_the_x_axis_says_year()
    {
        Chart chart = FanChart.Create(Data, "tourist_arrivals");
        Assert.Equal("year", chart.Plot.Axes.Bottom.Label.Text);
        string caption = string.Join(" ", chart.Plot.Axes.GetPanels().OfType<ChartLayout.CaptionPanel>().Single().Lines);
        Assert.Contains("forecast by Median(ETS(M,A,N), Theta, DOTM, Random walk with drift, ARIMA(0,1,0) with drift)", caption, StringComparison.Ordinal);
        Assert.Contains("P(met) 0.", caption, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrap_keeps_every_character_and_fits_the_width()
    {
        Gen<string> word = Gen.OneOf(Gen.String[Gen.Char['a', 'z'], 1, 14], Gen.String[Gen.Char['\u4E00', '\u4E80'], 1, 6], Gen.Const("(ETS(M,A,N),"));
        Gen.Select(word.List[0, 40], Gen.Int[60, 900]).SamplePinned((words, width) =>
        {
            string text = string.Join(" ", words);
            string[] lines = ChartLayout.Wrap(text, width, ChartLayout.CaptionSize);
            using var font = new SKFont(ChartFont.Typeface, ChartLayout.CaptionSize);
            Assert.All(lines, l => Assert.True(l.Length <= 1 || font.MeasureText(l) <= width, $"'{l}' wider than {width}"));
            Assert.Equal(Squeeze(text), Squeeze(string.Concat(lines)));
        }, seed: "0N0XIzNsQ0O2", iter: 300);
    }

    [Fact]
    public void Wrap_breaks_at_spaces_by_hand()
    {
        using var font = new SKFont(ChartFont.Typeface, 12);
        float w = font.MeasureText("alpha beta");
        Assert.Equal(["alpha beta", "gamma"], ChartLayout.Wrap("alpha beta gamma", w + 0.5f, 12));
        Assert.Equal(["接待", "游客"], ChartLayout.Wrap("接待游客", font.MeasureText("接待") + 0.5f, 12));
        Assert.Equal([""], ChartLayout.Wrap("", 100, 12));
    }

    /// <summary>
    /// The SVG writer finds dashed lines without reflection (native AOT trims reflection metadata): every line style a
    /// chart's plottables hold, found here by reflection, is among those it finds.
    /// </summary>
    [Theory]
    [MemberData(nameof(Kinds))]
    public void Svg_writer_finds_every_line_style_without_reflection(string kind)
    {
        Plot plot = Make(kind).Plot;
        var found = SvgWriter.LineStyles(plot).ToHashSet(ReferenceEqualityComparer.Instance);
        int held = 0;
        foreach (IPlottable p in plot.GetPlottables())
        {
            if (p is Legend) continue;
            foreach (PropertyInfo prop in p.GetType().GetProperties().Where(x => x.PropertyType == typeof(LineStyle) && x.GetIndexParameters().Length == 0 && x.GetCustomAttribute<ObsoleteAttribute>() is null))
            {
                held++;
                Assert.Contains(prop.GetValue(p), found);
            }
        }

        Assert.True(held > 0);
    }

    private static string Squeeze(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));
}
