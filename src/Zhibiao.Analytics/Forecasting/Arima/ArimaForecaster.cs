namespace Zhibiao.Analytics.Forecasting.Arima;

/// <summary>Settings of an ARIMA model of given orders.</summary>
public sealed record ArimaOptions
{
    /// <summary>The orders (p,d,q)(P,D,Q)m; the seasonal part uses the order's season length.</summary>
    public required ArimaOrder Order { get; init; }

    /// <summary>Estimate a mean (d + D = 0) or drift (d + D = 1); ignored when d + D ≥ 2, as R's Arima does.</summary>
    public bool IncludeConstant { get; init; } = true;

    /// <summary>Estimation: CSS then exact ML by default.</summary>
    internal ArimaMethod Method { get; init; } = ArimaMethod.CssMl;
}

/// <summary>
/// ARIMA of given orders fitted by exact maximum likelihood (Kalman filter on the state-space form after a
/// conditional-sum-of-squares start), with stationarity and invertibility enforced by the Jones (1980)
/// reparametrisation. See <see cref="AutoArimaForecaster"/> for automatic order selection.
/// </summary>
/// <param name="options">The orders and settings.</param>
internal sealed class ArimaForecaster(ArimaOptions options) : IForecaster
{
    /// <summary>The settings.</summary>
    public ArimaOptions Options { get; } = options;

    /// <inheritdoc/>
    public string Name => Options.Order.ToString();

    /// <inheritdoc/>
    /// <remarks>The <paramref name="seasonLength"/> argument is ignored: the order carries its own season length.</remarks>
    public IFittedModel Fit(ReadOnlySpan<double> y, int seasonLength = 1) => Rescaling.Fit(y, seasonLength, FitUnscaled);

    private IFittedModel FitUnscaled(ReadOnlySpan<double> y, int seasonLength)
    {
        ArimaOrder order = Options.Order;
        order.Validate();
        bool constant = Options.IncludeConstant && order.D + order.SeasonalD <= 1;
        int parameters = order.Coefficients + (constant ? 1 : 0) + 1;
        SeriesChecks.RequireComplete(y, order.Differencing + parameters + 1, Name);
        var estimator = new ArimaEstimator(y, order.D, order.SeasonalD, order.SeasonLength);
        ArimaFit fit = estimator.Fit(order, constant, Options.Method)
            ?? throw new ForecastException($"{Name}: no finite likelihood was found for this series ({y.Length} values)");
        return new ArimaModel(y, fit, order.SeasonLength);
    }
}
