using Zhibiao.Analytics.Forecasting.Seasonality;

namespace Zhibiao.Analytics.Forecasting.Arima;

/// <summary>
/// The KPSS test of level stationarity (Kwiatkowski, Phillips, Schmidt and Shin, Journal of Econometrics 54, 1992):
/// eₜ = xₜ − x̄, Sₜ = Σ_{s≤t} eₛ, η = Σ Sₜ² / (n² s²(l)) with the Newey–West long-run variance
/// s²(l) = (1/n)Σeₜ² + (2/n)Σ_{s=1}^{l} (1 − s/(l + 1)) Σ_{t>s} eₜeₜ₋ₛ. Large η rejects stationarity.
/// </summary>
internal static class Kpss
{
    /// <summary>The lag truncation of Hyndman and Khandakar (2008): l = ⌊3√n/13⌋.</summary>
    public static int DefaultLags(int n) => (int)Math.Floor(3 * Math.Sqrt(n) / 13);

    /// <summary>The KPSS level statistic η of <paramref name="x"/> with <paramref name="lags"/> Bartlett lags.</summary>
    /// <exception cref="ArgumentException">Fewer than 2 values or negative lags.</exception>
    public static double Statistic(ReadOnlySpan<double> x, int lags)
    {
        int n = x.Length;
        if (n < 2) throw new ArgumentException("the KPSS test needs at least 2 values", nameof(x));
        if (lags < 0) throw new ArgumentException("lags must be non-negative", nameof(lags));
        double mean = 0;
        foreach (double v in x) mean += v;
        mean /= n;
        double partial = 0, eta = 0, s2 = 0;
        for (int t = 0; t < n; t++)
        {
            double e = x[t] - mean;
            partial += e;
            eta += partial * partial;
            s2 += e * e;
        }

        s2 /= n;
        for (int s = 1; s <= Math.Min(lags, n - 1); s++)
        {
            double c = 0;
            for (int t = s; t < n; t++) c += (x[t] - mean) * (x[t - s] - mean);
            s2 += 2.0 / n * (1 - (s / (lags + 1.0))) * c;
        }

        return eta / (n * (double)n) / s2;
    }

    /// <summary>
    /// The critical value of the level test at significance <paramref name="alpha"/> from KPSS (1992), table 1:
    /// 0.347 (10%), 0.463 (5%), 0.574 (2.5%), 0.739 (1%), interpolated linearly in between.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Alpha outside [0.01, 0.1].</exception>
    public static double CriticalValue(double alpha)
    {
        if (!(alpha >= 0.01 && alpha <= 0.1)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "the KPSS table covers significance levels from 0.01 to 0.1");
        ReadOnlySpan<double> levels = [0.01, 0.025, 0.05, 0.1];
        ReadOnlySpan<double> values = [0.739, 0.574, 0.463, 0.347];
        for (int i = 1; i < levels.Length; i++)
        {
            if (alpha <= levels[i])
            {
                double f = (alpha - levels[i - 1]) / (levels[i] - levels[i - 1]);
                return values[i - 1] + (f * (values[i] - values[i - 1]));
            }
        }

        return values[^1];
    }
}

/// <summary>
/// How many differences a series needs, as Hyndman and Khandakar (2008) choose them: seasonal differences D by the
/// seasonal strength of an STL decomposition (Wang, Smith and Hyndman 2006; D = 1 when it exceeds 0.64), then d by
/// repeated KPSS tests on the (seasonally differenced) series.
/// </summary>
internal static class UnitRoots
{
    /// <summary>Seasonal strength above which a seasonal difference is taken (the threshold of R's nsdiffs, tuned on M3 and M4).</summary>
    public const double SeasonalStrengthThreshold = 0.64;

    /// <summary>
    /// The number of first differences d ≤ <paramref name="maxD"/> after which the KPSS test at level
    /// <paramref name="alpha"/> no longer rejects stationarity; stops early when a differenced series is constant.
    /// </summary>
    public static int Differences(ReadOnlySpan<double> x, double alpha = 0.05, int maxD = 2)
    {
        double critical = Kpss.CriticalValue(alpha);
        double[] current = x.ToArray();
        int d = 0;
        if (current.Length < 2 || IsConstant(current)) return 0;
        bool reject = Kpss.Statistic(current, Kpss.DefaultLags(current.Length)) > critical;
        while (reject && d < maxD)
        {
            d++;
            current = ArmaMath.DifferenceOnce(current, 1);
            if (current.Length < 2) return d - 1;
            if (IsConstant(current)) return d;
            reject = Kpss.Statistic(current, Kpss.DefaultLags(current.Length)) > critical;
        }

        return d;
    }

    /// <summary>
    /// Seasonal strength F_S = max(0, 1 − Var(R)/Var(S + R)) of the STL decomposition of <paramref name="x"/> with period
    /// <paramref name="m"/> (seasonal window 11); 0 when the series is shorter than two full periods plus one or constant.
    /// </summary>
    public static double SeasonalStrength(ReadOnlySpan<double> x, int m)
    {
        if (m < 2 || x.Length <= 2 * m || IsConstant(x)) return 0;
        Decomposition decomposition = Stl.Decompose(x, m, 11);
        double[] detrended = new double[x.Length];
        for (int t = 0; t < x.Length; t++) detrended[t] = decomposition.Seasonal[t] + decomposition.Remainder[t];
        double total = Variance(detrended);
        if (!(total > 0)) return 0;
        return Math.Clamp(1 - (Variance(decomposition.Remainder) / total), 0, 1);
    }

    /// <summary>Seasonal differences D ∈ {0, 1}: 1 when the seasonal strength exceeds <see cref="SeasonalStrengthThreshold"/>.</summary>
    public static int SeasonalDifferences(ReadOnlySpan<double> x, int m) =>
        m >= 2 && SeasonalStrength(x, m) > SeasonalStrengthThreshold ? 1 : 0;

    /// <summary>
    /// Whether all values are equal up to a relative mean difference of 1.5e-8 (the tolerance of R's all.equal).
    /// </summary>
    public static bool IsConstant(ReadOnlySpan<double> x)
    {
        if (x.Length == 0) return true;
        double first = x[0];
        double diff = 0, scale = 0;
        foreach (double v in x)
        {
            diff += Math.Abs(v - first);
            scale += Math.Abs(v);
        }

        return scale > 0 ? diff / scale < 1.5e-8 : diff < 1.5e-8;
    }

    private static double Variance(ReadOnlySpan<double> x)
    {
        double mean = 0;
        foreach (double v in x) mean += v;
        mean /= x.Length;
        double ss = 0;
        foreach (double v in x) ss += (v - mean) * (v - mean);
        return ss / (x.Length - 1);
    }
}
