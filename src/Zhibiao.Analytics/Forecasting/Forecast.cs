namespace Zhibiao.Analytics.Forecasting;

/// <summary>A central prediction interval at one coverage level, per forecast step.</summary>
/// <param name="Level">The coverage in percent (80, 95).</param>
/// <param name="Lower">Lower bound per step h = 1..H.</param>
/// <param name="Upper">Upper bound per step.</param>
public sealed record PredictionInterval(double Level, ReadOnlyMemory<double> Lower, ReadOnlyMemory<double> Upper);

/// <summary>
/// The one forecast result of every model: the method, the origin (the last period used for fitting, when known),
/// the mean per step, prediction intervals per level, and the in-sample fitted values and residuals.
/// </summary>
/// <param name="Method">The fitted method, e.g. "ETS(M,Ad,N)" or "Theta".</param>
/// <param name="Mean">Point forecasts for h = 1..H.</param>
/// <param name="Intervals">Prediction intervals, one per requested level, in the order requested.</param>
/// <param name="Fitted">One-step in-sample fitted values (NaN where a model has none, e.g. the first naive value).</param>
/// <param name="Residuals">In-sample residuals y − fitted, same length (NaN where undefined).</param>
public sealed record Forecast(string Method, ReadOnlyMemory<double> Mean, IReadOnlyList<PredictionInterval> Intervals, ReadOnlyMemory<double> Fitted, ReadOnlyMemory<double> Residuals)
{
    /// <summary>The last period of the data the model was fitted on; null for plain numeric series.</summary>
    public Period? Origin { get; init; }

    /// <summary>Number of steps forecast.</summary>
    public int Horizon => Mean.Length;

    /// <summary>The largest horizon a forecast is asked for (10,000 steps): a larger one is refused before anything is allocated.</summary>
    public const int MaxHorizon = 10_000;

    /// <summary>The period of step h (1-based), when the origin is known.</summary>
    public Period? PeriodOf(int h) => Origin is { } o ? o + h : null;

    /// <summary>
    /// The central interval level whose bounds are the p-quantile: 100·(1 − 2p) for p &lt; 0.5 (its lower bound),
    /// 100·(2p − 1) for p &gt; 0.5 (its upper bound), and a vanishing level for the median.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">p is not strictly between 0 and 1.</exception>
    public static double LevelForQuantile(double p)
    {
        if (!(p > 0 && p < 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "a quantile lies strictly between 0 and 1");
        return p == 0.5 ? MedianLevel : 100 * Math.Abs(1 - (2 * p));
    }

    /// <summary>The tiny level whose interval collapses onto the median.</summary>
    public const double MedianLevel = 1e-6;

    /// <summary>
    /// The p-quantile of the forecast distribution per step, from the interval at <see cref="LevelForQuantile"/>
    /// (request that level when forecasting).
    /// </summary>
    /// <exception cref="KeyNotFoundException">That level was not requested.</exception>
    public ReadOnlyMemory<double> Quantile(double p)
    {
        PredictionInterval pi = Interval(LevelForQuantile(p));
        if (p < 0.5) return pi.Lower;
        if (p > 0.5) return pi.Upper;
        var median = new double[Horizon];
        for (int h = 0; h < median.Length; h++) median[h] = (pi.Lower.Span[h] + pi.Upper.Span[h]) / 2;
        return median;
    }

    /// <summary>The interval at a level.</summary>
    /// <exception cref="KeyNotFoundException">That level was not requested.</exception>
    public PredictionInterval Interval(double level) =>
        Intervals.FirstOrDefault(i => i.Level == level) ?? throw new KeyNotFoundException($"no {level}% interval in this forecast (levels: {string.Join(", ", Intervals.Select(i => i.Level))})");
}

/// <summary>Likelihood-based statistics of a fit, for model selection.</summary>
/// <param name="LogLikelihood">The maximised log-likelihood.</param>
/// <param name="Parameters">Number of estimated parameters k (including initial states and the variance).</param>
/// <param name="Observations">Number of observations n used.</param>
/// <param name="Aic">−2 logL + 2k.</param>
/// <param name="Aicc">AIC + 2k(k + 1)/(n − k − 1); infinite when n − k − 1 ≤ 0.</param>
/// <param name="Bic">−2 logL + k ln n.</param>
public sealed record InformationCriteria(double LogLikelihood, int Parameters, int Observations, double Aic, double Aicc, double Bic)
{
    /// <summary>The criteria from a log-likelihood, k and n.</summary>
    public static InformationCriteria From(double logLikelihood, int parameters, int observations)
    {
        double aic = (-2 * logLikelihood) + (2.0 * parameters);
        double denominator = observations - parameters - 1;
        double aicc = denominator > 0 ? aic + (2.0 * parameters * (parameters + 1) / denominator) : double.PositiveInfinity;
        double bic = (-2 * logLikelihood) + (parameters * Math.Log(observations));
        return new InformationCriteria(logLikelihood, parameters, observations, aic, aicc, bic);
    }
}
