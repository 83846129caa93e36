using System.CommandLine;
using System.Text.RegularExpressions;
using Zhibiao.Analytics.Cli.Commands;
using Zhibiao.Analytics.Forecasting;

namespace Zhibiao.Analytics.Cli;

/// <summary>
/// The analytics command line. User mistakes (a bad option, a bad file, an unknown indicator) print one line on
/// stderr and exit with code 2; nothing is written to an output file that is not complete.
/// </summary>
public static partial class AnalyticsCli
{
    /// <summary>Exit code for success.</summary>
    public const int Ok = 0;

    /// <summary>Exit code for a mistake in the input or the command line.</summary>
    public const int UserError = 2;

    /// <summary>Exit code for a bug: something the program should have handled.</summary>
    public const int InternalError = 70;

    /// <summary>Runs the command line with the given writers (tests pass their own).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, null);

    /// <summary>Runs the command line with the given writers and models (tests pass a model of their own).</summary>
    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr, ForecasterCatalogue? models)
    {
        var context = new CliContext(stdout, stderr, models);
        RootCommand root = new("Indicator time series: growth, target tracking and forecasts.")
        {
            TrackCommand.Create(context),
            GrowthCommand.Create(context),
            ForecastCommand.Create(context),
            ProbabilityCommand.Create(context),
            BacktestTargetsCommand.Create(context),
            BacktestYtdCommand.Create(context),
            EvaluateCommand.Create(context),
            ChartCommand.Create(context),
            ReportCommand.Create(context),
            ExtractCommand.Create(context),
            ExtractSeriesCommand.Create(context),
            BacktestReportsCommand.Create(context),
            BoardCommand.Create(context),
            BoardCommand.CreateCheck(context),
            ImportHistoryCommand.Create(context),
            SiloCommand.Create(context),
        };

        if (args.FirstOrDefault(a => a.StartsWith("--", StringComparison.Ordinal) && a.EndsWith('=')) is { } empty)
        {
            stderr.WriteLine($"error: {empty} has no value (write {empty}VALUE, e.g. --growth=0.05) (see analytics --help)");
            return UserError;
        }

        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            stderr.WriteLine($"error: {OneLine(string.Join("; ", parsed.Errors.Select(e => e.Message)))} (see analytics --help)");
            return UserError;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (IsUserError(e))
        {
            stderr.WriteLine($"error: {OneLine(e.Message)}");
            return UserError;
        }
        catch (Exception e)
        {
            stderr.WriteLine($"internal error: {e.GetType().Name}: {OneLine(e.Message)} (please report it)");
            if (Environment.GetEnvironmentVariable("ANALYTICS_DEBUG") is "1") stderr.WriteLine(e);
            return InternalError;
        }
    }

    private static bool IsUserError(Exception e) =>
        e is AnalyticsException or FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException
            or CliUsageException;

    /// <summary>The message on one line, every quoted value cut to 60 characters and the whole to 600.</summary>
    private static string OneLine(string message)
    {
        string line = string.Join(' ', message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        line = QuotedValue().Replace(line, m => $"'{m.Groups[1].Value}…'");
        return line.Length <= 600 ? line : string.Concat(line.AsSpan(0, 600), "…");
    }

    [GeneratedRegex("'([^']{60})[^']+'")]
    private static partial Regex QuotedValue();
}

/// <summary>A mistake in how a command was called that the parser cannot see (an option value out of range).</summary>
public sealed class CliUsageException(string message) : Exception(message);
