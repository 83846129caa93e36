using System.CommandLine;
using System.Text.RegularExpressions;
using Zhibiao.Analytics.Cli.Commands;
using Zhibiao.Analytics.Data;
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
            ImportTableCommand.Create(context),
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
            stderr.WriteLine($"error: {OneLine(string.Join("; ", parsed.Errors.Select(e => Plain(e.Message))))} (see analytics --help)");
            return UserError;
        }

        try
        {
            // Every file a command writes is written when it ends, all or nothing (one output writer for every command).
            return AtomicFile.Together(() => parsed.Invoke(new InvocationConfiguration { Output = context.Out, Error = stderr, EnableDefaultExceptionHandler = false }));
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

    /// <summary>
    /// The message on one line, without the stack traces some libraries put into their messages (lines "at Type.Method(…)"
    /// and "--- End of … ---", as Orleans' do), every quoted value cut to 60 characters and the whole to 600.
    /// </summary>
    internal static string OneLine(string message)
    {
        string line = string.Join(' ', message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !StackFrame().IsMatch(l)));
        line = InlineStackFrames().Replace(line, "");
        line = QuotedValue().Replace(line, m => $"'{m.Groups[1].Value}…'");
        return line.Length <= 600 ? line : string.Concat(line.AsSpan(0, 600), "…");
    }

    /// <summary>The parser's "Cannot parse argument 'x' for option '--horizon' as expected type 'System.Int32'" in words.</summary>
    internal static string Plain(string message)
    {
        Match m = CannotParse().Match(message);
        if (!m.Success) return message;
        string what = m.Groups["type"].Value switch
        {
            "System.Int32" => "a whole number (at most 2147483647 in magnitude)",
            "System.Double" => "a number",
            _ => "a valid value",
        };
        return $"{m.Groups["option"].Value}: '{m.Groups["value"].Value}' is not {what}";
    }

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for (option|argument) '(?<option>[^']+)' as expected type '(System\.Nullable`1\[)?(?<type>[\w.]+)\]?'\.?$", RegexOptions.Singleline)]
    private static partial Regex CannotParse();

    [GeneratedRegex("'([^']{60})[^']+'")]
    private static partial Regex QuotedValue();

    /// <summary>A line of a .NET stack trace: "at Namespace.Type.Method(…)" or "--- End of inner exception stack trace ---".</summary>
    [GeneratedRegex(@"^(at [\w`<>\[\],|+]+(\.[\w`<>\[\],|+]+)+\(.*\)( in .*)?|--- End of .* ---)$")]
    private static partial Regex StackFrame();

    /// <summary>Stack frames already run into one line: " at A.B(…) at C.D(…)" after a message.</summary>
    [GeneratedRegex(@"(\s+at [\w`<>\[\],|+]+(\.[\w`<>\[\],|+]+)+\([^)]*\)( in \S+:line \d+)?)+|\s*--- End of [^-]* ---")]
    private static partial Regex InlineStackFrames();
}

/// <summary>A mistake in how a command was called that the parser cannot see (an option value out of range).</summary>
public sealed class CliUsageException(string message) : Exception(message);
