namespace Zhibiao.Analytics.Forecasting.Seasonality;

/// <summary>
/// A seasonal decomposition into trend, seasonal and remainder. Classical (<see cref="ClassicalDecomposition"/>):
/// multiplicative, y_t = T_t · S_t · R_t, the trend T the centred moving average of order m (a 2×m average for even
/// m), S repeating the seasonal figure. STL (internal, for the seasonal-strength test): additive, y_t = T_t + S_t + R_t,
/// its figure the first m seasonal values.
/// </summary>
/// <param name="SeasonLength">The period m.</param>
/// <param name="Trend">T_t; NaN for the first and last ⌊m/2⌋ values, where the centred average is undefined.</param>
/// <param name="Seasonal">S_t = figure[t mod m] (t counted from the first value).</param>
/// <param name="Remainder">R_t = y_t / (T_t · S_t); NaN where the trend is.</param>
/// <param name="Figure">The m seasonal indices, from the position of the first value on; they average 1.</param>
internal sealed record Decomposition(int SeasonLength, double[] Trend, double[] Seasonal, double[] Remainder, double[] Figure);

/// <summary>
/// Classical multiplicative decomposition by moving averages (Macaulay 1931; Kendall and Stuart; the method of R's
/// decompose(type = "multiplicative") and of the M4 benchmarks): the trend is the centred moving average of order m,
/// the seasonal index of each position in the season is the mean of y_t / T_t over the seasons, and the m indices are
/// normalised to average 1.
/// </summary>
internal static class ClassicalDecomposition
{
    /// <summary>Decomposes <paramref name="y"/> multiplicatively.</summary>
    /// <param name="y">The series: complete, positive, at least two full seasons (n ≥ 2m).</param>
    /// <param name="seasonLength">The period m ≥ 2.</param>
    /// <exception cref="ForecastException">The series is too short, has a missing value or a value that is not positive.</exception>
    /// <exception cref="ArgumentOutOfRangeException">m is below 2.</exception>
    public static Decomposition Multiplicative(ReadOnlySpan<double> y, int seasonLength)
    {
        int m = seasonLength, n = y.Length;
        var figure = new double[m];
        SeasonalFigure(y, m, figure);
        var trend = new double[n];
        var seasonal = new double[n];
        var remainder = new double[n];
        for (int t = 0; t < n; t++)
        {
            trend[t] = CentredAverage(y, m, t);
            seasonal[t] = figure[t % m];
            remainder[t] = y[t] / (trend[t] * seasonal[t]);
        }

        return new Decomposition(m, trend, seasonal, remainder, figure);
    }

    /// <summary>
    /// The normalised multiplicative seasonal figure of <paramref name="y"/> into <paramref name="figure"/>
    /// (length m): figure[i] ∝ mean of y_t / T_t over t ≡ i (mod m) where the centred average T_t is defined,
    /// scaled so the m indices average 1. Allocates nothing for m ≤ 256.
    /// </summary>
    /// <exception cref="ForecastException">The series is too short (n &lt; 2m), has a missing value or a value that is not positive.</exception>
    /// <exception cref="ArgumentOutOfRangeException">m is below 2 or <paramref name="figure"/> does not hold m values.</exception>
    public static void SeasonalFigure(ReadOnlySpan<double> y, int seasonLength, Span<double> figure)
    {
        int m = seasonLength, n = y.Length;
        if (m < 2) throw new ArgumentOutOfRangeException(nameof(seasonLength), m, "a decomposition needs a season of at least 2 periods");
        if (figure.Length != m) throw new ArgumentOutOfRangeException(nameof(figure), figure.Length, $"the figure must hold {m} values");
        if (n < 2 * m) throw new ForecastException($"a seasonal decomposition needs at least two seasons ({2 * m} values), the series has {n}");
        for (int t = 0; t < n; t++)
            if (!(y[t] > 0)) throw new ForecastException($"a multiplicative decomposition needs positive values (value {t + 1} is {y[t]})");

        Span<int> counts = m <= 256 ? stackalloc int[m] : new int[m];
        counts.Clear();
        figure.Clear();
        int half = m / 2;
        for (int t = half; t < n - half; t++)
        {
            figure[t % m] += y[t] / CentredAverage(y, m, t);
            counts[t % m]++;
        }

        double total = 0;
        for (int i = 0; i < m; i++)
        {
            figure[i] /= counts[i];
            total += figure[i];
        }

        double mean = total / m;
        for (int i = 0; i < m; i++) figure[i] /= mean;
    }

    /// <summary>
    /// The centred moving average of order m at t (0-based): the mean of the m values around t for odd m, and for
    /// even m the 2×m average (½y_{t−m/2} + y_{t−m/2+1} + … + y_{t+m/2−1} + ½y_{t+m/2}) / m; NaN near the ends.
    /// </summary>
    public static double CentredAverage(ReadOnlySpan<double> y, int seasonLength, int t)
    {
        int m = seasonLength, half = m / 2;
        if (t < half || t + half >= y.Length) return double.NaN;
        double sum = 0;
        if (m % 2 == 1)
        {
            for (int j = t - half; j <= t + half; j++) sum += y[j];
            return sum / m;
        }

        sum = 0.5 * (y[t - half] + y[t + half]);
        for (int j = t - half + 1; j < t + half; j++) sum += y[j];
        return sum / m;
    }
}
