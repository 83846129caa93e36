using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Zhibiao.Analytics.Forecasting.Optimization;

/// <summary>The variant of the simplex search.</summary>
internal enum NelderMeadVariant
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
internal sealed record NelderMeadOptions
{
    /// <summary>Iterations before giving up (each costs one to n + 1 evaluations); for <see cref="NelderMeadVariant.Nash"/>, function evaluations.</summary>
    public int MaxIterations { get; init; } = 2000;

    /// <summary>Stop when the simplex's function values differ by less than this, relatively: |f_worst − f_best| ≤ tol·(|f_best| + tol) (Nash: relative to the starting value).</summary>
    public double Tolerance { get; init; } = 1e-8;

    /// <summary>Initial simplex edge as a fraction of each parameter's range (upper − lower); 0.1 by default (Nash: of the largest |x_i|).</summary>
    public double InitialStep { get; init; } = 0.1;

    /// <summary>The algorithm variant.</summary>
    public NelderMeadVariant Variant { get; init; } = NelderMeadVariant.Clamped;

    /// <summary>The defaults.</summary>
    public static readonly NelderMeadOptions Default = new();
}

/// <summary>The minimum found: the point, its value, and how the search ended.</summary>
/// <param name="Point">The best point.</param>
/// <param name="Value">The objective at it.</param>
/// <param name="Iterations">Iterations used.</param>
/// <param name="Converged">Whether the tolerance was met before the iteration limit.</param>
/// <param name="Evaluations">Function evaluations used (0 when not counted).</param>
internal readonly record struct OptimizationResult(double[] Point, double Value, int Iterations, bool Converged, int Evaluations = 0);

/// <summary>The objective of a minimisation: a function of the parameter vector.</summary>
internal delegate double Objective(ReadOnlySpan<double> x);

/// <summary>
/// An objective evaluated at several points at once: with k = values.Length points, coordinate i of point j is
/// points[i·k + j] (coordinate-major, so each coordinate of all points is contiguous); the values go into
/// <paramref name="values"/>.
/// </summary>
internal delegate void BatchObjective(ReadOnlySpan<double> points, Span<double> values);

/// <summary>An objective evaluated at several points at once, as a type (a struct lets the optimiser be specialised for it).</summary>
internal interface IBatchObjective
{
    /// <summary>Writes the values of k = values.Length points, coordinate i of point j at points[i·k + j].</summary>
    void Evaluate(ReadOnlySpan<double> points, Span<double> values);
}

/// <summary>
/// Bounded Nelder–Mead simplex minimisation (Nelder and Mead, Computer Journal 1965; coefficients reflection 1,
/// expansion 2, contraction 0.5, shrink 0.5). Bounds are kept by clamping every trial point into the box, as the
/// optimisers of ETS implementations do; an objective may return +∞ for points outside its admissible region.
/// All work arrays are allocated once per call.
/// </summary>
internal static class NelderMead
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

    /// <summary>
    /// Minimises a batch objective. With Nash's variant (<see cref="NelderMeadVariant.Nash"/>) the points an
    /// iteration may need — reflection, expansion and both contractions — are evaluated in one call, so an objective
    /// that computes several points at once (e.g. in SIMD lanes) pays for one; the path and the result are those of
    /// the one-point algorithm, since the extra points only answer questions it would ask next.
    /// </summary>
    /// <exception cref="ArgumentException">The vectors differ in length or a lower bound exceeds its upper bound.</exception>
    public static OptimizationResult Minimize(BatchObjective f, ReadOnlySpan<double> start, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper, NelderMeadOptions? options = null) =>
        Minimize(new DelegateBatch(f), start, lower, upper, options);

    /// <summary>
    /// <see cref="Minimize(BatchObjective, ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, NelderMeadOptions?)"/>
    /// for an objective type, which the compiler specialises (no delegate call per evaluation when it is a struct).
    /// </summary>
    /// <exception cref="ArgumentException">The vectors differ in length or a lower bound exceeds its upper bound.</exception>
    public static OptimizationResult Minimize<TObjective>(TObjective f, ReadOnlySpan<double> start, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper, NelderMeadOptions? options = null)
        where TObjective : IBatchObjective
    {
        options ??= NelderMeadOptions.Default;
        int n = start.Length;
        if (lower.Length != n || upper.Length != n) throw new ArgumentException("start and bounds must have the same length", nameof(lower));
        for (int j = 0; j < n; j++)
            if (lower[j] > upper[j]) throw new ArgumentException($"lower bound {lower[j]} exceeds upper bound {upper[j]} at {j}", nameof(lower));
        var evaluator = new Evaluator<TObjective>(f, speculate: true, lower, upper);
        if (n == 0) return new OptimizationResult([], evaluator.One([]), 0, true, 1);
        if (options.Variant == NelderMeadVariant.Nash) return Nash(ref evaluator, start, options);
        return Minimize(x => evaluator.One(x), start, lower, upper, options);
    }

    /// <summary>Nash's Algorithm 19 (see <see cref="NelderMeadVariant.Nash"/>) for a one-point objective.</summary>
    private static OptimizationResult Nash(Objective f, ReadOnlySpan<double> start, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper, NelderMeadOptions options)
    {
        var evaluator = new Evaluator<DelegateOne>(new DelegateOne(f), speculate: false, lower, upper);
        return Nash(ref evaluator, start, options);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static OptimizationResult Nash<T>(ref Evaluator<T> ev, ReadOnlySpan<double> start, NelderMeadOptions options)
        where T : IBatchObjective
    {
        int n = start.Length;
        int n1 = n + 1;
        var b = start.ToArray();
        double fStart = ev.One(b);
        if (!(fStart < Big)) return new OptimizationResult(b, double.PositiveInfinity, 0, false, ev.Count);

        // p holds vertex j at [j·n, (j + 1)·n) for j ≤ n, then the centroid; v their values. q holds the trial points
        // (reflection, expansion, outside and inside contraction), their values in qv (NaN until evaluated).
        var p = new double[(n1 + 1) * n];
        var v = new double[n1 + 1];
        var q = new double[4 * n];
        var qv = new double[4];
        double tol = options.Tolerance * (Math.Abs(fStart) + options.Tolerance);
        b.CopyTo(p, 0);
        v[0] = fStart;
        double step = 0;
        for (int i = 0; i < n; i++) step = Math.Max(step, options.InitialStep * Math.Abs(b[i]));
        if (step == 0) step = options.InitialStep;
        double size = 0;
        for (int j = 1; j < n1; j++)
        {
            Array.Copy(b, 0, p, j * n, n);
            int at = (j * n) + j - 1;
            double trystep = step;
            while (p[at] == b[j - 1])
            {
                p[at] = b[j - 1] + trystep;
                trystep *= 10;
            }

            size += trystep;
        }

        double oldSize = size;
        bool calculate = true;
        int low = 0;
        int iterations = 0;
        bool converged = false;
        int c = n1 * n;
        while (true)
        {
            if (calculate)
            {
                ev.AllBut(p, v, n, n1, low);
                calculate = false;
            }

            // Lowest and highest vertex; the first of equal values wins (comparing the old lowest with itself changes
            // nothing). Branch-free: which vertex wins is data-dependent and would defeat branch prediction.
            double vl = v[low], vh = vl;
            int high = low;
            for (int j = 0; j < n1; j++)
            {
                double fj = v[j];
                long lower = -(long)(fj < vl ? 1 : 0), higher = -(long)(fj > vh ? 1 : 0);
                low += (int)((j - low) & lower);
                high += (int)((j - high) & higher);
                vl = Math.Min(vl, fj);
                vh = Math.Max(vh, fj);
            }

            if (vh <= vl + tol)
            {
                converged = true;
                break;
            }

            if (ev.Count > options.MaxIterations) break;
            iterations++;
            int h = high * n;
            for (int i = 0; i < n; i++)
            {
                double sum = -p[h + i];
                for (int j = 0; j < n1; j++) sum += p[(j * n) + i];
                double centroid = sum / n;
                p[c + i] = centroid;
                double r = (2 * centroid) - p[h + i];
                q[4 * i] = r;
                q[(4 * i) + 1] = (2 * r) - centroid;
                q[(4 * i) + 2] = (0.5 * r) + (0.5 * centroid);
                q[(4 * i) + 3] = (0.5 * p[h + i]) + (0.5 * centroid);
            }

            if (ev.Speculates) ev.Trials(q, qv, n);
            else qv[0] = qv[1] = qv[2] = qv[3] = double.NaN;
            double vr = ev.Trial(q, qv, 0, n);
            if (vr < vl)
            {
                double ve = ev.Trial(q, qv, 1, n);
                TakeTrial(q, ve < vr ? 1 : 0, p, h, n);
                v[high] = ve < vr ? ve : vr;
                continue;
            }

            bool replaced = vr < vh;
            if (replaced)
            {
                TakeTrial(q, 0, p, h, n);
                v[high] = vr;
            }

            int which = replaced ? 2 : 3;
            double vc = ev.Trial(q, qv, which, n);
            if (vc < v[high])
            {
                TakeTrial(q, which, p, h, n);
                v[high] = vc;
                continue;
            }

            if (vr < vh) continue;

            // Shrink towards the lowest vertex; stop when that no longer reduces the simplex.
            calculate = true;
            size = 0;
            int l = low * n;
            for (int j = 0; j < n1; j++)
            {
                if (j == low) continue;
                for (int i = 0; i < n; i++)
                {
                    int at = (j * n) + i;
                    p[at] = (0.5 * (p[at] - p[l + i])) + p[l + i];
                    size += Math.Abs(p[at] - p[l + i]);
                }
            }

            if (size >= oldSize) break;
            oldSize = size;
        }

        return new OptimizationResult(p.AsSpan(low * n, n).ToArray(), v[low] >= Big ? double.PositiveInfinity : v[low], iterations, converged, ev.Count);
    }

    /// <summary>Copies trial point <paramref name="which"/> (coordinate-major, four points) into the vertex at <paramref name="at"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void TakeTrial(double[] q, int which, double[] p, int at, int n)
    {
        for (int i = 0; i < n; i++) p[at + i] = q[(4 * i) + which];
    }

    /// <summary>A batch objective from a delegate.</summary>
    private readonly struct DelegateBatch(BatchObjective f) : IBatchObjective
    {
        public void Evaluate(ReadOnlySpan<double> points, Span<double> values) => f(points, values);
    }

    /// <summary>A batch objective from a one-point delegate (evaluated point by point).</summary>
    private readonly struct DelegateOne(Objective f) : IBatchObjective
    {
        public void Evaluate(ReadOnlySpan<double> points, Span<double> values)
        {
            int k = values.Length;
            int n = points.Length / k;
            Span<double> x = n <= 64 ? stackalloc double[n] : new double[n];
            for (int j = 0; j < k; j++)
            {
                for (int i = 0; i < n; i++) x[i] = points[(i * k) + j];
                values[j] = f(x);
            }
        }
    }

    /// <summary>
    /// Evaluates points for Nash's simplex: a point outside the bounds, or whose value is not finite, is Big; when
    /// speculating, the four trial points of an iteration are evaluated in one call. <see cref="Count"/> counts the
    /// evaluations the one-point algorithm makes.
    /// </summary>
    private struct Evaluator<T>
        where T : IBatchObjective
    {
        private readonly T _f;
        private readonly bool _speculate;
        private readonly double[] _lo, _hi;
        private double[] _soa;

        public Evaluator(T f, bool speculate, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper)
        {
            _soa = [];
            _f = f;
            _speculate = speculate;
            _lo = lower.ToArray();
            _hi = upper.ToArray();
            Count = 0;
        }

        /// <summary>Evaluations made, as the one-point algorithm counts them.</summary>
        public int Count { get; private set; }

        public double One(ReadOnlySpan<double> x)
        {
            Count++;
            if (!Inside(x)) return Big;
            Span<double> v = stackalloc double[1];
            _f.Evaluate(x, v);
            return v[0] < Big ? v[0] : Big;
        }

        /// <summary>The value of trial point <paramref name="which"/> of four (coordinate-major): already there when speculating (<see cref="Trials"/>), else evaluated now.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double Trial(double[] points, double[] values, int which, int n)
        {
            if (_speculate)
            {
                Count++;
                return values[which];
            }

            if (!double.IsNaN(values[which])) return values[which];
            Span<double> x = n <= 64 ? stackalloc double[n] : new double[n];
            for (int i = 0; i < n; i++) x[i] = points[(4 * i) + which];
            return values[which] = One(x);
        }

        /// <summary>Whether the four trial points of an iteration are evaluated together (before any is asked for).</summary>
        public readonly bool Speculates => _speculate;

        /// <summary>Evaluates the four trial points (coordinate-major) in one call; outside the bounds is Big.</summary>
        public readonly void Trials(double[] points, double[] values, int n)
        {
            _f.Evaluate(points.AsSpan(0, 4 * n), values.AsSpan(0, 4));
            Vector256<double> inside = Vector256<double>.AllBitsSet;
            for (int i = 0; i < n; i++)
            {
                Vector256<double> x = Vector256.Create<double>(points.AsSpan(4 * i, 4));
                inside &= Vector256.GreaterThanOrEqual(x, Vector256.Create(_lo[i])) & Vector256.LessThanOrEqual(x, Vector256.Create(_hi[i]));
            }

            Vector256<double> big = Vector256.Create(Big);
            Vector256<double> value = Vector256.Create<double>(values.AsSpan(0, 4));
            Vector256.ConditionalSelect(inside & Vector256.LessThan(value, big), value, big).CopyTo(values.AsSpan(0, 4));
        }

        /// <summary>Evaluates every vertex (row-major) but <paramref name="skip"/> into <paramref name="values"/>.</summary>
        public void AllBut(double[] vertices, double[] values, int n, int count, int skip)
        {
            if (!_speculate)
            {
                for (int j = 0; j < count; j++)
                    if (j != skip) values[j] = One(vertices.AsSpan(j * n, n));
                return;
            }

            Count += count - 1;
            double kept = values[skip];
            if (_soa.Length < count * n) _soa = new double[count * n];
            double[] soa = _soa;
            for (int j = 0; j < count; j++)
                for (int i = 0; i < n; i++) soa[(i * count) + j] = vertices[(j * n) + i];
            _f.Evaluate(soa.AsSpan(0, count * n), values.AsSpan(0, count));
            for (int j = 0; j < count; j++)
                if (!(values[j] < Big) || !Inside(vertices.AsSpan(j * n, n))) values[j] = Big;
            values[skip] = kept;
        }

        private readonly bool Inside(ReadOnlySpan<double> x)
        {
            for (int i = 0; i < x.Length; i++)
                if (!(x[i] >= _lo[i] && x[i] <= _hi[i])) return false;
            return true;
        }
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
