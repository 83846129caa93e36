using Spectre.Console;

namespace Zhibiao.Analytics.Cli.Output;

/// <summary>A progress bar on stderr for long batch runs, shown only when stderr is a terminal.</summary>
internal static class ProgressBar
{
    /// <summary>Fewer items than this finish too quickly to need a bar.</summary>
    public const int MinimumItems = 50;

    /// <summary>
    /// Runs <paramref name="work"/>, handing it a progress sink (items finished so far) when a bar is shown and null
    /// otherwise.
    /// </summary>
    public static T Run<T>(CliContext context, string description, int total, Func<IProgress<int>?, T> work)
    {
        bool terminal = ReferenceEquals(context.Error, Console.Error) && !Console.IsErrorRedirected;
        if (!terminal || total < MinimumItems) return work(null);
        T result = default!;
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }).Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                ProgressTask task = ctx.AddTask(description, maxValue: total);
                result = work(new Progress<int>(n => task.Value = n));
                task.Value = total;
            });
        return result;
    }
}
