using MathNet.Numerics.Distributions;

namespace Zhibiao.Analytics.Forecasting.Baselines;

/// <summary>
/// The mean forecast: every future value is the sample mean ȳ (FPP3 §5.2). Intervals use Student's t with n − 1
/// degrees of freedom: ȳ ± t·s·√(1 + 1/n), s the sample standard deviation.
/// </summary>
internal sealed class MeanForecaster : IForecaster
{
    /// <inheritdoc/>
    public string Name => "mean";

    /// <inheritdoc/>
    public IFittedModel Fit(ReadOnlySpan<double> y, int seasonLength = 1) => Rescaling.Fit(y, seasonLength, FitUnscaled);

    private IFittedModel FitUnscaled(ReadOnlySpan<double> y, int seasonLength)
    {
        SeriesChecks.RequireComplete(y, 2, Name);
        return new MeanModel(y);
    }

    private sealed class MeanModel : FittedModel
    {
        private readonly double[] _y;
        private readonly double[] _fitted;
        private readonly double _mean;
        private readonly double _sd;

        public MeanModel(ReadOnlySpan<double> y)
        {
            _y = y.ToArray();
            double sum = 0;
            foreach (double v in y) sum += v;
            _mean = sum / y.Length;
            double ss = 0;
            foreach (double v in y) ss += (v - _mean) * (v - _mean);
            _sd = Math.Sqrt(ss / (y.Length - 1));
            _fitted = new double[y.Length];
            Array.Fill(_fitted, _mean);
            Parameters = new Dictionary<string, double> { ["mean"] = _mean, ["sd"] = _sd };
        }

        public override string Method => "Mean";

        public override IReadOnlyList<double> Fitted => _fitted;

        public override IReadOnlyDictionary<string, double> Parameters { get; }

        protected override ReadOnlySpan<double> Observations => _y;

        protected override void PointForecast(Span<double> mean) => mean.Fill(_mean);

        protected override bool TryForecastVariance(Span<double> variance)
        {
            variance.Fill(_sd * _sd * (1 + (1.0 / _y.Length)));
            return true;
        }

        protected override double CriticalValue(double level) => StudentT.InvCDF(0, 1, _y.Length - 1, 0.5 + (level / 200));

        protected override void SimulatePath(Span<double> path, Random random)
        {
            double scale = _sd * Math.Sqrt(1 + (1.0 / _y.Length));
            for (int h = 0; h < path.Length; h++) path[h] = _mean + (scale * StudentT.Sample(random, 0, 1, _y.Length - 1));
        }
    }
}
