namespace Zhibiao.Analytics.Forecasting.Seasonality;

/// <summary>
/// STL, seasonal-trend decomposition by loess (Cleveland, Cleveland, McRae and Terpenning, Journal of Official
/// Statistics 6, 1990), inner loop only (no robustness iterations): detrend, smooth each cycle-subseries by loess
/// (extended one period at both ends), remove its low-pass part (moving averages of m, m and 3, then loess), and
/// smooth the deseasonalised series by loess for the trend. Loess fits are evaluated every "jump" points and
/// linearly interpolated between, as in the paper's §3. Defaults follow the paper's guidance: trend window the
/// smallest odd ≥ 1.5m/(1 − 1.5/n_s), low-pass window the smallest odd ≥ m, jumps ⌈window/10⌉.
/// </summary>
internal static class Stl
{
    /// <summary>Decomposes <paramref name="y"/> with period <paramref name="m"/> and seasonal window <paramref name="seasonalWindow"/> (odd).</summary>
    public static Decomposition Decompose(ReadOnlySpan<double> y, int m, int seasonalWindow, int innerIterations = 2)
    {
        int n = y.Length;
        int ns = Math.Max(3, seasonalWindow);
        if (ns % 2 == 0) ns++;
        int nt = NextOdd((int)Math.Ceiling(1.5 * m / (1 - (1.5 / ns))));
        int nl = NextOdd(m);
        int nsJump = (int)Math.Ceiling(ns / 10.0);
        int ntJump = (int)Math.Ceiling(nt / 10.0);
        int nlJump = (int)Math.Ceiling(nl / 10.0);

        var trend = new double[n];
        var seasonal = new double[n];
        var work = new double[n];
        var cycle = new double[n + (2 * m)];
        var sub = new double[(n / m) + 1];
        var subSmooth = new double[(n / m) + 3];
        var ma1 = new double[n + m + 1];
        var ma2 = new double[n + 2];
        var low = new double[n];
        var lowSmooth = new double[n];
        var weights = new double[n + (2 * m)];
        for (int iteration = 0; iteration < innerIterations; iteration++)
        {
            for (int t = 0; t < n; t++) work[t] = y[t] - trend[t];

            // Cycle-subseries smoothing, each extended by one point at both ends.
            for (int k = 0; k < m; k++)
            {
                int count = ((n - k - 1) / m) + 1;
                if (k >= n) count = 0;
                for (int j = 0; j < count; j++) sub[j] = work[k + (j * m)];
                Smooth(sub.AsSpan(0, count), ns, 0, nsJump, subSmooth.AsSpan(1, count), weights);
                double first = Estimate(sub.AsSpan(0, count), ns, 0, 0, 1, Math.Min(ns, count), weights, out bool ok);
                subSmooth[0] = ok ? first : subSmooth[1];
                double last = Estimate(sub.AsSpan(0, count), ns, 0, count + 1, Math.Max(1, count - ns + 1), count, weights, out ok);
                subSmooth[count + 1] = ok ? last : subSmooth[count];
                for (int j = 0; j < count + 2; j++) cycle[(j * m) + k] = subSmooth[j];
            }

            // Low-pass filter of the cycle series: MA(m), MA(m), MA(3), then loess.
            MovingAverage(cycle, m, ma1);
            MovingAverage(ma1, m, ma2);
            MovingAverage(ma2, 3, low);
            Smooth(low, nl, 1, nlJump, lowSmooth, weights);
            for (int t = 0; t < n; t++) seasonal[t] = cycle[m + t] - lowSmooth[t];

            for (int t = 0; t < n; t++) work[t] = y[t] - seasonal[t];
            Smooth(work, nt, 1, ntJump, trend, weights);
        }

        var remainder = new double[n];
        for (int t = 0; t < n; t++) remainder[t] = y[t] - trend[t] - seasonal[t];
        return new Decomposition(m, trend, seasonal, remainder, seasonal[..m]);
    }

    private static int NextOdd(int x) => x % 2 == 0 ? x + 1 : x;

    /// <summary>Moving average of <paramref name="length"/> points: out[i] = mean(x[i..i+length)).</summary>
    private static void MovingAverage(ReadOnlySpan<double> x, int length, Span<double> result)
    {
        int count = x.Length - length + 1;
        double sum = 0;
        for (int i = 0; i < length; i++) sum += x[i];
        result[0] = sum / length;
        for (int i = 1; i < count; i++)
        {
            sum += x[i + length - 1] - x[i - 1];
            result[i] = sum / length;
        }
    }

    /// <summary>Loess of <paramref name="y"/> (at x = 1..n) with span <paramref name="span"/> and degree 0 or 1, at every jump-th point, interpolated linearly between.</summary>
    private static void Smooth(ReadOnlySpan<double> y, int span, int degree, int jump, Span<double> result, double[] weights)
    {
        int n = y.Length;
        if (n == 0) return;
        if (n < 2)
        {
            result[0] = y[0];
            return;
        }

        int step = Math.Min(jump, n - 1);
        int left = 1, right = Math.Min(span, n);
        int half = (span + 1) / 2;
        if (span >= n)
        {
            left = 1;
            right = n;
        }

        for (int i = 1; i <= n; i += step)
        {
            if (span < n)
            {
                if (i < half)
                {
                    left = 1;
                    right = span;
                }
                else if (i >= n - half + 1)
                {
                    left = n - span + 1;
                    right = n;
                }
                else
                {
                    left = i - half + 1;
                    right = span + i - half;
                }
            }

            double v = Estimate(y, span, degree, i, left, right, weights, out bool ok);
            result[i - 1] = ok ? v : y[i - 1];
        }

        if (step > 1)
        {
            int i = 1;
            for (; i + step <= n; i += step)
            {
                double slope = (result[i + step - 1] - result[i - 1]) / step;
                for (int j = 1; j < step; j++) result[i + j - 1] = result[i - 1] + (slope * j);
            }

            // The last evaluated point is i; evaluate n and interpolate between.
            if (i != n)
            {
                if (span < n)
                {
                    left = n - span + 1;
                    right = n;
                }

                double v = Estimate(y, span, degree, n, left, right, weights, out bool ok);
                result[n - 1] = ok ? v : y[n - 1];
                if (i != n - 1)
                {
                    double slope = (result[n - 1] - result[i - 1]) / (n - i);
                    for (int j = i + 1; j < n; j++) result[j - 1] = result[i - 1] + (slope * (j - i));
                }
            }
        }
    }

    /// <summary>
    /// The loess value at x = <paramref name="at"/> from the points left..right (1-based): tricube weights of
    /// |j − x|/h with h the largest distance in the window (widened by ⌊(span − n)/2⌋ when the span exceeds n), a
    /// weighted mean (degree 0) or local line (degree 1).
    /// </summary>
    private static double Estimate(ReadOnlySpan<double> y, int span, int degree, int at, int left, int right, double[] weights, out bool ok)
    {
        int n = y.Length;
        ok = false;
        if (n == 0) return 0;
        double range = n - 1;
        double h = Math.Max(at - left, right - at);
        if (span > n) h += (span - n) / 2;
        double upper = 0.999 * h;
        double lower = 0.001 * h;
        double total = 0;
        for (int j = left; j <= right; j++)
        {
            double r = Math.Abs(j - at);
            double w = 0;
            if (r <= upper)
            {
                if (r <= lower || h == 0) w = 1;
                else
                {
                    double u = r / h;
                    double c = 1 - (u * u * u);
                    w = c * c * c;
                }
            }

            weights[j - 1] = w;
            total += w;
        }

        if (total <= 0) return 0;
        for (int j = left; j <= right; j++) weights[j - 1] /= total;
        if (degree > 0 && h > 0)
        {
            double a = 0;
            for (int j = left; j <= right; j++) a += weights[j - 1] * j;
            double b = at - a;
            double c = 0;
            for (int j = left; j <= right; j++) c += weights[j - 1] * (j - a) * (j - a);
            if (Math.Sqrt(c) > 0.001 * range)
            {
                b /= c;
                for (int j = left; j <= right; j++) weights[j - 1] *= (b * (j - a)) + 1;
            }
        }

        double v = 0;
        for (int j = left; j <= right; j++) v += weights[j - 1] * y[j - 1];
        ok = true;
        return v;
    }
}
