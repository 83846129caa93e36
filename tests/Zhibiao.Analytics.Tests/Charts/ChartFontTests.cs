using Zhibiao.Analytics.Charts;
using SkiaSharp;

namespace Zhibiao.Analytics.Tests.Charts;

public class ChartFontTests
{
    [Fact]
    public void Embedded_font_has_glyphs_for_Chinese_and_Latin()
    {
        Assert.Equal(ChartFont.Name, ChartFont.Typeface.FamilyName);
        Assert.True(ChartFont.Covers("接待游客 tourist arrivals 亿人次 目标 ≥3.2 粮食总产量"));
        Assert.False(ChartFont.Covers("\U0001F600")); // an emoji it lacks: Covers can say no
    }

    [Fact]
    public void Chinese_characters_render_as_different_glyphs_not_tofu()
    {
        // Two different characters must give different pixels, and neither the box a missing glyph gives.
        byte[] yi = Render("亿"), you = Render("游"), missing = Render("\U0001F600");
        Assert.True(Ink(yi) > 20, "亿 drew nothing");
        Assert.True(Ink(you) > 20, "游 drew nothing");
        Assert.NotEqual(yi, you);
        Assert.NotEqual(yi, missing);
        Assert.NotEqual(you, missing);
    }

    [Fact]
    public void Chinese_title_in_a_chart_png_differs_from_a_missing_glyph_title()
    {
        static byte[] Pixels(string title)
        {
            using SKBitmap bmp = SKBitmap.Decode(new Chart(ChartStyleProbe.Styled(title), 200, 120).ToPng());
            return bmp.Bytes;
        }

        Assert.NotEqual(Pixels("接待游客"), Pixels("\U0001F600\U0001F600\U0001F600\U0001F600"));
        Assert.NotEqual(Pixels("接待游客"), Pixels("粮食总产"));
    }

    private static byte[] Render(string text)
    {
        using var bitmap = new SKBitmap(64, 64);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.White);
        using var font = new SKFont(ChartFont.Typeface, 48);
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = false };
        canvas.DrawText(text, 4, 52, font, paint);
        return bitmap.Bytes;
    }

    private static int Ink(byte[] bgra)
    {
        int n = 0;
        for (int i = 0; i < bgra.Length; i += 4)
            if (bgra[i] < 128) n++;
        return n;
    }
}

/// <summary>A plot styled as the charts are (font registered), for pixel tests.</summary>
internal static class ChartStyleProbe
{
    public static ScottPlot.Plot Styled(string title)
    {
        ScottPlot.Plot plot = Zhibiao.Analytics.Charts.ChartStyle.NewPlot();
        plot.Title(title);
        return plot;
    }
}
