using Zhibiao.Analytics.Cli;

namespace Zhibiao.Analytics.Tests.Cli;

/// <summary>Runs the command line in-process and captures its output.</summary>
internal static class CliRunner
{
    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int exit = AnalyticsCli.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>
    /// Runs a command that must be refused as the README promises: exit 2, nothing on stdout, one line on stderr
    /// containing <paramref name="expected"/> and naming no temporary file; returns that line.
    /// </summary>
    public static string Refused(string expected, params string[] args)
    {
        var (exit, stdout, stderr) = Run(args);
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(".tmp", stderr, StringComparison.Ordinal);
        return stderr;
    }
}
