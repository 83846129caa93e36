using Spectre.Console;
using Zhibiao.Analytics.Data;

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

    /// <summary>
    /// Runs a streaming <paramref name="work"/>, whose number of series is not known in advance: the bar follows the
    /// share of the input read (bytes of a CSV file, rows of a Parquet file) for the percentage and the time left, and
    /// its label counts the series done. The work gets a <see cref="StreamProgress"/> when a bar is shown, else null.
    /// </summary>
    public static T RunStreaming<T>(CliContext context, string name, Func<StreamProgress?, T> work)
    {
        bool terminal = ReferenceEquals(context.Error, Console.Error) && !Console.IsErrorRedirected;
        if (!terminal) return work(null);
        T result = default!;
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }).Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                ProgressTask task = ctx.AddTask($"{name}: 0 series", maxValue: StreamProgress.Scale);
                result = work(new StreamProgress(task, name));
                task.Value = StreamProgress.Scale;
            });
        return result;
    }
}

/// <summary>Progress of a streaming run: batch by batch, and series by series within a batch.</summary>
internal sealed class StreamProgress(ProgressTask task, string name)
{
    /// <summary>The bar's full value: the input read, in parts per ten thousand.</summary>
    public const double Scale = 10_000;

    private readonly Lock _lock = new();
    private double _before;
    private long _done;

    /// <summary>The progress sink for the series of the next batch (told the number of its series finished).</summary>
    public IProgress<int> Batch(SeriesBatch batch)
    {
        double before = _before, after = batch.Fraction;
        long done = _done;
        int count = batch.Series.Count;
        _before = after;
        _done += count;
        return new Sink(this, before, after, done, count);
    }

    private sealed class Sink(StreamProgress owner, double before, double after, long done, int count) : IProgress<int>
    {
        private int _last;

        public void Report(int value)
        {
            lock (owner._lock)
            {
                if (value <= _last) return;
                _last = value;
                owner.Set(before + ((after - before) * value / count), done + value);
            }
        }
    }

    private long _shown;

    private void Set(double fraction, long series)
    {
        if (series < _shown) return;
        _shown = series;
        task.Value = Math.Min(Scale, Scale * fraction);
        task.Description = $"{name}: {series:N0} series";
    }
}
