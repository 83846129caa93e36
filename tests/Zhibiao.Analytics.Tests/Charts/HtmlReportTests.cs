using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Zhibiao.Analytics.Charts;
using SkiaSharp;

namespace Zhibiao.Analytics.Tests.Charts;

/// <summary>The report is built once for these tests (it runs every indicator's simulation).</summary>
public sealed class ReportFixture : IDisposable
{
    public ReportFixture()
    {
        HtmlReport.Write(RepositoryPaths.XinjiangDataset, Path, new ReportOptions { MadeBy = "tests" });
        Html = File.ReadAllText(Path);
    }

    internal TempDirectory Dir { get; } = new();

    public string Path => System.IO.Path.Combine(Dir.Path, "report.html");

    public string Html { get; }

    public void Dispose() => Dir.Dispose();
}

public partial class HtmlReportTests(ReportFixture report) : IClassFixture<ReportFixture>
{
    [Fact]
    public void Report_is_self_contained()
    {
        string html = report.Html;
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@font-face", html, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(ExternalReference().Matches(html));
        // every in-page reference points at an id of the page, and ids are unique across the inline SVGs
        string[] ids = [.. Id().Matches(html).Select(m => m.Groups[1].Value)];
        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
        var known = ids.ToHashSet(StringComparer.Ordinal);
        foreach (Match m in LocalReference().Matches(html)) Assert.Contains(m.Groups[1].Value, known);
    }

    [Fact]
    public void Report_has_the_overview_then_each_indicator_with_table_charts_and_sources()
    {
        string html = report.Html;
        int overview = html.IndexOf("<section id=\"overview\">", StringComparison.Ordinal);
        int tourists = html.IndexOf("<section class=\"indicator\" id=\"ind-tourist_arrivals\">", StringComparison.Ordinal);
        Assert.InRange(overview, 0, tourists);
        string section = html[tourists..html.IndexOf("</section>", tourists, StringComparison.Ordinal)];
        Assert.Contains("接待游客 tourist arrivals (tourist_arrivals): growth", section, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(section, "<svg"));
        Assert.Contains("<h3>Sources</h3>", section, StringComparison.Ordinal);
        Assert.Contains("新疆维吾尔自治区2025年政府工作报告", section, StringComparison.Ordinal);
        int charted = ChartTestData.Xinjiang.Value.Indicators.Count(i => ChartTestData.Xinjiang.Value.Series(i.Id).Count >= 2);
        Assert.Equal(1 + (2 * charted), Regex.Count(html, "<svg"));
        foreach (Match svg in Regex.Matches(html, "<svg.*?</svg>", RegexOptions.Singleline)) XElement.Parse(svg.Value);
        Assert.Contains("<section id=\"single\">", html, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Browser")]
    public void Chromium_renders_the_report_with_its_charts()
    {
        // A real browser, so not in the plain `dotnet test` (the project's default filter leaves the Browser category
        // out); run it with `dotnet test --filter Category=Browser`, as .ci/run does after installing chromium. It
        // fails (does not skip) when chromium is missing.
        string chromium = Browser.Find() ?? throw new Xunit.Sdk.XunitException("chromium not found on PATH: install it (apt-get install -y chromium)");
        string shot = Path.Combine(report.Dir.Path, "report.png");
        string url = new Uri(report.Path).AbsoluteUri;
        (int exit, string dom, string log) = Browser.Run(chromium, report.Dir.Path, "--dump-dom", url);
        Assert.True(exit == 0, $"chromium --dump-dom exited {exit}: {log}");
        Assert.Contains("<h2>Targets overview</h2>", dom, StringComparison.Ordinal);
        Assert.Equal(Regex.Count(report.Html, "<svg"), Regex.Count(dom, "<svg"));
        Assert.True(dom.TrimEnd().EndsWith("</html>", StringComparison.Ordinal), "the page did not finish loading");
        Assert.DoesNotMatch("Failed to load resource|Uncaught|ERR_FILE_NOT_FOUND|net::ERR", log);

        (exit, _, log) = Browser.Run(chromium, report.Dir.Path, $"--screenshot={shot}", "--window-size=1200,2000", url);
        Assert.True(exit == 0 && File.Exists(shot), $"chromium --screenshot exited {exit}: {log}");
        using SKBitmap bmp = SKBitmap.Decode(shot);
        Assert.Equal((1200, 2000), (bmp.Width, bmp.Height));
        // The overview chart is in view: pixels of the likelihood colour (P(met) 0.54 is "about as likely as not").
        var assessed = ChartTestData.Xinjiang.Value.Judge().Select(j => j.Chance).OfType<Zhibiao.Analytics.Probability.TargetChance>().Single();
        SKColor bar = SKColor.Parse(ChartStyle.ForLikelihood(assessed.Likelihood));
        int barPixels = 0, ink = 0;
        for (int y = 0; y < bmp.Height; y += 2)
            for (int x = 0; x < bmp.Width; x += 2)
            {
                SKColor c = bmp.GetPixel(x, y);
                if (Math.Abs(c.Red - bar.Red) + Math.Abs(c.Green - bar.Green) + Math.Abs(c.Blue - bar.Blue) < 12) barPixels++;
                if (c.Red < 100 && c.Green < 100 && c.Blue < 100) ink++;
            }

        Assert.True(barPixels > 2000, $"the overview bar is not painted ({barPixels} pixels of {bar})");
        Assert.True(ink > 5000, $"little text or lines painted ({ink} dark pixels)");
    }

    [GeneratedRegex("(?:src|href)\\s*=\\s*[\"']?\\s*(?:https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();

    [GeneratedRegex("\\sid=\"([^\"]+)\"")]
    private static partial Regex Id();

    [GeneratedRegex("(?:href=\"#|url\\(#)([^\")]+)")]
    private static partial Regex LocalReference();
}

/// <summary>Headless Chromium, as Debian packages it.</summary>
internal static class Browser
{
    public static string? Find()
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Append("/usr/bin"))
            foreach (string name in (string[])["chromium", "chromium-browser"])
            {
                string p = Path.Combine(dir, name);
                if (File.Exists(p)) return p;
            }

        return null;
    }

    public static (int Exit, string Out, string Err) Run(string chromium, string work, params string[] args)
    {
        string profile = Path.Combine(work, "profile-" + Guid.NewGuid().ToString("N"));
        var psi = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--enable-logging=stderr", "--v=0",
            $"--user-data-dir={profile}", .. args])
            psi.ArgumentList.Add(a);
        using Process p = Process.Start(psi)!;
        Task<string> stdout = p.StandardOutput.ReadToEndAsync();
        Task<string> stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(180_000))
        {
            p.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException("chromium did not finish within 3 minutes");
        }

        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}
