using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using ScottPlot;
using SkiaSharp;

namespace Zhibiao.Analytics.Charts;

/// <summary>
/// Renders a plot to SVG that stands alone: Skia's SVG device writes text as &lt;text&gt; in a font the viewer may
/// lack and drops dash patterns, so (1) dashed lines are rendered solid in a code colour and given back their colour
/// and a stroke-dasharray afterwards, (2) text becomes glyph outlines of <see cref="ChartFont"/>, each glyph defined
/// once (&lt;defs&gt;) and placed with &lt;use&gt;, the text kept in an aria-label and a &lt;title&gt;, and (3) every id gets
/// a prefix from a hash of the document so that several SVGs can sit inline in one HTML page.
/// </summary>
internal static class SvgWriter
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static string Render(Plot plot, int width, int height)
    {
        var dashes = new Dictionary<string, (string Colour, string Dash)>(StringComparer.OrdinalIgnoreCase);
        var restore = new List<(LineStyle Style, ScottPlot.Color Colour, LinePattern Pattern)>();
        string raw;
        lock (ChartStyle.RenderLock)
        {
            try
            {
                foreach (LineStyle style in LineStyles(plot))
                {
                    if (style.Pattern.Intervals is not { Length: > 0 } intervals || restore.Any(r => ReferenceEquals(r.Style, style))) continue;
                    int k = restore.Count;
                    var code = new ScottPlot.Color(0xFE, 0x01, (byte)(k % 256), style.Color.A);
                    dashes[Hex(code)] = (Hex(style.Color), string.Join(' ', intervals.Select(i => i.ToString("0.#", CultureInfo.InvariantCulture))));
                    restore.Add((style, style.Color, style.Pattern));
                    style.Color = code;
                    style.Pattern = LinePattern.Solid;
                }

                raw = plot.GetSvgXml(width, height);
            }
            finally
            {
                foreach ((LineStyle style, ScottPlot.Color colour, LinePattern pattern) in restore)
                {
                    style.Color = colour;
                    style.Pattern = pattern;
                }
            }
        }

        return Finish(raw, dashes);
    }

    internal static string Finish(string raw, IReadOnlyDictionary<string, (string Colour, string Dash)> dashes)
    {
        XDocument doc = XDocument.Parse(raw);
        XElement root = doc.Root!;
        string prefix = "c" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(raw)))[..8].ToLowerInvariant() + "-";
        Prefix(root, prefix);

        foreach (XElement e in root.Descendants().Where(e => e.Attribute("stroke") is not null))
            if (dashes.TryGetValue(e.Attribute("stroke")!.Value, out var d))
            {
                e.SetAttributeValue("stroke", d.Colour);
                e.SetAttributeValue("stroke-dasharray", d.Dash);
            }

        var defs = new XElement(Svg + "defs");
        var defined = new HashSet<string>(StringComparer.Ordinal);
        using var font = new SKFont(ChartFont.Typeface);
        foreach (XElement text in root.Descendants(Svg + "text").ToList())
        {
            string content = text.Value.Trim();
            if (content.Length == 0)
            {
                text.Remove();
                continue;
            }

            font.Size = Float(text.Attribute("font-size")?.Value) ?? 12;
            float[] xs = Floats(text.Attribute("x")?.Value), ys = Floats(text.Attribute("y")?.Value);
            string[] chars = [.. content.EnumerateRunes().Select(r => r.ToString())];
            ushort[] glyphs = [.. chars.Select(c => font.GetGlyphs(c) is { Length: > 0 } g ? g[0] : (ushort)0)];
            float[] positions = xs.Length == chars.Length ? xs : Advance(font, glyphs, xs.Length > 0 ? xs[0] : 0);
            var group = new XElement(Svg + "g",
                new XAttribute("class", "text"),
                new XAttribute("aria-label", content),
                new XAttribute("fill", text.Attribute("fill")?.Value ?? "black"));
            foreach (string name in (string[])["transform", "fill-opacity", "opacity"])
                if (text.Attribute(name) is { } a) group.SetAttributeValue(name, a.Value);
            group.Add(new XElement(Svg + "title", content));
            for (int i = 0; i < chars.Length; i++)
            {
                if (string.IsNullOrWhiteSpace(chars[i])) continue;
                string id = $"{prefix}g{glyphs[i]}-{(font.Size * 10).ToString("0", CultureInfo.InvariantCulture)}";
                if (defined.Add(id))
                {
                    using SKPath outline = font.GetGlyphPath(glyphs[i]);
                    defs.Add(new XElement(Svg + "path", new XAttribute("id", id), new XAttribute("d", PathData(outline))));
                }

                float y = ys.Length == chars.Length ? ys[i] : ys.Length > 0 ? ys[0] : 0;
                group.Add(new XElement(Svg + "use", new XAttribute("href", "#" + id), new XAttribute("x", Num(positions[i])), new XAttribute("y", Num(y))));
            }

            text.ReplaceWith(group);
        }

        root.AddFirst(defs);
        root.SetAttributeValue("viewBox", $"0 0 {root.Attribute("width")?.Value} {root.Attribute("height")?.Value}");
        root.SetAttributeValue("role", "img");
        return root.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>
    /// The line styles of every plottable of a plot: those with a line (<see cref="IHasLine"/>), arrows (<see cref="IHasArrow"/>), and each bar
    /// of a bar plot. No reflection, so trimming and native AOT keep what is read here.
    /// </summary>
    internal static IEnumerable<LineStyle> LineStyles(Plot plot)
    {
        foreach (IPlottable p in plot.GetPlottables())
        {
            switch (p)
            {
                case IHasLine line:
                    yield return line.LineStyle;
                    break;
                case IHasArrow arrow:
                    yield return arrow.ArrowStyle.LineStyle;
                    break;
                case ScottPlot.Plottables.BarPlot bars:
                    foreach (Bar b in bars.Bars) yield return b.LineStyle;
                    break;
            }
        }
    }

    private static void Prefix(XElement root, string prefix)
    {
        var ids = root.DescendantsAndSelf().Select(e => e.Attribute("id")).Where(a => a is not null).ToList();
        foreach (XAttribute id in ids!) id!.Value = prefix + id.Value;
        if (ids.Count == 0) return;
        foreach (XAttribute a in root.DescendantsAndSelf().SelectMany(e => e.Attributes()).Where(a => a.Value.Contains("url(#", StringComparison.Ordinal) || (a.Name.LocalName == "href" && a.Value.StartsWith('#'))))
            a.Value = a.Value.Replace("url(#", "url(#" + prefix, StringComparison.Ordinal).Replace("#", a.Name.LocalName == "href" ? "#" + prefix : "#", StringComparison.Ordinal);
    }

    private static float[] Advance(SKFont font, ushort[] glyphs, float x0)
    {
        float[] widths = font.GetGlyphWidths(glyphs);
        var xs = new float[glyphs.Length];
        float x = x0;
        for (int i = 0; i < glyphs.Length; i++)
        {
            xs[i] = x;
            x += widths[i];
        }

        return xs;
    }

    /// <summary>SVG path data with coordinates rounded to 0.01 px.</summary>
    private static string PathData(SKPath path)
    {
        var sb = new StringBuilder();
        using SKPath.RawIterator it = path.CreateRawIterator();
        var pts = new SKPoint[4];
        SKPathVerb verb;
        while ((verb = it.Next(pts)) != SKPathVerb.Done)
        {
            switch (verb)
            {
                case SKPathVerb.Move: sb.Append('M').Append(Num(pts[0].X)).Append(' ').Append(Num(pts[0].Y)); break;
                case SKPathVerb.Line: sb.Append('L').Append(Num(pts[1].X)).Append(' ').Append(Num(pts[1].Y)); break;
                case SKPathVerb.Quad: sb.Append('Q').Append(Num(pts[1].X)).Append(' ').Append(Num(pts[1].Y)).Append(' ').Append(Num(pts[2].X)).Append(' ').Append(Num(pts[2].Y)); break;
                case SKPathVerb.Conic:
                    sb.Append('Q').Append(Num(pts[1].X)).Append(' ').Append(Num(pts[1].Y)).Append(' ').Append(Num(pts[2].X)).Append(' ').Append(Num(pts[2].Y)); break;
                case SKPathVerb.Cubic: sb.Append('C').Append(Num(pts[1].X)).Append(' ').Append(Num(pts[1].Y)).Append(' ').Append(Num(pts[2].X)).Append(' ').Append(Num(pts[2].Y)).Append(' ').Append(Num(pts[3].X)).Append(' ').Append(Num(pts[3].Y)); break;
                case SKPathVerb.Close: sb.Append('Z'); break;
            }
        }

        return sb.ToString();
    }

    private static string Hex(ScottPlot.Color c) => $"#{c.R:X2}{c.G:X2}{c.B:X2}";

    private static string Num(float v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    private static float? Float(string? s) =>
        float.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out float v) ? v : null;

    private static float[] Floats(string? s) =>
        s is null ? [] : [.. s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => Float(p) ?? 0)];
}
