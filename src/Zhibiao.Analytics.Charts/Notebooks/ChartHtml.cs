using Zhibiao.Analytics.Forecasting;

namespace Zhibiao.Analytics.Charts;

/// <summary>
/// HTML with inline SVG charts for the library's types, usable anywhere (pages, reports) and displayed by .NET
/// notebooks: each result is an <see cref="HtmlContent"/> whose ToString() is the markup, and which a notebook shows
/// as HTML. The core knows nothing of rendering: a notebook turns a series, growth table or judged targets into HTML
/// with these methods (<c>data.Series("gdp").ToHtml()</c>).
/// </summary>
public static class ChartHtml
{
    /// <summary>The observations of a series and its fan chart (with the target, if given).</summary>
    public static HtmlContent ToHtml(this IndicatorSeries series, Target? target = null) =>
        Join(series.ToHtmlTable(), FanChart.Create(series, target).ToHtml());

    /// <summary>A growth table and its growth chart (with the required growth of the tracking result, if given).</summary>
    public static HtmlContent ToHtml(this GrowthTable table, TrackingResult? tracking = null) =>
        Join(table.ToHtmlTable(), GrowthChart.Create(table, tracking).ToHtml());

    /// <summary>Tracking results: the targets overview (when some have a target) and the table.</summary>
    public static HtmlContent ToHtml(this IEnumerable<TrackingResult> results) => ToHtml(results.Select(r => new TargetJudgement(r, null)));

    /// <summary>Judged targets (<see cref="TargetPipeline"/>): the targets overview (when some have a target), the tracking table and the probability table.</summary>
    public static HtmlContent ToHtml(this IEnumerable<TargetJudgement> judgements)
    {
        TargetJudgement[] all = [.. judgements];
        HtmlContent tracking = all.Select(j => j.Tracking).ToHtmlTable();
        if (!all.Any(j => j.Target is not null)) return tracking;
        return all.Any(j => j.Chance is not null)
            ? Join(TargetsChart.Create(all).ToHtml(), tracking, all.ToHtmlTable())
            : Join(TargetsChart.Create(all).ToHtml(), tracking);
    }

    /// <summary>A forecast: its fan chart and its table.</summary>
    public static HtmlContent ToHtml(this Forecast forecast) => Join(FanChart.Create(forecast).ToHtml(), forecast.ToHtmlTable());

    /// <summary>The notebook HTML of one of the library's objects (table and chart), or null for another object.</summary>
    public static string? Render(object value) => value switch
    {
        IndicatorSeries s => s.ToHtml().Markup,
        GrowthTable g => g.ToHtml().Markup,
        TrackingResult r => ToHtml([r]).Markup,
        Forecast f => f.ToHtml().Markup,
        TargetJudgement j => ToHtml([j]).Markup,
        IEnumerable<TargetJudgement> js => js.ToHtml().Markup,
        IEnumerable<TrackingResult> rs => rs.ToHtml().Markup,
        Chart c => c.ToHtml().Markup,
        HtmlContent h => h.Markup,
        _ => null,
    };

    private static HtmlContent Join(params HtmlContent[] parts) => new($"<div class=\"analytics\">{string.Concat(parts.Select(p => p.Markup))}</div>");
}
