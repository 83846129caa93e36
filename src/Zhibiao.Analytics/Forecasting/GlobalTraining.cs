namespace Zhibiao.Analytics.Forecasting;

/// <summary>What batch runners do before fitting series one by one: train a global forecaster on the whole batch.</summary>
internal static class GlobalTraining
{
    /// <summary>
    /// The forecaster to fit the series with: a global forecaster (<see cref="IGlobalForecaster"/>) trained on all of
    /// them, any other forecaster as it is. The season length defaults to the first series' frequency.
    /// </summary>
    /// <exception cref="ForecastException">The global forecaster cannot learn from these series; the message says why.</exception>
    public static IForecaster Prepare(IForecaster forecaster, IReadOnlyList<LongSeries> series, int? seasonLength, int horizon, int threads)
    {
        if (forecaster is not IGlobalForecaster global) return forecaster;
        int m = seasonLength ?? (series.Count > 0 ? series[0].Frequency.PeriodsPerYear() : 1);
        return global.Train([.. series.Select(s => s.Values.ToArray())], m, horizon, threads);
    }
}
