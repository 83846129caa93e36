using Zhibiao.Analytics.Forecasting.Seasonality;

namespace Zhibiao.Analytics.Forecasting.Theta;

/// <summary>Options of the optimised Theta models.</summary>
internal sealed record OptimizedThetaOptions
{
    /// <summary>The optimised Theta model (OTM) with the defaults.</summary>
    public static readonly OptimizedThetaOptions Default = new();

    /// <summary>Whether the regression coefficients are updated as values arrive (DOTM) instead of fixed at the full-sample line (OTM).</summary>
    public bool Dynamic { get; init; }

    /// <summary>A fixed θ ≥ 1 (2 gives the standard Theta models STM and DSTM); null estimates it in [1, 10¹⁰].</summary>
    public double? Theta { get; init; }

    /// <summary>A fixed smoothing parameter α in (0, 1]; null estimates it in [<see cref="AlphaLower"/>, <see cref="AlphaUpper"/>].</summary>
    public double? Alpha { get; init; }

    /// <summary>A fixed initial level ℓ₀ (on the seasonally adjusted scale); null estimates it.</summary>
    public double? InitialLevel { get; init; }

    /// <summary>Lower bound of the estimated α; 0.1 as in the authors' forecTheta package.</summary>
    public double AlphaLower { get; init; } = 0.1;

    /// <summary>Upper bound of the estimated α; 0.99 as in forecTheta.</summary>
    public double AlphaUpper { get; init; } = 0.99;

    /// <summary>Whether to test for seasonality and adjust multiplicatively when the test passes (true by default).</summary>
    public bool Deseasonalise { get; init; } = true;

    /// <summary>Whether the interval half-widths of a seasonally adjusted fit are multiplied by the seasonal index (false by default, as for <see cref="ThetaForecaster"/>).</summary>
    public bool ScaleIntervalsBySeason { get; init; }
}

/// <summary>
/// The optimised Theta models of Fiorucci, Pellegrini, Louzada, Petropoulos and Koehler ("Models for optimising the
/// theta method and their relationship to state space models", IJF 32, 2016): y_t = μ_t + ε_t,
/// μ_t = ℓ_{t−1} + (1 − 1/θ)[(1 − α)^{t−1}A + ((1 − (1 − α)^t)/α)B], ℓ_t = αy_t + (1 − α)ℓ_{t−1}, with A, B the
/// regression line on time over the whole sample (OTM) or over y_1..y_{t−1}, updated recursively (DOTM). ℓ₀, α and θ
/// minimise the sum of squared one-step errors. Forecasts, with A_n and B_n held at their last values:
/// ŷ_{n+h} = ℓ_n + (1 − 1/θ){(1 − α)^n A_n + [(h − 1) + (1 − (1 − α)^{n+1})/α]B_n}; intervals
/// ŷ ± z·σ·√(1 + α²(h − 1)), σ² = SSE/(n − p) with p the number of estimated parameters. Seasonality is handled as for
/// <see cref="ThetaForecaster"/>. For DOTM the first prediction uses A₀ = y₁, B₀ = 0. Needs at least
/// <see cref="MinimumLength"/> values; no missing values.
/// </summary>
internal sealed class OptimizedThetaForecaster : IForecaster
{
    /// <summary>The fewest values a series may have.</summary>
    public const int MinimumLength = 4;

    /// <summary>The largest θ estimated (the authors' bound).</summary>
    public const double MaxTheta = 1e10;

    private readonly OptimizedThetaOptions _options;

    /// <summary>An optimised Theta forecaster (OTM by default; DOTM with <see cref="OptimizedThetaOptions.Dynamic"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A fixed θ below 1, α bounds or a fixed α outside (0, 1], or a fixed ℓ₀ that is not finite.</exception>
    public OptimizedThetaForecaster(OptimizedThetaOptions? options = null)
    {
        _options = options ?? OptimizedThetaOptions.Default;
        if (_options.Theta is { } theta && !(theta >= 1 && theta <= MaxTheta)) throw new ArgumentOutOfRangeException(nameof(options), theta, $"theta must be between 1 and {MaxTheta}");
        if (!(_options.AlphaLower > 0 && _options.AlphaLower <= _options.AlphaUpper && _options.AlphaUpper <= 1))
            throw new ArgumentOutOfRangeException(nameof(options), $"alpha bounds [{_options.AlphaLower}, {_options.AlphaUpper}] must lie in (0, 1]");
        if (_options.Alpha is { } a && !(a > 0 && a <= 1)) throw new ArgumentOutOfRangeException(nameof(options), a, "alpha must be in (0, 1]");
        if (_options.InitialLevel is { } l && !double.IsFinite(l)) throw new ArgumentOutOfRangeException(nameof(options), l, "the initial level must be finite");
    }

    /// <inheritdoc/>
    public string Name => _options.Dynamic ? "dotm" : "otm";

    /// <inheritdoc/>
    public IFittedModel Fit(ReadOnlySpan<double> y, int seasonLength = 1) => Rescaling.Fit(y, seasonLength, FitUnscaled);

    private IFittedModel FitUnscaled(ReadOnlySpan<double> y, int seasonLength)
    {
        SeriesChecks.RequireSeasonLength(seasonLength);
        SeriesChecks.RequireComplete(y, MinimumLength, Name);
        int n = y.Length;
        double[] observations = y.ToArray();
        (double[] x, SeasonalAdjustment? seasonal) = _options.Deseasonalise ? SeasonalAdjustment.AdjustIfSeasonal(observations, seasonLength) : (observations, null);

        ThetaTrend trend = _options.Dynamic ? ThetaTrend.Dynamic : ThetaTrend.Fixed;
        double? weight = _options.Theta is { } fixedTheta ? 1 - (1 / fixedTheta) : null;
        ThetaEstimate estimate = ThetaEstimation.Estimate(x, trend, _options.AlphaLower, _options.AlphaUpper, _options.Alpha, _options.InitialLevel, weight, 0, 1 - (1 / MaxTheta));
        double alpha = estimate.Alpha, k = estimate.Weight;
        var fitted = new double[n];
        double sse = ThetaEstimation.Filter(x, trend, alpha, estimate.InitialLevel, k, fitted, levelOnly: false, out double level, out double a, out double b);
        double q = 1 - alpha;
        double c0 = level + (k * ((Math.Pow(q, n) * a) + ((1 - Math.Pow(q, n + 1)) / alpha * b)));
        seasonal?.Reseasonalise(fitted);
        int estimated = (_options.Alpha is null ? 1 : 0) + (_options.InitialLevel is null ? 1 : 0) + (_options.Theta is null ? 1 : 0);
        double theta = 1 / (1 - k);
        string method = (_options.Dynamic ? "D" : "") + (_options.Theta == 2 ? "STM" : "OTM");
        return new SesDriftModel(method, observations, fitted, c0, k * b, alpha, sse / (n - Math.Max(1, estimated)), seasonal, _options.ScaleIntervalsBySeason,
            [("alpha", alpha), ("l0", estimate.InitialLevel), ("theta", theta), ("A", a), ("B", b)]);
    }
}
