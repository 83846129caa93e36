namespace Zhibiao.Analytics.Forecasting.Ets;

/// <summary>
/// Heuristic initial states, the starting point of estimation (Hyndman et al. 2008, §2.6.1): seasonal indices from a
/// classical decomposition of the first (up to three) years — a centred 2×m moving average, the average deviation
/// (or ratio) per season, normalised — and level and slope from a regression line through the first ten seasonally
/// adjusted values.
/// </summary>
internal static class EtsInitialStates
{
    /// <summary>Writes [ℓ₀, b₀ (additive slope), s ring (slot j used at times t ≡ j mod m)] into <paramref name="states"/> (length 2 + m).</summary>
    public static void Guess(ReadOnlySpan<double> y, int m, bool multiplicative, Span<double> states)
    {
        states.Clear();
        int n = y.Length;
        Span<double> season = states[2..];
        if (m > 1)
        {
            Seasonal(y, m, multiplicative, season);
        }
        else if (!season.IsEmpty)
        {
            season[0] = multiplicative ? 1 : 0;
        }

        // Regression through the first (up to) ten seasonally adjusted values, at times 1..k; ℓ₀ is its value at time 0.
        double st = 0, sy = 0, stt = 0, sty = 0;
        int count = 0;
        for (int t = 0; t < n && count < 10; t++)
        {
            double v = y[t];
            if (double.IsNaN(v)) continue;
            if (m > 1) v = multiplicative ? v / season[t % m] : v - season[t % m];
            double x = t + 1;
            st += x;
            sy += v;
            stt += x * x;
            sty += x * v;
            count++;
        }

        if (count == 0) return;
        double mean = sy / count;
        double denominator = (count * stt) - (st * st);
        double slope = count > 1 && denominator > 0 ? ((count * sty) - (st * sy)) / denominator : 0;
        states[0] = mean - (slope * (st / count));
        states[1] = slope;
    }

    private static void Seasonal(ReadOnlySpan<double> y, int m, bool multiplicative, Span<double> season, bool wholeSeries = false)
    {
        int n = y.Length;
        int cycles = wholeSeries ? n / m : Math.Min(3, n / m);
        Span<double> sum = season;
        Span<int> counts = m <= 256 ? stackalloc int[m] : new int[m];
        sum.Clear();
        if (cycles >= 2)
        {
            int length = wholeSeries ? n : cycles * m;
            int half = m / 2;
            for (int t = half; t + half < length; t++)
            {
                double ma = MovingAverage(y, t, m);
                if (!double.IsFinite(ma) || double.IsNaN(y[t]) || (multiplicative && !(ma > 0))) continue;
                sum[t % m] += multiplicative ? y[t] / ma : y[t] - ma;
                counts[t % m]++;
            }
        }
        else
        {
            int length = Math.Min(n, m);
            double total = 0;
            int observed = 0;
            for (int t = 0; t < length; t++)
            {
                if (double.IsNaN(y[t])) continue;
                total += y[t];
                observed++;
            }

            double mean = observed > 0 ? total / observed : 0;
            for (int t = 0; t < length; t++)
            {
                if (double.IsNaN(y[t]) || (multiplicative && !(mean > 0))) continue;
                sum[t] += multiplicative ? y[t] / mean : y[t] - mean;
                counts[t]++;
            }
        }

        double average = 0;
        for (int j = 0; j < m; j++)
        {
            sum[j] = counts[j] > 0 ? sum[j] / counts[j] : (multiplicative ? 1 : 0);
            average += sum[j] / m;
        }

        for (int j = 0; j < m; j++)
        {
            if (multiplicative) sum[j] = average > 0 ? sum[j] / average : 1;
            else sum[j] -= average;
        }
    }

    /// <summary>Centred moving average at t: 2×m for even m, m-term for odd m; NaN when a value is missing or out of range.</summary>
    private static double MovingAverage(ReadOnlySpan<double> y, int t, int m)
    {
        int half = m / 2;
        if (t - half < 0 || t + half >= y.Length) return double.NaN;
        double total = 0;
        if (m % 2 == 1)
        {
            for (int i = t - half; i <= t + half; i++) total += y[i];
            return total / m;
        }

        for (int i = t - half + 1; i <= t + half - 1; i++) total += y[i];
        total += 0.5 * (y[t - half] + y[t + half]);
        return total / m;
    }

    /// <summary>
    /// The starting states R's ets() (forecast 8.x) uses (after Hyndman et al. 2008, §2.6.1): seasonal states from a
    /// classical decomposition of the whole series when it has three seasons or more, otherwise from the deviations
    /// (or ratios) of the first season from a regression on a line and one Fourier pair; multiplicative states at
    /// least 0.01. The level and trend come from the first max(10, 2m) seasonally adjusted values: without trend ℓ₀
    /// is their mean; with an additive trend ℓ₀ and b₀ are the intercept and slope of their least-squares line; with
    /// a multiplicative trend b₀ is the ratio of the line's second to first fitted value and ℓ₀ the first divided by b₀.
    /// </summary>
    public static void Classic(ReadOnlySpan<double> y, int m, EtsModel model, Span<double> states)
    {
        states.Clear();
        int n = y.Length;
        bool multiplicative = model.Season == EtsSeason.Multiplicative;
        bool seasonal = model.HasSeason && m > 1;
        Span<double> season = states[2..];
        int count = Math.Min(Math.Max(10, 2 * m), n);
        Span<double> adjusted = count <= 256 ? stackalloc double[count] : new double[count];
        for (int t = 0; t < count; t++) adjusted[t] = y[t];
        if (seasonal)
        {
            if (n >= 3 * m)
            {
                Seasonal(y, m, multiplicative, season, wholeSeries: true);
                for (int t = 0; t < count; t++)
                    adjusted[t] = multiplicative ? y[t] / Math.Max(season[t % m], 1e-2) : y[t] - season[t % m];
            }
            else
            {
                FourierStart(y, m, multiplicative, season, adjusted);
            }

            if (multiplicative)
            {
                double sum = 0, padded = 0;
                for (int j = 1; j < m; j++)
                {
                    season[j] = Math.Max(season[j], 1e-2);
                    sum += season[j];
                    padded += season[j] + 1e-2;
                }

                if (sum > m)
                    for (int j = 1; j < m; j++) season[j] /= padded;
            }
        }

        double st = 0, sy = 0, stt = 0, sty = 0;
        int used = 0;
        for (int t = 0; t < count; t++)
        {
            double v = adjusted[t];
            if (double.IsNaN(v)) continue;
            double x = t + 1;
            st += x;
            sy += v;
            stt += x * x;
            sty += x * v;
            used++;
        }

        if (used == 0) return;
        double mean = sy / used;
        double denominator = (used * stt) - (st * st);
        double slope = used > 1 && denominator > 0 ? ((used * sty) - (st * sy)) / denominator : 0;
        double intercept = mean - (slope * (st / used));
        if (!model.HasTrend)
        {
            states[0] = mean;
            return;
        }

        if (model.Trend == EtsTrend.Additive)
        {
            double l0 = intercept, b0 = slope;
            if (Math.Abs(l0 + b0) < 1e-8)
            {
                l0 *= 1 + 1e-3;
                b0 *= 1 - 1e-3;
            }

            states[0] = l0;
            states[1] = b0;
            return;
        }

        double first = intercept + slope;
        if (Math.Abs(first) < 1e-8) first = 1e-7;
        double ratio = (intercept + (2 * slope)) / first;
        if (Math.Abs(ratio) > 1e10) ratio = Math.Sign(ratio) * 1e10;
        double level = first / ratio;
        if (level < 1e-8 || ratio < 1e-8)
        {
            level = Math.Max(y[0], 1e-3);
            ratio = Math.Max(y[1] / y[0], 1e-3);
        }

        states[0] = level;
        states[1] = ratio;
    }

    /// <summary>
    /// The start for fewer than three seasons: y regressed on 1, t, and one Fourier pair sin(2πt/m), cos(2πt/m)
    /// (t = 1..n; the sine is left out for m = 2, where it vanishes); the seasonal states are the first season's
    /// deviations from (or ratios to) the line, and the seasonally adjusted values the line itself.
    /// </summary>
    private static void FourierStart(ReadOnlySpan<double> y, int m, bool multiplicative, Span<double> season, Span<double> adjusted)
    {
        int n = y.Length;
        int k = m == 2 ? 3 : 4;
        Span<double> xtx = stackalloc double[16];
        Span<double> xty = stackalloc double[4];
        Span<double> row = stackalloc double[4];
        xtx.Clear();
        xty.Clear();
        for (int t = 0; t < n; t++)
        {
            if (double.IsNaN(y[t])) continue;
            double time = t + 1;
            row[0] = 1;
            row[1] = time;
            row[2] = Math.Cos(2 * Math.PI * time / m);
            if (k == 4) row[3] = Math.Sin(2 * Math.PI * time / m);
            for (int a = 0; a < k; a++)
            {
                xty[a] += row[a] * y[t];
                for (int b = 0; b < k; b++) xtx[(a * 4) + b] += row[a] * row[b];
            }
        }

        Span<double> beta = stackalloc double[4];
        if (!Solve(xtx, xty, k, beta)) beta.Clear();
        for (int j = 0; j < m && j < n; j++)
        {
            double line = beta[0] + (beta[1] * (j + 1));
            season[j] = multiplicative ? y[j] / line : y[j] - line;
        }

        for (int t = 0; t < adjusted.Length; t++) adjusted[t] = beta[0] + (beta[1] * (t + 1));
    }

    /// <summary>Solves the k×k system (row stride 4) by Gaussian elimination with partial pivoting; false when singular.</summary>
    private static bool Solve(Span<double> a, Span<double> b, int k, Span<double> x)
    {
        for (int col = 0; col < k; col++)
        {
            int pivot = col;
            for (int r = col + 1; r < k; r++)
                if (Math.Abs(a[(r * 4) + col]) > Math.Abs(a[(pivot * 4) + col])) pivot = r;
            if (Math.Abs(a[(pivot * 4) + col]) < 1e-300) return false;
            if (pivot != col)
            {
                for (int c = 0; c < k; c++) (a[(col * 4) + c], a[(pivot * 4) + c]) = (a[(pivot * 4) + c], a[(col * 4) + c]);
                (b[col], b[pivot]) = (b[pivot], b[col]);
            }

            for (int r = col + 1; r < k; r++)
            {
                double f = a[(r * 4) + col] / a[(col * 4) + col];
                for (int c = col; c < k; c++) a[(r * 4) + c] -= f * a[(col * 4) + c];
                b[r] -= f * b[col];
            }
        }

        for (int r = k - 1; r >= 0; r--)
        {
            double sum = b[r];
            for (int c = r + 1; c < k; c++) sum -= a[(r * 4) + c] * x[c];
            x[r] = sum / a[(r * 4) + r];
        }

        return true;
    }
}
