using MathNet.Numerics.Distributions;

namespace Zhibiao.Analytics.Forecasting.Baselines;

/// <summary>
/// The naive forecast: every future value equals the last observation, ŷ_{n+h} = y_n
/// (Hyndman and Athanasopoulos, Forecasting: Principles and Practice, 3rd ed., §5.2).
/// Intervals: σ√h with σ² the mean squared one-step difference.
/// </summary>
internal sealed class NaiveForecaster : IForecaster
{
    /// <inheritdoc/>
    public string Name => "naive";

    /// <inheritdoc/>
    public IFittedModel Fit(ReadOnlySpan<double> y, int seasonLength = 1) => Rescaling.Fit(y, seasonLength, FitUnscaled);

    private IFittedModel FitUnscaled(ReadOnlySpan<double> y, int seasonLength)
    {
        SeriesChecks.RequireComplete(y, 2, Name);
        return new RandomWalkModel("Naive", y, lag: 1, drift: false);
    }
}

/// <summary>
/// The seasonal naive forecast: the value of the same season a year before, ŷ_{n+h} = y_{n+h−m(k+1)},
/// k = ⌊(h−1)/m⌋ (FPP3 §5.2). Intervals: σ√(k + 1) with σ² the mean squared seasonal difference.
/// </summary>
internal sealed class SeasonalNaiveForecaster : IForecaster
{
    /// <inheritdoc/>
    public string Name => "snaive";

    /// <inheritdoc/>
    public IFittedModel Fit(ReadOnlySpan<double> y, int seasonLength = 1) => Rescaling.Fit(y, seasonLength, FitUnscaled);

    private IFittedModel FitUnscaled(ReadOnlySpan<double> y, int seasonLength)
    {
        SeriesChecks.RequireSeasonLength(seasonLength);
        SeriesChecks.RequireComplete(y, seasonLength + 1, Name);
        return new RandomWalkModel("Seasonal naive", y, lag: seasonLength, drift: false);
    }
}

/// <summary>
/// The random walk with drift: ŷ_{n+h} = y_n + h·b with b = (y_n − y_1)/(n − 1), the average change (FPP3 §5.2).
/// Intervals: σ√(h(1 + h/(n − 1))), σ² = Σ(Δy_t − b)²/(n − 2), which includes the uncertainty of b; sample paths draw b
/// from its sampling distribution once per path, so they carry it too.
/// </summary>
internal sealed class DriftForecaster : IForecaster
{
    /// <inheritdoc/>
    public string Name => "drift";

    /// <inheritdoc/>
    public IFittedModel Fit(ReadOnlySpan<double> y, int seasonLength = 1) => Rescaling.Fit(y, seasonLength, FitUnscaled);

    private IFittedModel FitUnscaled(ReadOnlySpan<double> y, int seasonLength)
    {
        SeriesChecks.RequireComplete(y, 3, Name);
        return new RandomWalkModel("Random walk with drift", y, lag: 1, drift: true);
    }
}

/// <summary>A (seasonal) random walk, with drift for lag 1 when asked: y_t = y_{t−m} + b + e_t.</summary>
internal sealed class RandomWalkModel : FittedModel
{
    private readonly double[] _y;
    private readonly double[] _fitted;
    private readonly int _lag;
    private readonly double _drift;
    private readonly double _sigma2;
    private readonly bool _hasDrift;

    public RandomWalkModel(string method, ReadOnlySpan<double> y, int lag, bool drift)
    {
        Method = method;
        _y = y.ToArray();
        _lag = lag;
        _hasDrift = drift;
        int n = _y.Length;
        int count = n - lag;
        _drift = drift ? (_y[n - 1] - _y[lag - 1]) / count : 0;
        _fitted = new double[n];
        double sse = 0;
        for (int t = 0; t < n; t++)
        {
            if (t < lag)
            {
                _fitted[t] = double.NaN;
                continue;
            }

            _fitted[t] = _y[t - lag] + _drift;
            double e = _y[t] - _fitted[t];
            sse += e * e;
        }

        _sigma2 = sse / (drift ? count - 1 : count);
        Parameters = drift
            ? new Dictionary<string, double> { ["drift"] = _drift, ["sigma2"] = _sigma2 }
            : new Dictionary<string, double> { ["sigma2"] = _sigma2 };
    }

    public override string Method { get; }

    public override IReadOnlyList<double> Fitted => _fitted;

    public override IReadOnlyDictionary<string, double> Parameters { get; }

    protected override ReadOnlySpan<double> Observations => _y;

    protected override void PointForecast(Span<double> mean)
    {
        int n = _y.Length;
        for (int h = 1; h <= mean.Length; h++)
            mean[h - 1] = _y[n - _lag + ((h - 1) % _lag)] + (h * _drift);
    }

    protected override bool TryForecastVariance(Span<double> variance)
    {
        int steps = _y.Length - _lag;
        for (int h = 1; h <= variance.Length; h++)
            variance[h - 1] = _hasDrift ? _sigma2 * h * (1 + ((double)h / steps)) : _sigma2 * (((h - 1) / _lag) + 1);
        return true;
    }

    /// <summary>
    /// One path: y_{n+h} = y_{n+h−m} + b* + σ·ε_h. With drift, b* is drawn once per path from N(b, σ²/(n − 1)), the
    /// sampling distribution of the average change, so the paths spread as the intervals do: σ²·h·(1 + h/(n − 1)).
    /// </summary>
    protected override void SimulatePath(Span<double> path, Random random)
    {
        int n = _y.Length;
        double sigma = Math.Sqrt(_sigma2);
        double drift = _hasDrift ? _drift + (sigma / Math.Sqrt(n - _lag) * Normal.Sample(random, 0, 1)) : 0;
        for (int h = 0; h < path.Length; h++)
        {
            double previous = h - _lag >= 0 ? path[h - _lag] : _y[n - _lag + h];
            path[h] = previous + drift + (sigma * Normal.Sample(random, 0, 1));
        }
    }
}
