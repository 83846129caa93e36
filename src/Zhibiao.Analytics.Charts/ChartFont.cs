using System.Reflection;
using SkiaSharp;

namespace Zhibiao.Analytics.Charts;

/// <summary>
/// The font every chart uses: WenQuanYi Micro Hei (文泉驿微米黑, Apache-2.0, Fonts/LICENSE-wqy-microhei.txt), embedded
/// in this assembly, with Latin and CJK glyphs in one face, so Chinese labels render on a machine without any CJK
/// font and without fontconfig. SVG output draws its text as outlines of this font, so viewers need no font either.
/// </summary>
public static class ChartFont
{
    /// <summary>The family name charts ask ScottPlot for.</summary>
    public const string Name = "WenQuanYi Micro Hei";

    private const string Resource = "Zhibiao.Analytics.Charts.Fonts.wqy-microhei.ttc";

    private static readonly Lazy<SKTypeface> Face = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<bool> Registered = new(Register, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The typeface, loaded once from the embedded resource.</summary>
    public static SKTypeface Typeface => Face.Value;

    /// <summary>Whether the font has a glyph for every character of <paramref name="text"/> (white space aside).</summary>
    public static bool Covers(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var font = new SKFont(Typeface);
        foreach (System.Text.Rune r in text.EnumerateRunes())
            if (!System.Text.Rune.IsWhiteSpace(r) && font.GetGlyph(r.Value) == 0) return false;
        return true;
    }

    /// <summary>Makes ScottPlot resolve <see cref="Name"/> to the embedded typeface (idempotent, thread-safe).</summary>
    internal static void EnsureRegistered() => _ = Registered.Value;

    private static SKTypeface Load()
    {
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"embedded font {Resource} is missing from {typeof(ChartFont).Assembly.GetName().Name}");
        using SKData data = SKData.Create(stream);
        return SKTypeface.FromData(data, 0) ?? throw new InvalidOperationException($"embedded font {Resource} could not be read");
    }

    private static bool Register()
    {
        ScottPlot.Fonts.FontResolvers.Insert(0, new EmbeddedFontResolver());
        return true;
    }

    /// <summary>Answers ScottPlot's requests for <see cref="Name"/> (any weight or slant) with the embedded face.</summary>
    private sealed class EmbeddedFontResolver : ScottPlot.IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, ScottPlot.FontWeight weight, ScottPlot.FontSlant slant, ScottPlot.FontSpacing width) =>
            string.Equals(fontName, Name, StringComparison.OrdinalIgnoreCase) ? Typeface : null;

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            string.Equals(fontName, Name, StringComparison.OrdinalIgnoreCase) ? Typeface : null;
    }
}
