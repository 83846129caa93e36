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
}
