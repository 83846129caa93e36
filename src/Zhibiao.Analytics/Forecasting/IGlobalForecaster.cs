namespace Zhibiao.Analytics.Forecasting;

/// <summary>
/// A forecaster that learns across many series at once (a global model) before it can fit one. The batch runner
/// trains it on all the series of the batch, then uses the trained forecaster series by series.
/// </summary>
public interface IGlobalForecaster : IForecaster
{
    /// <summary>Trains on a set of series and returns a forecaster for horizons up to <paramref name="horizon"/>.</summary>
    /// <param name="series">The training series (each in time order; series it cannot use are skipped).</param>
    /// <param name="seasonLength">Periods per season of the series.</param>
    /// <param name="horizon">The longest horizon the trained forecaster will be asked for.</param>
    /// <param name="threads">Series it may work on at once while learning.</param>
    /// <exception cref="ForecastException">Too few usable series to learn from; the message says how many are needed.</exception>
    IForecaster Train(IReadOnlyList<double[]> series, int seasonLength, int horizon, int threads = 1);
}
