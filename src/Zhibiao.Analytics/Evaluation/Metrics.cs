using Zhibiao.Analytics.Forecasting;

namespace Zhibiao.Analytics.Evaluation;

/// <summary>
/// Point and interval accuracy measures as pure functions over spans of equal length: actual values y_1..y_H,
/// forecasts f_1..f_H, interval bounds L, U, and the in-sample (training) values x_1..x_n for the scaled measures.
/// Definitions follow Hyndman and Koehler ("Another look at measures of forecast accuracy", IJF 22, 2006), the M4
/// Competitor's Guide (2018) and Gneiting and Raftery ("Strictly proper scoring rules", JASA 102, 2007).
/// </summary>
public static class Metrics
{
    /// <summary>Mean absolute error: (1/H) Σ |y_h − f_h|, in the units of the series.</summary>
    /// <exception cref="ArgumentException">The spans differ in length or are empty.</exception>
    public static double Mae(ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast)
    {
        Check(actual, forecast);
        return PointErrors.Mae(actual, forecast);
    }

    /// <summary>Root mean squared error: √((1/H) Σ (y_h − f_h)²), in the units of the series.</summary>
    /// <exception cref="ArgumentException">The spans differ in length or are empty.</exception>
    public static double Rmse(ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast)
    {
        Check(actual, forecast);
        double sum = 0;
        for (int h = 0; h < actual.Length; h++) sum += (actual[h] - forecast[h]) * (actual[h] - forecast[h]);
        return Math.Sqrt(sum / actual.Length);
    }

    /// <summary>
    /// Mean absolute percentage error in percent: (100/H') Σ |y_h − f_h| / |y_h| over the H' steps with y_h ≠ 0;
    /// NaN when every actual value is 0.
    /// </summary>
    /// <exception cref="ArgumentException">The spans differ in length or are empty.</exception>
    public static double Mape(ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast)
    {
        Check(actual, forecast);
        return PointErrors.Mape(actual, forecast);
    }

    /// <summary>
    /// Symmetric MAPE in percent, as in the M3 and M4 competitions: (1/H) Σ 200 |y_h − f_h| / (|y_h| + |f_h|), a step
    /// where both are 0 counting 0. It lies in [0, 200] and is symmetric in y and f.
    /// </summary>
    /// <exception cref="ArgumentException">The spans differ in length or are empty.</exception>
    public static double Smape(ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast)
    {
        Check(actual, forecast);
        return PointErrors.Smape(actual, forecast);
    }

    /// <summary>
    /// The scale of MASE and MSIS: the in-sample mean absolute error of the seasonal naive forecast,
    /// (1/(n − m)) Σ_{t=m+1}^{n} |x_t − x_{t−m}| (m = 1 for non-seasonal data); NaN when n ≤ m.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">m is below 1.</exception>
    public static double SeasonalNaiveScale(ReadOnlySpan<double> insample, int seasonLength)
    {
        if (seasonLength < 1) throw new ArgumentOutOfRangeException(nameof(seasonLength), seasonLength, "the season length must be at least 1");
        return PointErrors.SeasonalNaiveScale(insample, seasonLength);
    }

    /// <summary>
    /// Mean absolute scaled error (Hyndman and Koehler 2006): MAE / <see cref="SeasonalNaiveScale"/>; NaN when the
    /// scale is 0 or undefined (a constant or too short training series).
    /// </summary>
    /// <exception cref="ArgumentException">The spans differ in length or are empty.</exception>
    public static double Mase(ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast, ReadOnlySpan<double> insample, int seasonLength) =>
        Scaled(Mae(actual, forecast), SeasonalNaiveScale(insample, seasonLength));

    /// <summary>The share of steps whose actual value lies inside its interval, L_h ≤ y_h ≤ U_h (0 to 1).</summary>
    /// <exception cref="ArgumentException">The spans differ in length or are empty.</exception>
    public static double Coverage(ReadOnlySpan<double> actual, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper)
    {
        Check(actual, lower);
        Check(actual, upper);
        int inside = 0;
        for (int h = 0; h < actual.Length; h++)
            if (lower[h] <= actual[h] && actual[h] <= upper[h]) inside++;
        return (double)inside / actual.Length;
    }

    /// <summary>
    /// The mean interval score of central (1 − a) intervals, a = 1 − level/100 (Gneiting and Raftery 2007, §6.2):
    /// (1/H) Σ [(U_h − L_h) + (2/a)(L_h − y_h)·1{y_h &lt; L_h} + (2/a)(y_h − U_h)·1{y_h &gt; U_h}], in series units.
    /// </summary>
    /// <exception cref="ArgumentException">The spans differ in length or are empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The level is not strictly between 0 and 100.</exception>
    public static double IntervalScore(ReadOnlySpan<double> actual, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper, double level)
    {
        Check(actual, lower);
        Check(actual, upper);
        if (!(level > 0 && level < 100)) throw new ArgumentOutOfRangeException(nameof(level), level, "the level is a percentage strictly between 0 and 100");
        double penalty = 2 / (1 - (level / 100));
        double sum = 0;
        for (int h = 0; h < actual.Length; h++)
        {
            sum += upper[h] - lower[h];
            if (actual[h] < lower[h]) sum += penalty * (lower[h] - actual[h]);
            else if (actual[h] > upper[h]) sum += penalty * (actual[h] - upper[h]);
        }

        return sum / actual.Length;
    }

    /// <summary>
    /// Mean scaled interval score (M4 Competitor's Guide): <see cref="IntervalScore"/> / <see cref="SeasonalNaiveScale"/>;
    /// NaN when the scale is 0 or undefined.
    /// </summary>
    /// <exception cref="ArgumentException">The spans differ in length or are empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The level is not strictly between 0 and 100.</exception>
    public static double Msis(ReadOnlySpan<double> actual, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper, double level, ReadOnlySpan<double> insample, int seasonLength) =>
        Scaled(IntervalScore(actual, lower, upper, level), SeasonalNaiveScale(insample, seasonLength));

    /// <summary>
    /// Overall weighted average of the M4 competition: OWA = ½ (sMAPE / sMAPE_Naive2 + MASE / MASE_Naive2), each
    /// measure averaged over the same series first; below 1 beats Naive2.
    /// </summary>
    public static double Owa(double smape, double mase, double naive2Smape, double naive2Mase) =>
        0.5 * ((smape / naive2Smape) + (mase / naive2Mase));

    private static double Scaled(double value, double scale) => scale > 0 ? value / scale : double.NaN;

    private static void Check(ReadOnlySpan<double> actual, ReadOnlySpan<double> other)
    {
        if (actual.IsEmpty) throw new ArgumentException("no values to score", nameof(actual));
        if (other.Length != actual.Length) throw new ArgumentException($"{actual.Length} actual values but {other.Length} forecast values", nameof(other));
    }
}
