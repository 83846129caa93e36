namespace Zhibiao.Analytics.Forecasting;

/// <summary>The outcome for one series of a batch: its forecast, or why it has none.</summary>
/// <param name="Series">The series.</param>
/// <param name="Forecast">The forecast (origin set to the series' last period), or null on failure.</param>
/// <param name="Error">Why the series could not be forecast, or null.</param>
public sealed record BatchItem(LongSeries Series, Forecast? Forecast, string? Error);

/// <summary>Settings of a batch run.</summary>
public sealed record BatchOptions
{
    /// <summary>Steps to forecast.</summary>
    public required int Horizon { get; init; }

    /// <summary>Interval levels in percent.</summary>
    public required IReadOnlyList<double> Levels { get; init; }

    /// <summary>Season length for every series; null takes it from each series' frequency (1, 4, 12).</summary>
    public int? SeasonLength { get; init; }

    /// <summary>Series fitted at once; the series are independent, so this is the only parallelism.</summary>
    public int Threads { get; init; } = 1;
}

/// <summary>
/// Forecasts many series with one forecaster, in parallel across series. A series that cannot be fitted, or whose
/// forecast is not finite, is returned with its reason; the others are unaffected.
/// </summary>
public static class BatchForecaster
{
    /// <summary>
    /// Forecasts every series; results are in input order. A global forecaster (<see cref="IGlobalForecaster"/>) is
    /// first trained on all the series.
    /// </summary>
    /// <param name="series">The series.</param>
    /// <param name="forecaster">The model.</param>
    /// <param name="options">Horizon, levels, season length, threads.</param>
    /// <param name="progress">Told the number of series finished so far, now and then.</param>
    /// <param name="cancellation">Stops the run.</param>
    /// <exception cref="ArgumentOutOfRangeException">Horizon or levels out of range, or threads below 1.</exception>
    public static BatchItem[] Run(IReadOnlyList<LongSeries> series, IForecaster forecaster, BatchOptions options, IProgress<int>? progress = null, CancellationToken cancellation = default)
    {
        ForecastLimits.Check(options.Horizon, options.Levels);
        return BatchRunner.Run(series, forecaster, options.SeasonLength, options.Horizon, options.Threads,
            (prepared, s, _) => One(s, prepared, options), (s, error) => new BatchItem(s, null, error), progress, cancellation);
    }

    /// <summary>Checks the options as <see cref="Run"/> does before any work: a horizon of 1 to <see cref="Forecast.MaxHorizon"/>, levels strictly between 0 and 100, at least one thread.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Horizon, levels or threads out of range.</exception>
    public static void Check(BatchOptions options)
    {
        ForecastLimits.Check(options.Horizon, options.Levels);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Threads, 1, nameof(options.Threads));
    }

    /// <summary>Forecasts one series, catching the errors that belong to the series.</summary>
    public static BatchItem One(LongSeries series, IForecaster forecaster, BatchOptions options)
    {
        try
        {
            int m = options.SeasonLength ?? series.Frequency.PeriodsPerYear();
            Forecast f = forecaster.Fit(series.Values.Span, m).Forecast(options.Horizon, options.Levels) with { Origin = series.End };
            if (!IsFinite(f)) return new BatchItem(series, null, $"{forecaster.Name} produced a forecast that is not finite");
            return new BatchItem(series, f, null);
        }
        catch (AnalyticsException e)
        {
            return new BatchItem(series, null, e.Message);
        }
    }

    private static bool IsFinite(Forecast f)
    {
        foreach (double v in f.Mean.Span) if (!double.IsFinite(v)) return false;
        foreach (PredictionInterval pi in f.Intervals)
            for (int h = 0; h < f.Horizon; h++)
                if (!double.IsFinite(pi.Lower.Span[h]) || !double.IsFinite(pi.Upper.Span[h])) return false;
        return true;
    }
}
