namespace Zhibiao.Analytics.Forecasting;

/// <summary>
/// The point-error arithmetic forecasting itself needs (the ensemble scores its members by validation), below
/// Evaluation, whose <see cref="Evaluation.Metrics"/> checks its arguments and calls these. Spans of equal, non-zero length.
/// </summary>
internal static class PointErrors
{
    /// <summary>(1/H) Σ |y_h − f_h|.</summary>
    public static double Mae(ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast)
    {
        double sum = 0;
        for (int h = 0; h < actual.Length; h++) sum += Math.Abs(actual[h] - forecast[h]);
        return sum / actual.Length;
    }

    /// <summary>(1/H) Σ 200 |y_h − f_h| / (|y_h| + |f_h|), a step where both are 0 counting 0.</summary>
    public static double Smape(ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast)
    {
        double sum = 0;
        for (int h = 0; h < actual.Length; h++)
        {
            double denominator = Math.Abs(actual[h]) + Math.Abs(forecast[h]);
            if (denominator > 0) sum += 200 * Math.Abs(actual[h] - forecast[h]) / denominator;
        }

        return sum / actual.Length;
    }

    /// <summary>(100/H') Σ |y_h − f_h| / |y_h| over the H' steps with y_h ≠ 0; NaN when every actual value is 0.</summary>
    public static double Mape(ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast)
    {
        double sum = 0;
        int count = 0;
        for (int h = 0; h < actual.Length; h++)
        {
            if (actual[h] == 0) continue;
            sum += Math.Abs(actual[h] - forecast[h]) / Math.Abs(actual[h]);
            count++;
        }

        return count == 0 ? double.NaN : 100 * sum / count;
    }

    /// <summary>(1/(n − m)) Σ_{t=m+1}^{n} |x_t − x_{t−m}|; NaN when n ≤ m (m at least 1).</summary>
    public static double SeasonalNaiveScale(ReadOnlySpan<double> insample, int seasonLength)
    {
        int n = insample.Length;
        if (n <= seasonLength) return double.NaN;
        double sum = 0;
        for (int t = seasonLength; t < n; t++) sum += Math.Abs(insample[t] - insample[t - seasonLength]);
        return sum / (n - seasonLength);
    }
}
