using System.Text.RegularExpressions;
using Zhibiao.Analytics.Charts;
using Zhibiao.Analytics.Data;
using Zhibiao.Analytics.Tests.Assessment;

namespace Zhibiao.Analytics.Tests.Charts;

public sealed class BoardHtmlTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static ProvincialBoard Board() => ProvincialBoard.Build(
        [ProvincialBoard.Read(ProvincialBoardTests.Spread, "moumou-2026.txt"), ProvincialBoard.Read(ProvincialBoardTests.NoStatement, "moushi-2026.txt")],
        Dataset.Load("china-national"));

    [Fact]
    public void The_board_has_one_row_per_region_and_a_cell_per_target_in_ipcc_words()
    {
        string html = BoardHtml.Render(Board());
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
        Assert.Equal(2, Regex.Count(html, "<td class=\"region\""));
        Assert.Contains("5–5.5%", html, StringComparison.Ordinal);
        Assert.Contains("no main targets found", html, StringComparison.Ordinal);
        // 7 targets, each coloured by its likelihood words (the national record pooled with the thin history)
        Assert.Equal(7, Regex.Count(html, "<td style=\"background:#"));
        Assert.Equal(7, Regex.Count(html, "<span class=\"p\">[0-9]+% (exceptionally unlikely|very unlikely|unlikely|about as likely as not|likely|very likely|virtually certain)</span>"));
    }

    [Fact]
    [Trait("Category", "Browser")]
    public void Chromium_renders_the_board_and_sorts_it()
    {
        string chromium = Browser.Find() ?? throw new Xunit.Sdk.XunitException("chromium not found on PATH: install it (apt-get install -y chromium)");
        string path = Path.Combine(_dir.Path, "board.html");
        // sorted by region on load, to see the script run in the browser
        File.WriteAllText(path, BoardHtml.Render(Board()).Replace("</script>", "document.querySelector('#board th').click();\n</script>", StringComparison.Ordinal));
        (int exit, string dom, string log) = Browser.Run(chromium, _dir.Path, "--dump-dom", new Uri(path).AbsoluteUri);
        Assert.True(exit == 0, $"chromium --dump-dom exited {exit}: {log}");
        Assert.True(dom.TrimEnd().EndsWith("</html>", StringComparison.Ordinal), "the page did not finish loading");
        Assert.Contains("data-dir=\"down\"", dom, StringComparison.Ordinal);
        // the click ran the sorting script (it marks the column) and kept both rows
        Assert.Equal(2, Regex.Count(dom, "<td class=\"region\""));
        Assert.DoesNotMatch("Uncaught|ERR_FILE_NOT_FOUND|net::ERR", log);
    }
}
