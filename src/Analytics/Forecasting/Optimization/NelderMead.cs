namespace Analytics.Forecasting.Optimization;

/// <summary>The variant of the simplex search.</summary>
public enum NelderMeadVariant
{
    /// <summary>
    /// Trial points are clamped into the box; the initial simplex steps each coordinate by a fraction of its range;
    /// convergence is relative to the best value.
    /// </summary>
    Clamped,

    /// <summary>
    /// Nash's algorithm (Compact Numerical Methods for Computers, 2nd ed. 1990, Algorithm 19), the one behind R's
    /// optim(method = "Nelder-Mead"): one initial step for every coordinate, 10% of the largest |x_i| (0.1 when all
    /// are 0); reflection 1, expansion 2, contraction and shrink 0.5; a point outside the bounds is valued +∞ instead
    /// of being moved; stop when f_worst ≤ f_best + tol·(|f_start| + tol), when a shrink no longer reduces the
    /// simplex, or after <see cref="NelderMeadOptions.MaxIterations"/> function evaluations.
    /// </summary>
    Nash,
}

/// <summary>Settings of <see cref="NelderMead"/>.</summary>
/// <param name="MaxIterations">Iterations before giving up (each costs one to n + 1 evaluations); for <see cref="NelderMeadVariant.Nash"/>, function evaluations.</param>
/// <param name="Tolerance">Stop when the simplex's function values differ by less than this, relatively: |f_worst − f_best| ≤ tol·(|f_best| + tol) (Nash: relative to the starting value).</param>
/// <param name="InitialStep">Initial simplex edge as a fraction of each parameter's range (upper − lower); 0.1 by default (Nash: of the largest |x_i|).</param>
/// <param name="Variant">The algorithm variant.</param>
public sealed record NelderMeadOptions(int MaxIterations = 2000, double Tolerance = 1e-8, double InitialStep = 0.1, NelderMeadVariant Variant = NelderMeadVariant.Clamped)
{
    /// <summary>The defaults.</summary>
    public static readonly NelderMeadOptions Default = new();
}

/// <summary>The minimum found: the point, its value, and how the search ended.</summary>
/// <param name="Point">The best point.</param>
/// <param name="Value">The objective at it.</param>
/// <param name="Iterations">Iterations used.</param>
/// <param name="Converged">Whether the tolerance was met before the iteration limit.</param>
/// <param name="Evaluations">Function evaluations used (0 when not counted).</param>
public readonly record struct OptimizationResult(double[] Point, double Value, int Iterations, bool Converged, int Evaluations = 0);

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

        if (n == 0) return new OptimizationResult([], f([]), 0, true, 1);
        if (options.Variant == NelderMeadVariant.Nash) return Nash(f, start, lower, upper, options);

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

    /// <summary>Value given to points outside the bounds or where the objective is not finite (Nash's "big").</summary>
    private const double Big = 1.0e35;

    /// <summary>Nash's Algorithm 19 (see <see cref="NelderMeadVariant.Nash"/>).</summary>
    private static OptimizationResult Nash(Objective f, ReadOnlySpan<double> start, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper, NelderMeadOptions options)
    {
        int n = start.Length;
        int n1 = n + 1;
        var lo = lower.ToArray();
        var hi = upper.ToArray();
        var b = start.ToArray();
        double fStart = Inside(b, lo, hi) ? f(b) : double.PositiveInfinity;
        int evaluations = 1;
        if (!double.IsFinite(fStart)) return new OptimizationResult(b, double.PositiveInfinity, 0, false, evaluations);

        // p[j] is vertex j (n + 1 vertices, then the centroid slot), values in v.
        var p = new double[(n1 + 1) * n];
        var v = new double[n1 + 1];
        double tol = options.Tolerance * (Math.Abs(fStart) + options.Tolerance);
        b.CopyTo(p, 0);
        v[0] = fStart;
        double step = 0;
        for (int i = 0; i < n; i++) step = Math.Max(step, options.InitialStep * Math.Abs(b[i]));
        if (step == 0) step = options.InitialStep;
        double size = 0;
        for (int j = 1; j < n1; j++)
        {
            Span<double> vertex = p.AsSpan(j * n, n);
            b.CopyTo(vertex);
            double trystep = step;
            while (vertex[j - 1] == b[j - 1])
            {
                vertex[j - 1] = b[j - 1] + trystep;
                trystep *= 10;
            }

            size += trystep;
        }

        double oldSize = size;
        bool calculate = true;
        int low = 0;
        int iterations = 0;
        bool converged = false;
        int c = n1;
        while (true)
        {
            if (calculate)
            {
                for (int j = 0; j < n1; j++)
                {
                    if (j == low) continue;
                    v[j] = Value(f, p.AsSpan(j * n, n), lo, hi);
                    evaluations++;
                }

                calculate = false;
            }

            double vl = v[low], vh = vl;
            int high = low;
            for (int j = 0; j < n1; j++)
            {
                if (j == low) continue;
                double fj = v[j];
                if (fj < vl)
                {
                    low = j;
                    vl = fj;
                }

                if (fj > vh)
                {
                    high = j;
                    vh = fj;
                }
            }

            if (vh <= vl + tol)
            {
                converged = true;
                break;
            }

            if (evaluations > options.MaxIterations) break;
            iterations++;
            Span<double> centroid = p.AsSpan(c * n, n);
            ReadOnlySpan<double> worst = p.AsSpan(high * n, n);
            for (int i = 0; i < n; i++)
            {
                double sum = -worst[i];
                for (int j = 0; j < n1; j++) sum += p[(j * n) + i];
                centroid[i] = sum / n;
            }

            for (int i = 0; i < n; i++) b[i] = (2 * centroid[i]) - worst[i];
            double vr = Value(f, b, lo, hi);
            evaluations++;
            if (vr < vl)
            {
                // Expansion: the centroid slot keeps the reflected point, b the expanded one.
                v[c] = vr;
                for (int i = 0; i < n; i++)
                {
                    double e = (2 * b[i]) - centroid[i];
                    centroid[i] = b[i];
                    b[i] = e;
                }

                double ve = Value(f, b, lo, hi);
                evaluations++;
                Span<double> h = p.AsSpan(high * n, n);
                if (ve < vr)
                {
                    b.CopyTo(h);
                    v[high] = ve;
                }
                else
                {
                    centroid.CopyTo(h);
                    v[high] = vr;
                }
            }
            else
            {
                Span<double> h = p.AsSpan(high * n, n);
                if (vr < vh)
                {
                    b.CopyTo(h);
                    v[high] = vr;
                }

                for (int i = 0; i < n; i++) b[i] = (0.5 * h[i]) + (0.5 * centroid[i]);
                double vc = Value(f, b, lo, hi);
                evaluations++;
                if (vc < v[high])
                {
                    b.CopyTo(h);
                    v[high] = vc;
                }
                else if (vr >= vh)
                {
                    // Shrink towards the lowest vertex.
                    calculate = true;
                    size = 0;
                    ReadOnlySpan<double> l = p.AsSpan(low * n, n);
                    for (int j = 0; j < n1; j++)
                    {
                        if (j == low) continue;
                        Span<double> vertex = p.AsSpan(j * n, n);
                        for (int i = 0; i < n; i++)
                        {
                            vertex[i] = (0.5 * (vertex[i] - l[i])) + l[i];
                            size += Math.Abs(vertex[i] - l[i]);
                        }
                    }

                    if (size < oldSize)
                    {
                        oldSize = size;
                    }
                    else
                    {
                        break;
                    }
                }
            }
        }

        return new OptimizationResult(p.AsSpan(low * n, n).ToArray(), v[low] >= Big ? double.PositiveInfinity : v[low], iterations, converged, evaluations);
    }

    private static double Value(Objective f, ReadOnlySpan<double> x, double[] lo, double[] hi)
    {
        if (!Inside(x, lo, hi)) return Big;
        double v = f(x);
        return double.IsFinite(v) ? v : Big;
    }

    private static bool Inside(ReadOnlySpan<double> x, double[] lo, double[] hi)
    {
        for (int i = 0; i < x.Length; i++)
            if (!(x[i] >= lo[i] && x[i] <= hi[i])) return false;
        return true;
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
