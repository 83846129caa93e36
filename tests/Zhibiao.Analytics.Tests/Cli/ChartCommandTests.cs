namespace Zhibiao.Analytics.Tests.Cli;

public class ChartCommandTests
{
    private static string Dir => RepositoryPaths.XinjiangDataset;

    [Theory]
    [InlineData("fan", "png")]
    [InlineData("growth", "svg")]
    [InlineData("targets", "png")]
    public void Chart_writes_the_image(string kind, string ext)
    {
        using var tmp = new TempDirectory();
        string path = Path.Combine(tmp.Path, $"chart.{ext}");
        (int exit, string stdout, string stderr) = CliRunner.Run("chart", "tourist_arrivals", Dir, "--kind", kind, "--output", path);
        Assert.True(exit == 0, stderr);
        Assert.Contains("tourist_arrivals", stdout, StringComparison.Ordinal);
        Assert.True(new FileInfo(path).Length > 5_000);
    }

    [Fact]
    public void Chart_mistakes_are_one_line_and_exit_2()
    {
        using var tmp = new TempDirectory();
        (int exit, _, string err) = CliRunner.Run("chart", "tourist_arrivals", Dir, "--output", Path.Combine(tmp.Path, "a.gif"));
        Assert.Equal(2, exit);
        Assert.Contains(".png or .svg", err, StringComparison.Ordinal);
        Assert.Single(err.TrimEnd().Split('\n'));
        (exit, _, err) = CliRunner.Run("chart", "no_such", Dir, "--output", Path.Combine(tmp.Path, "a.png"));
        Assert.Equal(2, exit);
        Assert.Contains("unknown indicator 'no_such'", err, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(tmp.Path));
    }

    [Fact]
    public void Report_writes_one_html_page()
    {
        using var tmp = new TempDirectory();
        string path = Path.Combine(tmp.Path, "report.html");
        (int exit, _, string stderr) = CliRunner.Run("report", Dir, "--output", path);
        Assert.True(exit == 0, stderr);
        string html = File.ReadAllText(path);
        Assert.Contains("Targets overview", html, StringComparison.Ordinal);
        Assert.Contains("analytics report", html, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(tmp.Path));
    }
}
