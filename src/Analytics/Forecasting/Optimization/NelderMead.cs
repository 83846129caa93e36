namespace Analytics.Forecasting.Optimization;

/// <summary>Settings of <see cref="NelderMead"/>.</summary>
/// <param name="MaxIterations">Iterations before giving up (each costs one to n + 1 evaluations).</param>
/// <param name="Tolerance">Stop when the simplex's function values differ by less than this, relatively: |f_worst − f_best| ≤ tol·(|f_best| + tol).</param>
/// <param name="InitialStep">Initial simplex edge as a fraction of each parameter's range (upper − lower); 0.1 by default.</param>
public sealed record NelderMeadOptions(int MaxIterations = 2000, double Tolerance = 1e-8, double InitialStep = 0.1)
{
    /// <summary>The defaults.</summary>
    public static readonly NelderMeadOptions Default = new();
}

/// <summary>The minimum found: the point, its value, and how the search ended.</summary>
/// <param name="Point">The best point.</param>
/// <param name="Value">The objective at it.</param>
/// <param name="Iterations">Iterations used.</param>
/// <param name="Converged">Whether the tolerance was met before the iteration limit.</param>
public readonly record struct OptimizationResult(double[] Point, double Value, int Iterations, bool Converged);

/// <summary>The objective of a minimisation: a function of the parameter vector.</summary>
public delegate double Objective(ReadOnlySpan<double> x);

/// <summary>
/// Bounded Nelder–Mead simplex minimisation (Nelder and Mead, Computer Journal 1965; coefficients reflection 1,
/// expansion 2, contraction 0.5, shrink 0.5). Bounds are kept by clamping every trial point into the box, as the
/// optimisers of ETS implementations do; an objective may return +∞ for points outside its admissible region.
/// All work arrays are allocated once per call.
/// </summary>
public static class NelderMead
{
    /// <summary>Minimises <paramref name="f"/> from <paramref name="start"/> within [lower, upper].</summary>
    /// <exception cref="ArgumentException">The vectors differ in length or a lower bound exceeds its upper bound.</exception>
    public static OptimizationResult Minimize(Objective f, ReadOnlySpan<double> start, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper, NelderMeadOptions? options = null)
    {
        options ??= NelderMeadOptions.Default;
        int n = start.Length;
        if (lower.Length != n || upper.Length != n) throw new ArgumentException("start and bounds must have the same length", nameof(lower));
        for (int j = 0; j < n; j++)
            if (lower[j] > upper[j]) throw new ArgumentException($"lower bound {lower[j]} exceeds upper bound {upper[j]} at {j}", nameof(lower));

        if (n == 0) return new OptimizationResult([], f([]), 0, true);

        // simplex[i] is vertex i (n + 1 vertices of n coordinates), stored row-major in one array.
        var simplex = new double[(n + 1) * n];
        var values = new double[n + 1];
        var centroid = new double[n];
        var trial = new double[n];
        var trial2 = new double[n];
        var lo = lower.ToArray();
        var hi = upper.ToArray();

        for (int i = 0; i <= n; i++)
        {
            Span<double> v = simplex.AsSpan(i * n, n);
            start.CopyTo(v);
            if (i > 0)
            {
                int j = i - 1;
                double range = double.IsFinite(hi[j] - lo[j]) ? hi[j] - lo[j] : Math.Max(1, Math.Abs(start[j]));
                double step = options.InitialStep * range;
                if (step == 0) step = 1e-4;
                v[j] = v[j] + step <= hi[j] ? v[j] + step : v[j] - step;
            }

            Clamp(v, lo, hi);
            values[i] = Evaluate(f, v);
        }

        int iterations = 0;
        bool converged = false;
        while (iterations < options.MaxIterations)
        {
            iterations++;
            Order(values, n, out int best, out int worst, out int second);
            if (Math.Abs(values[worst] - values[best]) <= options.Tolerance * (Math.Abs(values[best]) + options.Tolerance))
            {
                converged = true;
                break;
            }

            // Centroid of all vertices but the worst.
            centroid.AsSpan().Clear();
            for (int i = 0; i <= n; i++)
            {
                if (i == worst) continue;
                ReadOnlySpan<double> v = simplex.AsSpan(i * n, n);
                for (int j = 0; j < n; j++) centroid[j] += v[j];
            }

            for (int j = 0; j < n; j++) centroid[j] /= n;
            Span<double> w = simplex.AsSpan(worst * n, n);

            // Reflection.
            Move(centroid, w, -1, trial, lo, hi);
            double fr = Evaluate(f, trial);
            if (fr < values[best])
            {
                // Expansion.
                Move(centroid, w, -2, trial2, lo, hi);
                double fe = Evaluate(f, trial2);
                if (fe < fr) Replace(w, trial2, ref values[worst], fe);
                else Replace(w, trial, ref values[worst], fr);
                continue;
            }

            if (fr < values[second])
            {
                Replace(w, trial, ref values[worst], fr);
                continue;
            }

            // Contraction: outside when the reflection improved on the worst, inside otherwise.
            bool outside = fr < values[worst];
            Move(centroid, w, outside ? -0.5 : 0.5, trial2, lo, hi);
            double fc = Evaluate(f, trial2);
            if (fc < (outside ? fr : values[worst]))
            {
                Replace(w, trial2, ref values[worst], fc);
                continue;
            }

            // Shrink towards the best vertex.
            ReadOnlySpan<double> b = simplex.AsSpan(best * n, n);
            for (int i = 0; i <= n; i++)
            {
                if (i == best) continue;
                Span<double> v = simplex.AsSpan(i * n, n);
                for (int j = 0; j < n; j++) v[j] = b[j] + (0.5 * (v[j] - b[j]));
                Clamp(v, lo, hi);
                values[i] = Evaluate(f, v);
            }
        }

        Order(values, n, out int top, out _, out _);
        return new OptimizationResult(simplex.AsSpan(top * n, n).ToArray(), values[top], iterations, converged);
    }

    private static double Evaluate(Objective f, ReadOnlySpan<double> x)
    {
        double v = f(x);
        return double.IsNaN(v) ? double.PositiveInfinity : v;
    }

    /// <summary>trial = centroid + coefficient·(worst − centroid), clamped into the box.</summary>
    private static void Move(ReadOnlySpan<double> centroid, ReadOnlySpan<double> worst, double coefficient, Span<double> trial, double[] lo, double[] hi)
    {
        for (int j = 0; j < centroid.Length; j++) trial[j] = centroid[j] + (coefficient * (worst[j] - centroid[j]));
        Clamp(trial, lo, hi);
    }

    private static void Replace(Span<double> vertex, ReadOnlySpan<double> point, ref double value, double newValue)
    {
        point.CopyTo(vertex);
        value = newValue;
    }

    private static void Clamp(Span<double> v, double[] lo, double[] hi)
    {
        for (int j = 0; j < v.Length; j++) v[j] = Math.Clamp(v[j], lo[j], hi[j]);
    }

    private static void Order(double[] values, int n, out int best, out int worst, out int second)
    {
        best = 0;
        worst = 0;
        for (int i = 1; i <= n; i++)
        {
            if (values[i] < values[best]) best = i;
            if (values[i] > values[worst]) worst = i;
        }

        second = best;
        for (int i = 0; i <= n; i++)
            if (i != worst && values[i] >= values[second]) second = i;
    }
}
