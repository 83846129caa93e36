using ScottPlot;
using SkiaSharp;

namespace Zhibiao.Analytics.Charts;

/// <summary>
/// The layout every chart shares so that nothing is drawn over the data: axis titles on both axes, the legend in a
/// panel below the figure's axes (items side by side, wrapped to the width), and the chart's description as a
/// caption under it, wrapped to the width at spaces (or between any two CJK characters) so that no word is cut.
/// </summary>
internal static class ChartLayout
{
    /// <summary>Caption font size in pixels.</summary>
    public const float CaptionSize = 12;

    /// <summary>Left and right margin of the caption in pixels.</summary>
    public const float Margin = 12;

    /// <summary>Axis titles, the legend below the axes and the caption below it.</summary>
    public static void Apply(Plot plot, int width, string xLabel, string yLabel, string caption, bool legend = true)
    {
        plot.XLabel(xLabel, 13);
        plot.YLabel(yLabel, 13);
        plot.Axes.Bottom.Label.FontName = ChartFont.Name;
        plot.Axes.Left.Label.FontName = ChartFont.Name;
        if (legend)
        {
            plot.ShowLegend(Edge.Bottom);
            plot.Legend.Orientation = Orientation.Horizontal;
            plot.Legend.FontSize = 12;
            plot.Legend.TightHorizontalWrapping = true;
            plot.Legend.OutlineWidth = 0;
            plot.Legend.ShadowColor = Colors.Transparent;
            plot.Legend.BackgroundColor = Colors.Transparent;
        }
        else
        {
            plot.HideLegend();
        }

        if (caption.Length > 0) plot.Axes.AddPanel(new CaptionPanel(Wrap(caption, width - (2 * Margin), CaptionSize)));
    }

    /// <summary>
    /// Lines of at most <paramref name="width"/> pixels in the chart font at <paramref name="size"/>: breaks at
    /// spaces, or before a CJK character; a single word longer than a line is broken where it overflows.
    /// </summary>
    public static string[] Wrap(string text, float width, float size)
    {
        using var font = new SKFont(ChartFont.Typeface, size);
        var lines = new List<string>();
        foreach (string paragraph in text.Split('\n'))
        {
            string line = "";
            foreach (string token in Tokens(paragraph))
            {
                if (line.Length > 0 && font.MeasureText((line + token).TrimEnd()) > width)
                {
                    lines.Add(line.TrimEnd());
                    line = token.TrimStart();
                }
                else
                {
                    line += token;
                }

                while (line.Length > 1 && font.MeasureText(line.TrimEnd()) > width)
                {
                    int fit = 1;
                    while (fit < line.Length && font.MeasureText(line[..(fit + 1)]) <= width) fit++;
                    lines.Add(line[..fit]);
                    line = line[fit..];
                }
            }

            lines.Add(line.TrimEnd());
        }

        return [.. lines];
    }

    /// <summary>Words with their trailing space, and each CJK character on its own.</summary>
    private static IEnumerable<string> Tokens(string text)
    {
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == ' ')
            {
                yield return text[start..(i + 1)];
                start = i + 1;
            }
            else if (IsCjk(text[i]))
            {
                if (i > start) yield return text[start..i];
                yield return text[i].ToString();
                start = i + 1;
            }
        }

        if (start < text.Length) yield return text[start..];
    }

    private static bool IsCjk(char c) => c is >= '\u3000' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF';

    /// <summary>Lines of text under the figure's bottom panels, left-aligned, in the chart font.</summary>
    internal sealed class CaptionPanel : ScottPlot.Panels.PanelBase
    {
        private const float Padding = 6;

        public CaptionPanel(string[] lines)
        {
            Lines = lines;
            Edge = Edge.Bottom;
        }

        public string[] Lines { get; }

        private static float LineHeight => CaptionSize * 1.35f;

        public override float Measure(Paint paint) => (Lines.Length * LineHeight) + (2 * Padding);

        public override void Render(RenderPack rp, float size, float offset)
        {
            PixelRect rect = GetPanelRect(rp.DataRect, size, offset, rp.Paint);
            var label = new LabelStyle
            {
                FontName = ChartFont.Name,
                FontSize = CaptionSize,
                ForeColor = Color.FromHex("#404040"),
                Alignment = Alignment.UpperLeft,
            };
            for (int i = 0; i < Lines.Length; i++)
                label.Render(rp.Canvas, new Pixel(rp.FigureRect.Left + Margin, rect.Top + Padding + (i * LineHeight)), rp.Paint, Lines[i], true);
        }
    }
}
