using MathNet.Numerics.Distributions;

namespace Zhibiao.Analytics.Forecasting;

/// <summary>
/// Base of fitted models. A model supplies its point forecasts and one-path simulation, and the forecast variance
/// per step when it has an analytic one; this base turns them into intervals: Gaussian mean ± z·sd when the variance
/// is known, else empirical quantiles of <see cref="SimulatedPaths"/> sample paths.
/// </summary>
public abstract class FittedModel : IFittedModel
{
    /// <summary>Number of sample paths used for simulated intervals.</summary>
    public const int SimulatedPaths = 5000;

    /// <summary>Seed of the simulation used for intervals, so forecasts are reproducible.</summary>
    public const int IntervalSeed = 20250101;

    /// <inheritdoc/>
    public abstract string Method { get; }

    /// <inheritdoc/>
    public abstract IReadOnlyList<double> Fitted { get; }

    /// <inheritdoc/>
    public IReadOnlyList<double> Residuals => _residuals ??= ComputeResiduals();

    /// <inheritdoc/>
    public abstract IReadOnlyDictionary<string, double> Parameters { get; }

    /// <inheritdoc/>
    public virtual InformationCriteria? Criteria => null;

    private double[]? _residuals;

    /// <summary>The observations the model was fitted on.</summary>
    protected abstract ReadOnlySpan<double> Observations { get; }

    /// <summary>Point forecasts (the mean of the forecast distribution) for h = 1..horizon into <paramref name="mean"/>.</summary>
    protected abstract void PointForecast(Span<double> mean);

    /// <summary>
    /// The forecast variance per step into <paramref name="variance"/>, and true, when the model has it in closed form;
    /// false to have intervals simulated.
    /// </summary>
    protected virtual bool TryForecastVariance(Span<double> variance) => false;

    /// <summary>
    /// Central intervals at <paramref name="levels"/> around <paramref name="mean"/> added to
    /// <paramref name="intervals"/>, and true, when the model knows its forecast distribution's quantiles directly;
    /// false (the default) to use the closed-form variance or simulation.
    /// </summary>
    protected virtual bool TryIntervals(ReadOnlySpan<double> mean, IReadOnlyList<double> levels, List<PredictionInterval> intervals) => false;

    /// <summary>
    /// The multiplier of the forecast standard deviation for a central interval at <paramref name="level"/> percent:
    /// the normal quantile z = Φ⁻¹(0.5 + level/200) unless a model's distribution says otherwise.
    /// </summary>
    protected virtual double CriticalValue(double level) => Normal.InvCDF(0, 1, 0.5 + (level / 200));

    /// <summary>One simulated future path of <paramref name="path"/>.Length steps.</summary>
    protected abstract void SimulatePath(Span<double> path, Random random);

    /// <inheritdoc/>
    public Forecast Forecast(int horizon, IReadOnlyList<double> levels)
    {
        ForecastLimits.Check(horizon, levels);
        var mean = new double[horizon];
        PointForecast(mean);
        var intervals = new List<PredictionInterval>(levels.Count);
        if (levels.Count > 0) AddIntervals(mean, levels, intervals); // none asked: no variance to compute
        // The fitted values and residuals are the model's own arrays, never written after it is built: shared, not copied.
        return new Forecast(Method, mean, intervals, Fitted as double[] ?? [.. Fitted], Residuals as double[] ?? [.. Residuals]);
    }

    /// <summary>The intervals at the levels: the model's own, else mean ± z·sd from its forecast variance, else quantiles of simulated paths.</summary>
    private void AddIntervals(double[] mean, IReadOnlyList<double> levels, List<PredictionInterval> intervals)
    {
        int horizon = mean.Length;
        var variance = new double[horizon];
        if (TryIntervals(mean, levels, intervals))
        {
            // The model gave its intervals directly (e.g. from a calibrated error distribution).
        }
        else if (TryForecastVariance(variance))
        {
            foreach (double level in levels)
            {
                double z = CriticalValue(level);
                var lower = new double[horizon];
                var upper = new double[horizon];
                for (int h = 0; h < horizon; h++)
                {
                    double sd = Math.Sqrt(Math.Max(0, variance[h]));
                    lower[h] = mean[h] - (z * sd);
                    upper[h] = mean[h] + (z * sd);
                }

                intervals.Add(new PredictionInterval(level, lower, upper));
            }
        }
        else
        {
            intervals.AddRange(SimulatedIntervals(horizon, levels));
        }
    }

    /// <inheritdoc/>
    public void SimulatePaths(int horizon, Span<double> paths, Random random)
    {
        ForecastLimits.Check(horizon, []);
        if (paths.Length % horizon != 0) throw new ArgumentException("the buffer must hold whole paths", nameof(paths));
        for (int p = 0; p < paths.Length; p += horizon) SimulatePath(paths.Slice(p, horizon), random);
    }

    /// <summary>Intervals from the empirical quantiles of simulated paths (type-7 quantiles per step).</summary>
    protected IEnumerable<PredictionInterval> SimulatedIntervals(int horizon, IReadOnlyList<double> levels)
    {
        var paths = new double[SimulatedPaths * horizon];
        SimulatePaths(horizon, paths, new Random(IntervalSeed));
        var column = new double[SimulatedPaths];
        var lower = levels.Select(_ => new double[horizon]).ToArray();
        var upper = levels.Select(_ => new double[horizon]).ToArray();
        for (int h = 0; h < horizon; h++)
        {
            for (int p = 0; p < SimulatedPaths; p++) column[p] = paths[(p * horizon) + h];
            Array.Sort(column);
            for (int i = 0; i < levels.Count; i++)
            {
                double a = (100 - levels[i]) / 200;
                lower[i][h] = Quantile(column, a);
                upper[i][h] = Quantile(column, 1 - a);
            }
        }

        var result = levels.Select((l, i) => new PredictionInterval(l, lower[i], upper[i])).ToArray();

        return result;
    }

    /// <summary>Type-7 quantile of sorted values: linear interpolation between order statistics.</summary>
    public static double Quantile(ReadOnlySpan<double> sorted, double p)
    {
        double pos = p * (sorted.Length - 1);
        int lo = (int)Math.Floor(pos);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((pos - lo) * (sorted[hi] - sorted[lo]));
    }

    private double[] ComputeResiduals()
    {
        ReadOnlySpan<double> y = Observations;
        IReadOnlyList<double> fitted = Fitted;
        var r = new double[y.Length];
        for (int i = 0; i < y.Length; i++) r[i] = y[i] - fitted[i];
        return r;
    }
}
