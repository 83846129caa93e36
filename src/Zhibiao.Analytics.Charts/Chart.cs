using Zhibiao.Analytics.Data;
using Zhibiao.Analytics.Probability;
using ScottPlot;

namespace Zhibiao.Analytics.Charts;

/// <summary>The image formats a chart is written in.</summary>
public enum ChartFormat
{
    /// <summary>Portable Network Graphics (raster).</summary>
    Png,

    /// <summary>Scalable Vector Graphics, text drawn as glyph outlines.</summary>
    Svg,
}

/// <summary>
/// A rendered-on-demand chart: a ScottPlot <see cref="Plot"/> with its size, written as PNG or SVG offline. In a .NET
/// notebook it displays as inline SVG.
/// </summary>
[TypeFormatterSource(typeof(NotebookFormatterSource), PreferredMimeTypes = ["text/html"])]
public sealed class Chart
{
    /// <summary>A chart of a plot at a size in pixels.</summary>
    public Chart(Plot plot, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 50);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 50);
        Plot = plot;
        Width = width;
        Height = height;
    }

    /// <summary>The plot, for further styling.</summary>
    public Plot Plot { get; }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>What the chart shows, in words (for alt text and captions).</summary>
    public string Description { get; init; } = "";

    /// <summary>Whether <see cref="Description"/> is drawn in the image as its caption (then HTML adds no figcaption).</summary>
    internal bool Captioned { get; init; }

    /// <summary>
    /// The chart of an indicator of a dataset, as <c>analytics chart</c> draws it: for an annual target of a monthly or
    /// quarterly flow (<see cref="YearToDateAssessor.Judges"/>) the year-to-date chart of the first such target by
    /// deadline, judged from the part of the year published by <paramref name="asOf"/> as <c>analytics track --as-of</c>
    /// judges it (<see cref="DatasetReview.YearToDateOf"/>, <see cref="YearToDateChart"/>); otherwise the fan chart of
    /// the figures published by then with the indicator's first target, if it has one (<see cref="FanChart"/>).
    /// </summary>
    /// <param name="data">The dataset, all of it: the cut at <paramref name="asOf"/> is made here.</param>
    /// <param name="indicatorId">The indicator.</param>
    /// <param name="asOf">Only the figures published by the end of this period (<see cref="Dataset.AsOf"/>); all when null.</param>
    /// <param name="options">The paths and seed of the simulation.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <exception cref="AnalyticsException">The indicator is unknown or has no figure, or its target cannot be judged from the figures.</exception>
    public static Chart Of(Dataset data, string indicatorId, Period? asOf = null, AssessmentOptions? options = null, int width = 900, int height = 540)
    {
        ArgumentNullException.ThrowIfNull(data);
        YearToDateAssessment? yearToDate = DatasetReview.YearToDateOf(data, indicatorId, asOf, options);
        var fan = new FanChartOptions { Width = width, Height = height, Assessment = options };
        if (yearToDate is not null) return OfIndicator(null, null, [yearToDate], fan).Single();
        Dataset published = asOf is { } cut ? data.AsOf(cut) : data;
        IndicatorSeries series = published.Series(indicatorId);
        return OfIndicator(series, FanChart.Judge(published, indicatorId, fan), [], fan).Single();
    }

    /// <summary>
    /// The charts of an indicator's judged targets, the one place that says which chart draws what: each annual target
    /// of a monthly or quarterly flow judged from year-to-date data (<see cref="YearToDateAssessment"/>) by the
    /// year-to-date chart, any other judgement (another target, or the indicator without one) by the fan chart drawn
    /// from the judgement's paths; the fan chart first. <see cref="Of"/> and <see cref="HtmlReport"/> draw with it.
    /// </summary>
    /// <param name="series">The indicator's figures (as published by the cut); null with no <paramref name="judgement"/>.</param>
    /// <param name="judgement">The judgement drawn by the fan chart (null when the indicator has none besides its year-to-date ones).</param>
    /// <param name="yearToDate">The indicator's targets judged from year-to-date data.</param>
    /// <param name="options">Size and simulation (<see cref="FanChartOptions.Width"/> and <see cref="FanChartOptions.Height"/> size both kinds).</param>
    internal static IEnumerable<Chart> OfIndicator(IndicatorSeries? series, TargetJudgement? judgement, IEnumerable<YearToDateAssessment> yearToDate, FanChartOptions options)
    {
        if (judgement is not null) yield return FanChart.Create(series ?? throw new ArgumentNullException(nameof(series)), judgement, options);
        foreach (YearToDateAssessment a in yearToDate) yield return YearToDateChart.Create(a, options.Width, options.Height);
    }

    /// <summary>The format a file name's extension asks for (.png or .svg).</summary>
    /// <exception cref="AnalyticsException">Another extension.</exception>
    public static ChartFormat FormatOf(string path)
    {
        string ext = Path.GetExtension(path).ToLowerInvariant();
        return ext switch
        {
            ".png" => ChartFormat.Png,
            ".svg" => ChartFormat.Svg,
            _ => throw new AnalyticsException($"{path}: a chart is written as .png or .svg, not '{ext}'"),
        };
    }

    /// <summary>The chart as PNG bytes.</summary>
    public byte[] ToPng()
    {
        lock (ChartStyle.RenderLock) return Plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>The chart as an SVG document whose text is drawn as outlines of <see cref="ChartFont"/>.</summary>
    public string ToSvg()
    {
        return SvgWriter.Render(Plot, Width, Height);
    }

    /// <summary>Writes the chart to a .png or .svg file, atomically (written aside, then moved into place).</summary>
    /// <exception cref="AnalyticsException">The extension is neither .png nor .svg.</exception>
    public void Save(string path)
    {
        ChartFormat format = FormatOf(path);
        if (format == ChartFormat.Svg) AtomicFile.WriteText(path, w => w.Write(ToSvg()));
        else AtomicFile.WriteBytes(path, ToPng());
    }

    /// <summary>The SVG for inline use in an HTML page (no XML declaration), with a role and a label.</summary>
    public HtmlContent ToHtml() => new($"<figure class=\"chart\">{ToSvg()}{(Description.Length > 0 && !Captioned ? $"<figcaption>{Html.Encode(Description)}</figcaption>" : "")}</figure>");
}
