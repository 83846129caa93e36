namespace Zhibiao.Analytics.Forecasting;

/// <summary>
/// The one loop of every batch over series (forecasts, growth probabilities, evaluations): train a global forecaster
/// on the whole batch, then handle the series in parallel, each on its own; an error that belongs to a series
/// (<see cref="AnalyticsException"/>) becomes that series' failure and the others go on. Results are in input order
/// whatever the number of threads.
/// </summary>
internal static class BatchRunner
{
    /// <summary>Progress is reported every this many finished series, and at the last one.</summary>
    public const int ProgressEvery = 16;

    /// <summary>
    /// Prepares <paramref name="forecaster"/> (<see cref="GlobalTraining.Prepare"/>), then runs <paramref name="one"/>
    /// on every series. When a global forecaster cannot learn from the batch, every series fails with that reason.
    /// </summary>
    /// <param name="series">The series.</param>
    /// <param name="forecaster">The model (trained first when it is global).</param>
    /// <param name="seasonLength">Season length for the global training; null takes it from the first series.</param>
    /// <param name="horizon">Steps ahead the global model is trained for.</param>
    /// <param name="threads">Series handled at once (at least 1).</param>
    /// <param name="one">The work on one series: the prepared forecaster, the series and its index.</param>
    /// <param name="failed">The result of a series that failed, from the series and the reason.</param>
    /// <param name="progress">Told the number of series finished so far, every <see cref="ProgressEvery"/>.</param>
    /// <param name="cancellation">Stops the run (throws <see cref="OperationCanceledException"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException">Threads below 1.</exception>
    public static TResult[] Run<TResult>(IReadOnlyList<LongSeries> series, IForecaster forecaster, int? seasonLength, int horizon, int threads, Func<IForecaster, LongSeries, int, TResult> one, Func<LongSeries, string, TResult> failed, IProgress<int>? progress = null, CancellationToken cancellation = default)
    {
        CheckThreads(threads);
        cancellation.ThrowIfCancellationRequested();
        IForecaster prepared;
        try
        {
            prepared = GlobalTraining.Prepare(forecaster, series, seasonLength, horizon, threads);
        }
        catch (ForecastException e)
        {
            return [.. series.Select(s => failed(s, e.Message))];
        }

        return Run(series, threads, (s, i) => one(prepared, s, i), failed, progress, cancellation);
    }

    /// <summary>Runs <paramref name="one"/> on every series in parallel; results in input order.</summary>
    /// <param name="series">The series.</param>
    /// <param name="threads">Series handled at once (at least 1).</param>
    /// <param name="one">The work on one series and its index.</param>
    /// <param name="failed">The result of a series whose work threw an <see cref="AnalyticsException"/>, from the series and the message.</param>
    /// <param name="progress">Told the number of series finished so far, every <see cref="ProgressEvery"/>.</param>
    /// <param name="cancellation">Stops the run (throws <see cref="OperationCanceledException"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException">Threads below 1.</exception>
    public static TResult[] Run<TResult>(IReadOnlyList<LongSeries> series, int threads, Func<LongSeries, int, TResult> one, Func<LongSeries, string, TResult> failed, IProgress<int>? progress = null, CancellationToken cancellation = default)
    {
        CheckThreads(threads);
        var results = new TResult[series.Count];
        int done = 0;
        Parallel.For(0, series.Count, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellation }, i =>
        {
            LongSeries s = series[i];
            try
            {
                results[i] = one(s, i);
            }
            catch (AnalyticsException e)
            {
                results[i] = failed(s, e.Message);
            }

            int finished = Interlocked.Increment(ref done);
            if (progress is not null && (finished % ProgressEvery == 0 || finished == series.Count)) progress.Report(finished);
        });
        return results;
    }

    private static void CheckThreads(int threads)
    {
        if (threads < 1) throw new ArgumentOutOfRangeException(nameof(threads), threads, "threads must be at least 1");
    }
}
