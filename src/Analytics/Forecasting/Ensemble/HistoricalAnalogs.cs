namespace Analytics.Forecasting.Ensemble;

/// <summary>
/// A series' own past growth paths moved onto its last value: a_h = y_n · y_{t+h} / y_t for every past origin t in the
/// season of the last value (t ≡ n − 1 mod m) that has the whole horizon after it — the historical-analogue (growth
/// path bootstrap) forecast. It answers "how did this series move over h steps before", which the errors pooled
/// across series cannot say: mixing it into the calibrated distribution lowered the held-out Brier score of target
/// probabilities on the training part of M3 yearly and quarterly (see <see cref="AutoForecaster"/>).
/// Defined for series of positive values only (growth ratios); otherwise there are no analogues.
/// </summary>
public static class HistoricalAnalogs
{
    /// <summary>The analogue paths, each <paramref name="horizon"/> long (newest origin first); empty when there are none.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Horizon below 1 or season length below 1.</exception>
    public static double[][] Paths(ReadOnlySpan<double> y, int seasonLength, int horizon)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(seasonLength, 1);
        int n = y.Length;
        foreach (double v in y)
            if (!(v > 0) || !double.IsFinite(v)) return [];

        // The newest origin with the whole horizon after it, moved back to the last value's season.
        int first = n - 1 - horizon;
        first -= (((first - (n - 1)) % seasonLength) + seasonLength) % seasonLength;
        var paths = new List<double[]>();
        for (int t = first; t >= 0; t -= seasonLength)
        {
            var path = new double[horizon];
            for (int h = 1; h <= horizon; h++) path[h - 1] = y[n - 1] * y[t + h] / y[t];
            paths.Add(path);
        }

        return [.. paths];
    }
}
