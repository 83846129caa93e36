namespace Zhibiao.Analytics.Forecasting.Optimization;

/// <summary>A function of one variable to minimise; a struct implementing it, passed by reference, lets the minimiser run without allocating.</summary>
internal interface IScalarObjective
{
    /// <summary>The objective at <paramref name="x"/>.</summary>
    double Evaluate(double x);
}

/// <summary>The minimum found on an interval.</summary>
/// <param name="X">The best point.</param>
/// <param name="Value">The objective there.</param>
/// <param name="Evaluations">How many times the objective was evaluated.</param>
internal readonly record struct ScalarMinimum(double X, double Value, int Evaluations);

/// <summary>
/// Brent's minimisation of a function of one variable on an interval without derivatives: golden-section steps,
/// replaced by parabolic interpolation when it is trustworthy (R. P. Brent, Algorithms for Minimization without
/// Derivatives, 1973, ch. 5). It finds a local minimum; <see cref="MinimizeOnGrid"/> first scans a grid so the search
/// starts in the basin of the best grid point.
/// </summary>
internal static class Brent
{
    private static readonly double GoldenSection = (3 - Math.Sqrt(5)) / 2;
    /// <summary>√ of the machine epsilon 2⁻⁵²: the relative part of the tolerance in x.</summary>
    private const double RelativeTolerance = 1.4901161193847656e-8;

    /// <summary>Minimises <paramref name="f"/> on [lower, upper] to an absolute tolerance in x of about <paramref name="tolerance"/>.</summary>
    /// <exception cref="ArgumentException">lower exceeds upper.</exception>
    public static ScalarMinimum Minimize<T>(ref T f, double lower, double upper, double tolerance = 1e-7)
        where T : struct, IScalarObjective
    {
        if (lower > upper) throw new ArgumentException($"lower bound {lower} exceeds upper bound {upper}", nameof(lower));
        double a = lower, b = upper;
        double x = a + (GoldenSection * (b - a)), w = x, v = x;
        double fx = Evaluate(ref f, x), fw = fx, fv = fx;
        double d = 0, e = 0;
        int evaluations = 1;
        while (evaluations < 200)
        {
            double middle = 0.5 * (a + b);
            double tol1 = (RelativeTolerance * Math.Abs(x)) + tolerance, tol2 = 2 * tol1;
            if (Math.Abs(x - middle) <= tol2 - (0.5 * (b - a))) break;

            bool golden = true;
            if (Math.Abs(e) > tol1)
            {
                // Parabola through (v, fv), (w, fw), (x, fx); its vertex is x + p/q.
                double r = (x - w) * (fx - fv);
                double q = (x - v) * (fx - fw);
                double p = ((x - v) * q) - ((x - w) * r);
                q = 2 * (q - r);
                if (q > 0) p = -p;
                else q = -q;
                double previous = e;
                e = d;
                if (Math.Abs(p) < Math.Abs(0.5 * q * previous) && p > q * (a - x) && p < q * (b - x))
                {
                    d = p / q;
                    double trial = x + d;
                    if (trial - a < tol2 || b - trial < tol2) d = x < middle ? tol1 : -tol1;
                    golden = false;
                }
            }

            if (golden)
            {
                e = (x < middle ? b : a) - x;
                d = GoldenSection * e;
            }

            double u = x + (Math.Abs(d) >= tol1 ? d : (d > 0 ? tol1 : -tol1));
            double fu = Evaluate(ref f, u);
            evaluations++;
            if (fu <= fx)
            {
                if (u < x) b = x;
                else a = x;
                (v, fv, w, fw, x, fx) = (w, fw, x, fx, u, fu);
            }
            else
            {
                if (u < x) a = u;
                else b = u;
                if (fu <= fw || w == x)
                {
                    (v, fv, w, fw) = (w, fw, u, fu);
                }
                else if (fu <= fv || v == x || v == w)
                {
                    (v, fv) = (u, fu);
                }
            }
        }

        return new ScalarMinimum(x, fx, evaluations);
    }

    /// <summary>
    /// Evaluates <paramref name="f"/> on <paramref name="points"/> equally spaced points from lower to upper (both
    /// included), then runs <see cref="Minimize"/> between the neighbours of the best one; returns the better of the
    /// two results. This guards against a local minimum far from the global one.
    /// </summary>
    /// <exception cref="ArgumentException">lower exceeds upper, or fewer than 2 points.</exception>
    public static ScalarMinimum MinimizeOnGrid<T>(ref T f, double lower, double upper, int points, double tolerance = 1e-7)
        where T : struct, IScalarObjective
    {
        if (points < 2) throw new ArgumentException("a grid needs at least 2 points", nameof(points));
        if (lower > upper) throw new ArgumentException($"lower bound {lower} exceeds upper bound {upper}", nameof(lower));
        double step = (upper - lower) / (points - 1);
        int best = 0;
        double bestValue = double.PositiveInfinity;
        for (int i = 0; i < points; i++)
        {
            double value = Evaluate(ref f, i == points - 1 ? upper : lower + (i * step));
            if (value < bestValue)
            {
                bestValue = value;
                best = i;
            }
        }

        double bestX = best == points - 1 ? upper : lower + (best * step);
        double lo = Math.Max(lower, bestX - step), hi = Math.Min(upper, bestX + step);
        ScalarMinimum local = Minimize(ref f, lo, hi, tolerance);
        int evaluations = points + local.Evaluations;
        return local.Value <= bestValue
            ? local with { Evaluations = evaluations }
            : new ScalarMinimum(bestX, bestValue, evaluations);
    }

    private static double Evaluate<T>(ref T f, double x)
        where T : struct, IScalarObjective
    {
        double value = f.Evaluate(x);
        return double.IsNaN(value) ? double.PositiveInfinity : value;
    }
}
