using Zhibiao.Analytics.Data;
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
