using Zhibiao.Analytics.Forecasting;

namespace Zhibiao.Analytics.Probability;

/// <summary>
/// P(y_{n+h} ≥ y_n·(1 + g)^h): the probability that the value h steps ahead reaches the last observed value
/// compounded at growth g, for one series, step and growth rate.
/// </summary>
/// <param name="SeriesId">The series.</param>
/// <param name="H">Steps ahead (1-based).</param>
/// <param name="Growth">The growth rate g per step (a fraction).</param>
/// <param name="Target">y_n·(1 + g)^h.</param>
/// <param name="ProbabilityMet">The share of sample paths at or above the target.</param>
public sealed record GrowthProbability(string SeriesId, int H, double Growth, double Target, double ProbabilityMet);

/// <summary>Settings of <see cref="GrowthProbabilities"/>.</summary>
public sealed record GrowthProbabilityOptions
{
    /// <summary>Steps ahead.</summary>
    public required int Horizon { get; init; }

    /// <summary>The growth rates per step.</summary>
    public required IReadOnlyList<double> Growth { get; init; }

    /// <summary>Sample paths per series.</summary>
    public int Paths { get; init; } = 2000;

    /// <summary>Seed of the simulation (each series gets its own stream derived from it).</summary>
    public int Seed { get; init; } = 2025;

    /// <summary>Series at once.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Season length; null takes it from the frequency.</summary>
    public int? SeasonLength { get; init; }
}

/// <summary>The outcome for one series: its probabilities, or why it has none.</summary>
/// <param name="Series">The series.</param>
/// <param name="Probabilities">One row per step and growth rate, or empty on failure.</param>
/// <param name="Method">The fitted method.</param>
/// <param name="Error">Why the series failed, or null.</param>
public sealed record GrowthProbabilityResult(LongSeries Series, IReadOnlyList<GrowthProbability> Probabilities, string? Method, string? Error);

/// <summary>Target probabilities on a grid of growth rates for many series, in parallel across series.</summary>
public static class GrowthProbabilities
{
    /// <summary>Computes the grid for every series; results in input order. A global forecaster is first trained on all the series.</summary>
    /// <param name="series">The series.</param>
    /// <param name="forecaster">The model.</param>
    /// <param name="options">Horizon, growth rates, paths, seed, threads, season length.</param>
    /// <param name="progress">Told the number of series finished so far, now and then.</param>
    /// <param name="cancellation">Stops the run.</param>
    /// <exception cref="ArgumentOutOfRangeException">Horizon, paths or threads out of range.</exception>
    public static GrowthProbabilityResult[] Run(IReadOnlyList<LongSeries> series, IForecaster forecaster, GrowthProbabilityOptions options, IProgress<int>? progress = null, CancellationToken cancellation = default)
    {
        ForecastLimits.Check(options.Horizon, []);
        if (options.Paths < 1) throw new ArgumentOutOfRangeException(nameof(options), options.Paths, "at least one path");
        return BatchRunner.Run(series, forecaster, options.SeasonLength, options.Horizon, options.Threads,
            (prepared, s, i) => One(s, prepared, options, options.Seed + i), (s, error) => new GrowthProbabilityResult(s, [], null, error), progress, cancellation);
    }

    /// <summary>
    /// The grid for one series. A series whose last value is missing, zero or negative fails (its growth targets, the
    /// last value compounded, would be meaningless: zero whatever the growth, or lower for higher growth).
    /// </summary>
    public static GrowthProbabilityResult One(LongSeries series, IForecaster forecaster, GrowthProbabilityOptions options, int seed)
    {
        double lastValue = series.Values.Length > 0 ? series.Values.Span[^1] : double.NaN;
        if (!(lastValue > 0))
        {
            string what = double.IsNaN(lastValue) ? "is missing" : $"is {lastValue.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)}";
            return new GrowthProbabilityResult(series, [], null, $"the last value ({series.End}) {what}; growth targets (the last value compounded at each rate) need a positive last value");
        }

        try
        {
            IFittedModel model = forecaster.Fit(series.Values.Span, options.SeasonLength ?? series.Frequency.PeriodsPerYear());
            SamplePaths paths = SamplePaths.Simulate(model, options.Horizon, options.Paths, seed);
            double last = series.Values.Span[^1];
            var rows = new List<GrowthProbability>(options.Horizon * options.Growth.Count);
            for (int h = 1; h <= options.Horizon; h++)
            {
                double[] sorted = paths.SortedAt(h);
                if (!double.IsFinite(sorted[0]) || !double.IsFinite(sorted[^1]))
                    return new GrowthProbabilityResult(series, [], model.Method, $"{forecaster.Name} simulated values that are not finite");
                foreach (double g in options.Growth)
                {
                    double target = last * Math.Pow(1 + g, h);
                    rows.Add(new GrowthProbability(series.Id, h, g, target, ShareAtLeast(sorted, target)));
                }
            }

            return new GrowthProbabilityResult(series, rows, model.Method, null);
        }
        catch (AnalyticsException e)
        {
            return new GrowthProbabilityResult(series, [], null, e.Message);
        }
    }

    /// <summary>Share of sorted values at or above the threshold (binary search).</summary>
    public static double ShareAtLeast(ReadOnlySpan<double> sorted, double threshold)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < threshold) lo = mid + 1;
            else hi = mid;
        }

        return (sorted.Length - lo) / (double)sorted.Length;
    }
}
