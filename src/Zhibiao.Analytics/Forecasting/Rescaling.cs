namespace Zhibiao.Analytics.Forecasting;

/// <summary>A fit of a series by a model (the model's own fit, before any rescaling).</summary>
internal delegate IFittedModel SpanFit(ReadOnlySpan<double> y, int seasonLength);

/// <summary>
/// What every model does before fitting values of extreme magnitude: the arithmetic of a fit squares and sums its
/// values, so beyond about 1e±150 sums of squares overflow or vanish (an ARIMA variance of 0, an SSA trajectory
/// matrix of ∞, the naive forecast's interval of width 0). A series whose largest magnitude is outside
/// [<see cref="Smallest"/>, <see cref="Largest"/>] is divided by a power of two near it — exactly, as only the
/// exponent changes — fitted, and the fit's forecasts, intervals, paths, fitted values and residuals are multiplied
/// back. Models are equivariant to scale, so this changes nothing but the range their arithmetic sees; series inside
/// the range (all ordinary data) are fitted as they are, with the same results as without this step. A rescaled fit's
/// <see cref="IFittedModel.Parameters"/> and <see cref="IFittedModel.Criteria"/> are those of the rescaled series, and
/// its parameter <c>scale</c> gives the divisor.
/// </summary>
internal static class Rescaling
{
    /// <summary>Largest magnitudes below this are rescaled (1e-50: squares and sums of squares stay far from underflow).</summary>
    public const double Smallest = 1e-50;

    /// <summary>Largest magnitudes above this are rescaled (1e50: squares of sums stay far from overflow).</summary>
    public const double Largest = 1e50;

    /// <summary>Fits <paramref name="y"/> with <paramref name="fit"/>, rescaled when its magnitude is extreme.</summary>
    /// <exception cref="ForecastException">The model cannot fit the series.</exception>
    public static IFittedModel Fit(ReadOnlySpan<double> y, int seasonLength, SpanFit fit)
    {
        double largest = 0;
        foreach (double v in y)
            if (double.IsFinite(v)) largest = Math.Max(largest, Math.Abs(v));
        if (largest == 0 || (largest >= Smallest && largest <= Largest)) return fit(y, seasonLength);
        double scale = Math.ScaleB(1.0, Math.ILogB(largest));
        var scaled = new double[y.Length];
        for (int t = 0; t < y.Length; t++) scaled[t] = y[t] / scale;
        return new RescaledModel(fit(scaled, seasonLength), scale);
    }

    /// <summary>A fit of y / scale, answering for y.</summary>
    private sealed class RescaledModel(IFittedModel inner, double scale) : IFittedModel
    {
        private double[]? _fitted, _residuals;
        private Dictionary<string, double>? _parameters;

        public string Method => inner.Method;

        public IReadOnlyList<double> Fitted => _fitted ??= Scaled(inner.Fitted);

        public IReadOnlyList<double> Residuals => _residuals ??= Scaled(inner.Residuals);

        public IReadOnlyDictionary<string, double> Parameters => _parameters ??= new Dictionary<string, double>(inner.Parameters) { ["scale"] = scale };

        public InformationCriteria? Criteria => inner.Criteria;

        public Forecast Forecast(int horizon, IReadOnlyList<double> levels)
        {
            Forecast f = inner.Forecast(horizon, levels);
            return f with
            {
                Mean = Scaled(f.Mean.Span),
                Intervals = [.. f.Intervals.Select(i => new PredictionInterval(i.Level, Scaled(i.Lower.Span), Scaled(i.Upper.Span)))],
                Fitted = Scaled(f.Fitted.Span),
                Residuals = Scaled(f.Residuals.Span),
            };
        }

        public void SimulatePaths(int horizon, Span<double> paths, Random random)
        {
            inner.SimulatePaths(horizon, paths, random);
            for (int i = 0; i < paths.Length; i++) paths[i] *= scale;
        }

        private double[] Scaled(IReadOnlyList<double> values)
        {
            var result = new double[values.Count];
            for (int i = 0; i < result.Length; i++) result[i] = values[i] * scale;
            return result;
        }

        private double[] Scaled(ReadOnlySpan<double> values)
        {
            var result = new double[values.Length];
            for (int i = 0; i < result.Length; i++) result[i] = values[i] * scale;
            return result;
        }
    }
}
