namespace Zhibiao.Analytics.Forecasting.Seasonality;

/// <summary>
/// The autocorrelation test for seasonality used with the Theta method in the M3 and M4 competitions
/// (Assimakopoulos and Nikolopoulos, IJF 2000; the M4 benchmarks' seasonality_test): the series is seasonal with
/// period m when |r_m| &gt; z · √((1 + 2 Σ_{k=1}^{m−1} r_k²) / n), r_k the sample autocorrelation at lag k,
/// z = 1.645 (90% two-sided, i.e. the one-sided 95% normal quantile).
/// </summary>
internal static class SeasonalityTest
{
    /// <summary>The default critical value z = Φ⁻¹(0.95) ≈ 1.645, the "90%" test of the M competitions.</summary>
    public const double DefaultCriticalValue = 1.6448536269514722;

    /// <summary>
    /// Whether <paramref name="y"/> is seasonal with period <paramref name="seasonLength"/>. The test is applied only
    /// when m &gt; 1, the series has more than two full seasons (n &gt; 2m, as R's thetaf does) and is not constant;
    /// otherwise the answer is false.
    /// </summary>
    /// <param name="y">The series, complete (no NaN).</param>
    /// <param name="seasonLength">The period m.</param>
    /// <param name="criticalValue">z; <see cref="DefaultCriticalValue"/> by default.</param>
    public static bool IsSeasonal(ReadOnlySpan<double> y, int seasonLength, double criticalValue = DefaultCriticalValue)
    {
        int m = seasonLength;
        if (m <= 1 || y.Length <= 2 * m) return false;
        Span<double> r = m <= 128 ? stackalloc double[m] : new double[m];
        if (!Autocorrelations(y, r)) return false;
        double sum = 0;
        for (int k = 0; k < m - 1; k++) sum += r[k] * r[k];
        double limit = criticalValue * Math.Sqrt((1 + (2 * sum)) / y.Length);
        return Math.Abs(r[m - 1]) > limit;
    }

    /// <summary>
    /// Sample autocorrelations r_k = Σ_{t=1}^{n−k} (y_t − ȳ)(y_{t+k} − ȳ) / Σ_{t=1}^{n} (y_t − ȳ)² for
    /// k = 1..<paramref name="r"/>.Length (Box and Jenkins; the definition of R's acf), written into r.
    /// </summary>
    /// <returns>False, with r left untouched, when the series is constant (the denominator is zero).</returns>
    /// <exception cref="ArgumentException">More lags asked than the series has values minus one.</exception>
    public static bool Autocorrelations(ReadOnlySpan<double> y, Span<double> r)
    {
        int n = y.Length;
        if (r.Length >= n) throw new ArgumentException($"{r.Length} lags asked of a series of {n} values", nameof(r));
        double mean = 0;
        foreach (double v in y) mean += v;
        mean /= n;
        double denominator = 0;
        foreach (double v in y) denominator += (v - mean) * (v - mean);
        if (!(denominator > 0)) return false;
        for (int k = 1; k <= r.Length; k++)
        {
            double s = 0;
            for (int t = 0; t + k < n; t++) s += (y[t] - mean) * (y[t + k] - mean);
            r[k - 1] = s / denominator;
        }

        return true;
    }
}
