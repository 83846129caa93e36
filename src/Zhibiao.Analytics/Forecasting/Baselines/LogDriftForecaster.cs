using MathNet.Numerics.Distributions;

namespace Zhibiao.Analytics.Forecasting.Baselines;

/// <summary>Options of <see cref="LogDriftForecaster"/>.</summary>
internal sealed record LogDriftOptions
{
    /// <summary>The smallest standard deviation of yearly log growth assumed (default 0.15, the upper quartile of the year-on-year log-growth standard deviation over the M3 yearly training series): with two or three points the spread cannot be estimated, so the forecast is honestly wide rather than falsely sure.</summary>
    public double PriorSigma { get; init; } = 0.15;
}

/// <summary>
/// A random walk with drift on the log scale, for positive series too short for other models (two points are
/// enough): log y_{n+h} = log y_n + h·d + e, d the mean log growth of the k observed steps, e ~ N(0, σ²·h·(1 + h/k)),
/// σ = max(sample sd of the log growth, prior σ). Sample paths draw d from its sampling distribution N(d, σ²/k)
/// once per path, so they carry the uncertainty of the drift.
/// </summary>
internal sealed class LogDriftForecaster(LogDriftOptions? options = null) : IForecaster
{
    private readonly LogDriftOptions _options = options ?? new LogDriftOptions();

    /// <inheritdoc/>
    public string Name => "logdrift";

    /// <inheritdoc/>
    public IFittedModel Fit(ReadOnlySpan<double> y, int seasonLength = 1) => Rescaling.Fit(y, seasonLength, FitUnscaled);

    private IFittedModel FitUnscaled(ReadOnlySpan<double> y, int seasonLength)
    {
        SeriesChecks.RequireComplete(y, 2, Name);
        foreach (double v in y)
            if (v <= 0) throw new ForecastException($"{Name} needs positive values, the series has {v}");
        return new LogDriftModel(y, _options.PriorSigma);
    }

    private sealed class LogDriftModel : FittedModel
    {
        private readonly double[] _y;
        private readonly double[] _fitted;
        private readonly double _drift;
        private readonly double _sigma;
        private readonly int _steps;

        public LogDriftModel(ReadOnlySpan<double> y, double priorSigma)
        {
            _y = y.ToArray();
            _steps = y.Length - 1;
            _drift = Math.Log(y[^1] / y[0]) / _steps;
            double ss = 0;
            for (int t = 1; t < y.Length; t++)
            {
                double e = Math.Log(y[t] / y[t - 1]) - _drift;
                ss += e * e;
            }

            double sd = _steps >= 2 ? Math.Sqrt(ss / (_steps - 1)) : 0;
            _sigma = Math.Max(sd, priorSigma);
            _fitted = new double[y.Length];
            _fitted[0] = double.NaN;
            for (int t = 1; t < y.Length; t++) _fitted[t] = y[t - 1] * Math.Exp(_drift);
            Parameters = new Dictionary<string, double> { ["drift"] = _drift, ["sigma"] = _sigma, ["sample_sigma"] = sd };
        }

        public override string Method => "Log random walk with drift";

        public override IReadOnlyList<double> Fitted => _fitted;

        public override IReadOnlyDictionary<string, double> Parameters { get; }

        protected override ReadOnlySpan<double> Observations => _y;

        /// <summary>The median path y_n·exp(h·d) (the distribution is log-normal).</summary>
        protected override void PointForecast(Span<double> mean)
        {
            for (int h = 1; h <= mean.Length; h++) mean[h - 1] = _y[^1] * Math.Exp(h * _drift);
        }

        /// <summary>Exact log-normal quantiles: ln y_{n+h} ~ N(ln y_n + h·d, σ²·h·(1 + h/k)).</summary>
        protected override bool TryIntervals(ReadOnlySpan<double> mean, IReadOnlyList<double> levels, List<PredictionInterval> intervals)
        {
            foreach (double level in levels)
            {
                double z = CriticalValue(level);
                var lower = new double[mean.Length];
                var upper = new double[mean.Length];
                for (int h = 1; h <= mean.Length; h++)
                {
                    double sd = _sigma * Math.Sqrt(h * (1 + ((double)h / _steps)));
                    lower[h - 1] = mean[h - 1] * Math.Exp(-z * sd);
                    upper[h - 1] = mean[h - 1] * Math.Exp(z * sd);
                }

                intervals.Add(new PredictionInterval(level, lower, upper));
            }

            return true;
        }

        protected override void SimulatePath(Span<double> path, Random random)
        {
            double drift = _drift + (_sigma / Math.Sqrt(_steps) * Normal.Sample(random, 0, 1));
            double level = Math.Log(_y[^1]);
            for (int h = 0; h < path.Length; h++)
            {
                level += drift + (_sigma * Normal.Sample(random, 0, 1));
                path[h] = Math.Exp(level);
            }
        }
    }
}
