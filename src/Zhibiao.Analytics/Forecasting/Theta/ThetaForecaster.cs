using Zhibiao.Analytics.Forecasting.Seasonality;

namespace Zhibiao.Analytics.Forecasting.Theta;

/// <summary>Options of the standard Theta method.</summary>
internal sealed record ThetaOptions
{
    /// <summary>The defaults: α and ℓ₀ estimated, seasonal adjustment when the test passes, intervals as R's thetaf.</summary>
    public static readonly ThetaOptions Default = new();

    /// <summary>A fixed smoothing parameter α in (0, 1]; null estimates it in [10⁻⁴, 0.9999].</summary>
    public double? Alpha { get; init; }

    /// <summary>A fixed initial level ℓ₀ (on the seasonally adjusted scale); null estimates it.</summary>
    public double? InitialLevel { get; init; }

    /// <summary>Whether to test for seasonality and adjust multiplicatively when the test passes (true by default).</summary>
    public bool Deseasonalise { get; init; } = true;

    /// <summary>
    /// Whether the interval half-widths of a seasonally adjusted fit are multiplied by the seasonal index. False by
    /// default, as R's thetaf: the spread of the adjusted model is added around the reseasonalised mean.
    /// </summary>
    public bool ScaleIntervalsBySeason { get; init; }
}

/// <summary>
/// The standard Theta method (Assimakopoulos and Nikolopoulos, IJF 2000) in the form Hyndman and Billah (IJF 2003)
/// showed it to be, and as R's forecast::thetaf computes it: simple exponential smoothing with drift equal to half the
/// slope B of the linear regression on time, ŷ_{n+h} = ℓ_n + (B/2)·[(h − 1) + (1 − (1 − α)^n)/α], where α and ℓ₀
/// minimise the sum of squared one-step SES errors. Seasonal series (the 90% autocorrelation test,
/// <see cref="SeasonalityTest"/>) are divided by the classical multiplicative seasonal indices first and the forecasts
/// multiplied back. Intervals: ŷ ± z·σ·√(1 + α²(h − 1)) as thetaf's, σ² = SSE/(n − 3) of the SES fit (see
/// <see cref="EstimatedParameters"/>).
/// Needs at least <see cref="MinimumLength"/> values; no missing values.
/// </summary>
internal sealed class ThetaForecaster : IForecaster
{
    /// <summary>The fewest values a series may have.</summary>
    public const int MinimumLength = 4;

    /// <summary>
    /// The parameters estimated, α, ℓ₀ and the drift b, whose number is taken from n in σ² = SSE/(n − 3). R's thetaf
    /// divides by n − 2, counting only the two SES parameters, which makes its intervals slightly narrower.
    /// </summary>
    public const int EstimatedParameters = 3;

    /// <summary>Lower bound of the estimated α (as R's ets).</summary>
    public const double AlphaLower = 1e-4;

    /// <summary>Upper bound of the estimated α (as R's ets).</summary>
    public const double AlphaUpper = 0.9999;

    private readonly ThetaOptions _options;

    /// <summary>A Theta forecaster with the given options (the defaults when null).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A fixed α outside (0, 1] or a fixed ℓ₀ that is not finite.</exception>
    public ThetaForecaster(ThetaOptions? options = null)
    {
        _options = options ?? ThetaOptions.Default;
        if (_options.Alpha is { } a && !(a > 0 && a <= 1)) throw new ArgumentOutOfRangeException(nameof(options), a, "alpha must be in (0, 1]");
        if (_options.InitialLevel is { } l && !double.IsFinite(l)) throw new ArgumentOutOfRangeException(nameof(options), l, "the initial level must be finite");
    }

    /// <inheritdoc/>
    public string Name => "theta";

    /// <inheritdoc/>
    public IFittedModel Fit(ReadOnlySpan<double> y, int seasonLength = 1) => Rescaling.Fit(y, seasonLength, FitUnscaled);

    private IFittedModel FitUnscaled(ReadOnlySpan<double> y, int seasonLength)
    {
        SeriesChecks.RequireSeasonLength(seasonLength);
        SeriesChecks.RequireComplete(y, MinimumLength, Name);
        int n = y.Length;
        double[] observations = y.ToArray();
        (double[] x, SeasonalAdjustment? seasonal) = _options.Deseasonalise ? SeasonalAdjustment.AdjustIfSeasonal(observations, seasonLength) : (observations, null);

        ThetaEstimate estimate = ThetaEstimation.Estimate(x, ThetaTrend.None, AlphaLower, AlphaUpper, _options.Alpha, _options.InitialLevel, 0, 0, 0);
        double alpha = estimate.Alpha;
        var fitted = new double[n];
        double sse = ThetaEstimation.Filter(x, ThetaTrend.None, alpha, estimate.InitialLevel, 0, fitted, levelOnly: true, out double level, out _, out _);
        ThetaEstimation.LinearTrend(x, out _, out double slope);
        double drift = slope / 2;
        double c0 = level + (drift * (1 - Math.Pow(1 - alpha, n)) / alpha);
        seasonal?.Reseasonalise(fitted);
        return new SesDriftModel("Theta", observations, fitted, c0, drift, alpha, sse / (n - EstimatedParameters), seasonal, _options.ScaleIntervalsBySeason,
            [("alpha", alpha), ("l0", estimate.InitialLevel), ("drift", drift)]);
    }
}
