namespace Analytics.Forecasting.Ets;

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

    private static void Seasonal(ReadOnlySpan<double> y, int m, bool multiplicative, Span<double> season)
    {
        int n = y.Length;
        int cycles = Math.Min(3, n / m);
        Span<double> sum = season;
        Span<int> counts = m <= 256 ? stackalloc int[m] : new int[m];
        sum.Clear();
        if (cycles >= 2)
        {
            int length = cycles * m;
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
    /// The starting states R's ets() uses (Hyndman et al. 2008, §2.6.1): seasonal indices from the decomposition of the
    /// first three years; without trend ℓ₀ is the mean of the first max(10, 2m) seasonally adjusted values; with an
    /// additive trend ℓ₀ and b₀ are the intercept and slope of the least-squares line through them; with a
    /// multiplicative trend b₀ is the ratio of the line's second to first fitted value and ℓ₀ the first divided by b₀.
    /// </summary>
    public static void Classic(ReadOnlySpan<double> y, int m, EtsModel model, Span<double> states)
    {
        states.Clear();
        int n = y.Length;
        bool multiplicative = model.Season == EtsSeason.Multiplicative;
        Span<double> season = states[2..];
        if (model.HasSeason && m > 1) Seasonal(y, m, multiplicative, season);
        int count = Math.Min(Math.Max(10, 2 * m), n);
        double st = 0, sy = 0, stt = 0, sty = 0;
        int used = 0;
        for (int t = 0; t < count; t++)
        {
            double v = y[t];
            if (double.IsNaN(v)) continue;
            if (model.HasSeason && m > 1) v = multiplicative ? v / Math.Max(season[t % m], 1e-2) : v - season[t % m];
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
}
