using System.Runtime.CompilerServices;
using Zhibiao.Analytics.Forecasting.Optimization;

namespace Zhibiao.Analytics.Forecasting.Ets;

internal sealed partial class EtsEstimator
{
    // ---------------------------------------------------------------------------------------------------------
    // Linear models: states profiled out.

    private EtsCandidate? FitLinear(EtsModel model, EtsParameterLayout layout, int k)
    {
        Span<double> start = stackalloc double[layout.Count];
        layout.Start(start, _m);
        _warmValid = false;
        GridStart(start, x => LinearLik(model, layout, x));
        OptimizationResult best = layout.Count == 0
            ? new OptimizationResult([], LinearLik(model, layout, start), 0, true)
            : NelderMead.Minimize(x => LinearLik(model, layout, x), start, layout.Lower, layout.Upper, Simplex);
        if (!double.IsFinite(best.Value)) return null;

        // Re-evaluate at the optimum to recover the profiled states.
        double lik = LinearLik(model, layout, best.Point);
        if (!double.IsFinite(lik)) return null;
        EtsParameters p = layout.Map(best.Point);
        int seasonLength = model.HasSeason ? _m : 1;
        double[] states = new double[2 + seasonLength];
        ReadOnlySpan<double> guess = Guess(model);
        int free = FreeStates(model, seasonLength);
        ExpandStates(model, seasonLength, guess, _theta.AsSpan(0, free), states);
        return new EtsCandidate(model, p, states, seasonLength) { Lik = lik, K = k, Count = Observed };
    }

    /// <summary>
    /// Replaces <paramref name="start"/> by the best point of a coarse grid over the unit cube when that is better:
    /// the profiled likelihood is cheap and often has several local minima (e.g. β small or β = α), and the simplex
    /// finds the one whose basin it starts in.
    /// </summary>
    private static void GridStart(Span<double> start, Objective f)
    {
        int dim = start.Length;
        if (dim == 0) return;
        ReadOnlySpan<double> levels = [0.05, 0.35, 0.65, 0.95];
        Span<double> point = stackalloc double[dim];
        double best = f(start);
        if (double.IsNaN(best)) best = double.PositiveInfinity;
        int total = 1;
        for (int i = 0; i < dim; i++) total *= levels.Length;
        for (int c = 0; c < total; c++)
        {
            int rest = c;
            for (int i = 0; i < dim; i++)
            {
                point[i] = levels[rest % levels.Length];
                rest /= levels.Length;
            }

            double v = f(point);
            if (v < best)
            {
                best = v;
                point.CopyTo(start);
            }
        }
    }

    /// <summary>The profiled likelihood of a linear model at parameter point <paramref name="x"/>; +∞ outside the region.</summary>
    private double LinearLik(EtsModel model, in EtsParameterLayout layout, ReadOnlySpan<double> x)
    {
        EtsParameters p = layout.Map(x);
        if (!Admissible(model, p)) return double.PositiveInfinity;
        int seasonLength = model.HasSeason ? _m : 1;
        int free = FreeStates(model, seasonLength);
        Responses(model, p, seasonLength, free);
        Span<double> theta = _theta.AsSpan(0, free);
        double rr = Normal(free);
        if (!EtsLinearAlgebra.SolveNormalEquations(_gram, _rhs, free, theta)) return double.PositiveInfinity;
        double sse = rr;
        for (int i = 0; i < free; i++) sse += theta[i] * _rhs[i];
        if (!(sse > 1e-8 * rr)) sse = ExplicitSse(free, theta);
        if (model.Error == EtsError.Additive)
            return Observed * Math.Log(Math.Max(sse, _floor));
        return MultiplicativeProfile(free, theta);
    }

    /// <summary>
    /// Runs the recursion of copy 0 (the data, from the guessed states) and of one copy per free state (zero data,
    /// unit state) and stores the errors: r in <c>_r</c>, the responses column-wise in <c>_cols</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Responses(EtsModel model, in EtsParameters p, int seasonLength, int free)
    {
        ReadOnlySpan<double> y = _y;
        int n = _n;
        ReadOnlySpan<double> guess = Guess(model);
        double alpha = p.Alpha, beta = p.Beta, phi = p.Phi;
        if (!model.HasSeason)
        {
            Span<double> r = _r.AsSpan(0, n);
            Span<double> ul = _cols.AsSpan(0, n);
            if (!model.HasTrend)
            {
                double l0 = guess[0], l1 = 1;
                for (int t = 0; t < n; t++)
                {
                    double yt = y[t];
                    if (double.IsNaN(yt))
                    {
                        r[t] = 0;
                        ul[t] = 0;
                        continue;
                    }

                    double u0 = yt - l0, u1 = -l1;
                    r[t] = u0;
                    ul[t] = u1;
                    l0 += alpha * u0;
                    l1 += alpha * u1;
                }

                return;
            }

            Span<double> ub = _cols.AsSpan(n, n);
            double la = guess[0], ba = guess[1], lb = 1, bb = 0, lc = 0, bc = 1;
            for (int t = 0; t < n; t++)
            {
                double ta = la + (phi * ba), tb = lb + (phi * bb), tc = lc + (phi * bc);
                double yt = y[t];
                if (double.IsNaN(yt))
                {
                    r[t] = 0;
                    ul[t] = 0;
                    ub[t] = 0;
                    la = ta;
                    lb = tb;
                    lc = tc;
                    ba *= phi;
                    bb *= phi;
                    bc *= phi;
                    continue;
                }

                double ua = yt - ta, ub1 = -tb, uc = -tc;
                r[t] = ua;
                ul[t] = ub1;
                ub[t] = uc;
                la = ta + (alpha * ua);
                lb = tb + (alpha * ub1);
                lc = tc + (alpha * uc);
                ba = (phi * ba) + (beta * ua);
                bb = (phi * bb) + (beta * ub1);
                bc = (phi * bc) + (beta * uc);
            }

            return;
        }

        // Seasonal (additive season): one pass per copy.
        int m = seasonLength;
        Span<double> ring = _ring.AsSpan(0, m);
        for (int c = 0; c <= free; c++)
        {
            double l, b;
            if (c == 0)
            {
                l = guess[0];
                b = guess[1];
                guess.Slice(2, m).CopyTo(ring);
            }
            else
            {
                ring.Clear();
                l = c == 1 ? 1 : 0;
                b = model.HasTrend && c == 2 ? 1 : 0;
                int si = c - (model.HasTrend ? 2 : 1);
                if (si >= 1)
                {
                    ring[si] = 1;
                    ring[0] = -1;
                }
            }

            Span<double> dest = c == 0 ? _r.AsSpan(0, n) : _cols.AsSpan((c - 1) * n, n);
            bool data = c == 0;
            double gamma = p.Gamma;
            bool trend = model.HasTrend;
            int j = 0;
            for (int t = 0; t < n; t++)
            {
                double tr = trend ? l + (phi * b) : l;
                double s = ring[j];
                double yt = y[t];
                double u;
                if (double.IsNaN(yt))
                {
                    u = 0;
                }
                else
                {
                    u = (data ? yt : 0) - (tr + s);
                }

                dest[t] = u;
                l = tr + (alpha * u);
                if (trend) b = (phi * b) + (beta * u);
                ring[j] = s + (gamma * u);
                if (++j == m) j = 0;
            }
        }
    }

    /// <summary>Forms G = U′U and <c>_rhs</c> = U′r; returns r′r.</summary>
    private double Normal(int free)
    {
        int n = _n;
        ReadOnlySpan<double> r = _r.AsSpan(0, n);
        double rr = 0;
        for (int t = 0; t < n; t++) rr += r[t] * r[t];
        for (int a = 0; a < free; a++)
        {
            ReadOnlySpan<double> ua = _cols.AsSpan(a * n, n);
            double cr = 0;
            for (int t = 0; t < n; t++) cr += ua[t] * r[t];
            _rhs[a] = cr;
            for (int b = 0; b <= a; b++)
            {
                ReadOnlySpan<double> ub = _cols.AsSpan(b * n, n);
                double g = 0;
                for (int t = 0; t < n; t++) g += ua[t] * ub[t];
                _gram[(a * free) + b] = g;
                _gram[(b * free) + a] = g;
            }
        }

        return rr;
    }

    private double ExplicitSse(int free, ReadOnlySpan<double> theta)
    {
        int n = _n;
        double sse = 0;
        for (int t = 0; t < n; t++)
        {
            double e = _r[t];
            for (int a = 0; a < free; a++) e += _cols[(a * n) + t] * theta[a];
            sse += e * e;
        }

        return sse;
    }
}
