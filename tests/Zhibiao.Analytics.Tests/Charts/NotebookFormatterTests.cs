using System.Reflection;
using Zhibiao.Analytics.Charts;
using Zhibiao.Analytics.Data;

namespace Zhibiao.Analytics.Tests.Charts;

/// <summary>
/// Formats objects the way .NET Interactive does without referencing it: the attribute found by its name, the source
/// created and asked for CreateTypeFormatters, the formatter's MimeType and Format(object, TextWriter) called.
/// </summary>
public class NotebookFormatterTests
{
    private static Dataset Data => ChartTestData.Xinjiang.Value;

    [Fact]
    public void Series_shows_its_table_and_fan_chart()
    {
        string html = Format(Data.Series("tourist_arrivals").ToHtml());
        Assert.Contains("<table class=\"analytics-table\">", html, StringComparison.Ordinal);
        Assert.Contains("&gt;3亿人次", html, StringComparison.Ordinal); // the qualified latest value
        Assert.Contains("<svg", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Growth_table_tracking_assessment_and_forecast_format_as_html()
    {
        Assert.Contains("117.0%", Format(Data.GrowthTable("tourist_arrivals").ToHtml()), StringComparison.Ordinal);
        TrackingResult tracked = Data.Judge(new PipelineOptions { Probability = false }).Select(j => j.Tracking).First(r => r.Target is not null);
        Assert.Contains("status-on_track", Format(ChartHtml.ToHtml([tracked])), StringComparison.Ordinal);
        string assessed = Format(Data.Judge().ToHtml());
        Assert.Contains("class=\"p-met\"", assessed, StringComparison.Ordinal);
        Assert.Contains("status-on_track", assessed, StringComparison.Ordinal);
        Assert.Contains("<svg", assessed, StringComparison.Ordinal);
        var forecast = Zhibiao.Analytics.Forecasting.Forecasters.Create("naive").Fit([1.0, 2, 3], 1).Forecast(2, [80]);
        Assert.Contains("lo 80", Format(forecast.ToHtml()), StringComparison.Ordinal);
    }

    [Fact]
    public void Html_helpers_and_charts_display_as_html()
    {
        HtmlContent list = Data.Judge().ToHtml();
        Assert.Equal(list.Markup, Format(list));
        Assert.Equal(list.Markup, list.ToString());
        Chart chart = GrowthChart.Create(Data, "grain_output");
        Assert.StartsWith("<figure class=\"chart\"><svg", Format(chart), StringComparison.Ordinal);
    }

    [Fact]
    public void Core_tables_need_no_charts()
    {
        string table = Data.Series("grain_output").ToHtmlTable().Markup;
        Assert.Contains("<caption>粮食总产量", table, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", table, StringComparison.Ordinal);
        Assert.Contains("<td>", Html.TableOf(Data.Judge(new PipelineOptions { Probability = false }).Select(j => j.Tracking).ToList()) ?? "", StringComparison.Ordinal);
        Assert.Null(Html.TableOf("a string"));
        Assert.Equal("&lt;b&gt;", Html.Encode("<b>"));
    }

    [Fact]
    public void Core_types_carry_no_display_attribute()
    {
        // Presentation lives in this package: the core's records are displayed through ToHtml(), not by attribute.
        Type[] core = [typeof(IndicatorSeries), typeof(GrowthTable), typeof(TrackingResult), typeof(Zhibiao.Analytics.Probability.TargetAssessment), typeof(Zhibiao.Analytics.Forecasting.Forecast)];
        Assert.All(core, t => Assert.DoesNotContain(t.GetCustomAttributes(inherit: true), a => a.GetType().Name == "TypeFormatterSourceAttribute"));
        Assert.Contains(Data.Series("grain_output").ToHtmlTable().Markup, Format(Data.Series("grain_output").ToHtml()), StringComparison.Ordinal);
    }

    /// <summary>What .NET Interactive does with a type that has a TypeFormatterSource attribute (matched by name).</summary>
    private static string Format(object value)
    {
        Attribute attribute = value.GetType().GetCustomAttributes(inherit: true).Cast<Attribute>()
            .Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");
        var sourceType = (Type)attribute.GetType().GetProperty("FormatterSourceType")!.GetValue(attribute)!;
        Assert.Contains("text/html", (string[])attribute.GetType().GetProperty("PreferredMimeTypes")!.GetValue(attribute)!);
        object source = Activator.CreateInstance(sourceType, nonPublic: true)!;
        var formatters = (IEnumerable<object>)sourceType.GetMethod("CreateTypeFormatters")!.Invoke(source, null)!;
        object html = formatters.Single(f => (string)f.GetType().GetProperty("MimeType")!.GetValue(f)! == "text/html");
        using var writer = new StringWriter();
        MethodInfo format = html.GetType().GetMethod("Format", [typeof(object), typeof(TextWriter)])!;
        Assert.True((bool)format.Invoke(html, [value, writer])!);
        return writer.ToString();
    }
}
