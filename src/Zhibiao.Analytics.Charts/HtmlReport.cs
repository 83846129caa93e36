using System.Globalization;
using System.Text;
using Zhibiao.Analytics.Data;
using Zhibiao.Analytics.Probability;

namespace Zhibiao.Analytics.Charts;

/// <summary>Settings of <see cref="HtmlReport"/>.</summary>
public sealed record ReportOptions
{
    /// <summary>The defaults.</summary>
    public static readonly ReportOptions Default = new();

    /// <summary>The page title (default: "Indicators and targets: " and the dataset's directory name).</summary>
    public string? Title { get; init; }

    /// <summary>The simulation behind probabilities and fans (default: that of <see cref="TargetAssessor"/>).</summary>
    public AssessmentOptions? Assessment { get; init; }

    /// <summary>How the report was made, printed under the title (e.g. the command line).</summary>
    public string? MadeBy { get; init; }

    /// <summary>Only the figures published by the end of this period (<see cref="Dataset.AsOf"/>); all when null.</summary>
    public Period? AsOf { get; init; }
}

/// <summary>
/// One self-contained HTML page for a dataset: the targets overview, then per indicator with two or more levels its
/// tracking, growth table, growth chart, fan chart and sources, and a table of the indicators with a single figure.
/// Annual targets of monthly and quarterly flows are judged from the part of the year published, as
/// <c>analytics track</c> judges them (<see cref="DatasetReview"/>); their indicators show the year-to-date table and
/// chart (<see cref="YearToDateChart"/>: the year-to-date path, the required path and the fan of the year's end).
/// Charts are inline SVG with text drawn as outlines, styles are inline: no scripts, fonts or external resources,
/// and addresses of sources are printed as text, not links.
/// </summary>
public static class HtmlReport
{
    private const string Css = """
        body{font-family:"WenQuanYi Micro Hei","Noto Sans CJK SC","Droid Sans Fallback",sans-serif;margin:24px auto;max-width:1000px;color:#1b1b1b;line-height:1.45}
        h1{font-size:1.6em;margin-bottom:.2em} h2{border-bottom:2px solid #1F3A5F;padding-bottom:.2em;margin-top:2em} h3{margin-bottom:.3em}
        .meta{color:#555;font-size:.9em} nav ol{columns:2;font-size:.9em}
        table.analytics-table{border-collapse:collapse;margin:.8em 0;font-size:.85em;width:100%}
        table.analytics-table caption{text-align:left;font-weight:600;padding:.3em 0}
        table.analytics-table th,table.analytics-table td{border:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top}
        table.analytics-table th{background:#f3f5f8}
        figure.chart{margin:1em 0} figure.chart svg{max-width:100%;height:auto;border:1px solid #eee}
        figcaption{font-size:.85em;color:#555} .notes li,.sources li{font-size:.85em} code{font-size:.85em;word-break:break-all}
        """;

    /// <summary>Builds the page of a dataset.</summary>
    /// <param name="data">The dataset.</param>
    /// <param name="name">A name for it (the directory name); shown in the title.</param>
    /// <param name="options">Title, simulation and provenance.</param>
    /// <exception cref="AnalyticsException">A target cannot be assessed.</exception>
    public static string Build(Dataset data, string name, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= ReportOptions.Default;
        string title = options.Title ?? $"Indicators and targets: {name}";
        if (options.AsOf is { } cut) data = data.AsOf(cut);
        DatasetReview review = DatasetReview.Of(data, null, new PipelineOptions { Assessment = options.Assessment });
        IReadOnlyList<TargetJudgement> judgements = review.Judgements;
        TrackingResult[] tracking = [.. judgements.Select(j => j.Tracking)];
        TargetJudgement[] assessments = [.. judgements.Where(j => j.Chance is not null)];
        Indicator[] charted = [.. data.Indicators.Where(i => data.Series(i.Id).Count >= 2)
            .OrderBy(i => data.Targets.Any(t => t.IndicatorId == i.Id) ? 0 : 1)];
        Indicator[] single = [.. data.Indicators.Where(i => data.Series(i.Id).Count < 2)];

        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n<title>{Html.Encode(title)}</title>\n<style>{Css}</style>\n</head>\n<body>\n");
        html.Append(CultureInfo.InvariantCulture, $"<h1>{Html.Encode(title)}</h1>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">{data.Indicators.Count} indicator{(data.Indicators.Count == 1 ? "" : "s")}, {data.Observations.Count} figure{(data.Observations.Count == 1 ? "" : "s")}, {data.Targets.Count} target{(data.Targets.Count == 1 ? "" : "s")}. ");
        html.Append("Probabilities and fans come from simulated paths of the forecast model, with qualified and rounded figures drawn as intervals; statuses from the UN SDG growth-ratio rule.");
        if (options.MadeBy is { } made) html.Append(CultureInfo.InvariantCulture, $" Made by <code>{Html.Encode(made)}</code>.");
        html.Append("</p>\n");

        html.Append("<section id=\"overview\">\n<h2>Targets overview</h2>\n");
        html.Append(TargetsChart.Create(judgements).ToHtml().Markup);
        if (assessments.Length > 0) html.Append(assessments.ToHtmlTable().Markup);
        if (review.YearToDate.Count > 0) html.Append(review.YearToDate.ToHtmlTable().Markup);
        html.Append(tracking.Where(r => r.Target is not null || r.Observed is not null).ToHtmlTable().Markup);
        html.Append("</section>\n");

        html.Append("<nav><h2>Indicators</h2><ol>");
        foreach (Indicator i in charted)
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"#ind-{Html.Encode(i.Id)}\">{Html.Encode(i.NameZh)} {Html.Encode(i.NameEn)}</a></li>");
        if (single.Length > 0) html.Append("<li><a href=\"#single\">Indicators with a single figure</a></li>");
        html.Append("</ol></nav>\n");

        foreach (Indicator ind in charted) AppendIndicator(html, data, ind, judgements, review.YearToDate, options);

        if (single.Length > 0)
        {
            html.Append("<section id=\"single\">\n<h2>Indicators with a single figure</h2>\n<table class=\"analytics-table\"><thead><tr><th>indicator</th><th>period</th><th>value</th><th>source</th></tr></thead><tbody>");
            foreach (Indicator ind in single)
                foreach (Observation o in data.Series(ind.Id))
                    html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Html.Encode($"{ind.NameZh} {ind.NameEn} ({ind.Id})")}</td><td>{o.Period}</td><td>{Html.Encode(o.Qualifier.ToSign() + o.Value)}</td><td>{Html.Encode(o.Source.ToString())}</td></tr>");
            html.Append("</tbody></table>\n</section>\n");
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>Builds the page of a dataset directory and writes it atomically.</summary>
    /// <exception cref="DataFormatException">The dataset is malformed.</exception>
    public static void Write(string datasetDirectory, string path, ReportOptions? options = null)
    {
        Dataset data = Dataset.Load(datasetDirectory);
        string name = new DirectoryInfo(Path.GetFullPath(datasetDirectory)).Name;
        string page = Build(data, name, options);
        AtomicFile.WriteText(path, w => w.Write(page));
    }

    private static void AppendIndicator(StringBuilder html, Dataset data, Indicator ind, IReadOnlyList<TargetJudgement> judgements, IReadOnlyList<YearToDateAssessment> years, ReportOptions options)
    {
        string id = Html.Encode(ind.Id);
        html.Append(CultureInfo.InvariantCulture, $"<section class=\"indicator\" id=\"ind-{id}\">\n<h2>{Html.Encode(ind.NameZh)} {Html.Encode(ind.NameEn)} <small>({id}, {Html.Encode(ind.Unit.Symbol)})</small></h2>\n");
        TargetJudgement[] judged = [.. judgements.Where(j => j.Indicator.Id == ind.Id)];
        TrackingResult[] mine = [.. judged.Select(j => j.Tracking)];
        TargetJudgement[] assessed = [.. judged.Where(j => j.Chance is not null)];
        YearToDateAssessment[] ytd = [.. years.Where(a => a.Indicator.Id == ind.Id)];
        TargetJudgement? first = judged.Where(j => j.Target is not null).MinBy(j => j.Target!.Deadline) ?? judged.FirstOrDefault();
        if (mine.Length > 0) html.Append(mine.ToHtmlTable().Markup);
        if (assessed.Length > 0) html.Append(assessed.ToHtmlTable().Markup);
        if (ytd.Length > 0) html.Append(ytd.ToHtmlTable().Markup);
        string[] notes = [.. mine.SelectMany(r => r.Notes).Concat(assessed.SelectMany(a => a.Chance!.Notes)).Concat(ytd.SelectMany(a => a.Notes)).Distinct(StringComparer.Ordinal)];
        if (notes.Length > 0)
            html.Append("<ul class=\"notes\">").Append(string.Concat(notes.Select(n => $"<li>{Html.Encode(n)}</li>"))).Append("</ul>\n");

        html.Append(data.GrowthTable(ind.Id).ToHtmlTable().Markup);
        if (first is not null) html.Append(GrowthChart.Create(data.GrowthTable(ind.Id), first.Tracking).ToHtml().Markup);
        foreach (Chart chart in Chart.OfIndicator(data.Series(ind.Id), first, ytd, new FanChartOptions { Assessment = options.Assessment }))
            html.Append(chart.ToHtml().Markup);

        html.Append("<h3>Sources</h3>\n<ul class=\"sources\">");
        var sources = data.ObservationsOf(ind.Id).Select(o => (o.Source, What: $"{o.Period} {(o.IsYearToDate ? "year-to-date " : "")}{o.Measure.ToString().ToLowerInvariant()}"))
            .Concat(data.Targets.Where(t => t.IndicatorId == ind.Id).Select(t => (t.Source, What: $"target {t}")))
            .GroupBy(s => (s.Source.Document, s.Source.Address));
        foreach (var g in sources)
        {
            string where = g.Key.Address is { } a ? $" <code>{Html.Encode(a)}</code>" : "";
            html.Append(CultureInfo.InvariantCulture, $"<li>{Html.Encode(string.Join(", ", g.Select(s => s.What).Distinct(StringComparer.Ordinal)))}: {Html.Encode(g.Key.Document)}{where}</li>");
        }

        html.Append("</ul>\n</section>\n");
    }
}
