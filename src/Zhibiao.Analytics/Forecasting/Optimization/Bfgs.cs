namespace Zhibiao.Analytics.Forecasting.Optimization;

/// <summary>Settings of <see cref="Bfgs"/>.</summary>
internal sealed record BfgsOptions
{
    /// <summary>Iterations (each one gradient and one line search) before giving up.</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>Stop when an iteration lowers f by less than tol·(|f| + tol).</summary>
    public double RelativeTolerance { get; init; } = 1e-8;

    /// <summary>Step h of the forward-difference gradient (f(x + h) − f(x))/h.</summary>
    public double GradientStep { get; init; } = 1e-4;

    /// <summary>Largest change of any coordinate in one line search.</summary>
    public double MaxStep { get; init; } = 2;

    /// <summary>The defaults.</summary>
    public static readonly BfgsOptions Default = new();
}

/// <summary>
/// Unconstrained quasi-Newton minimisation by BFGS (Broyden, Fletcher, Goldfarb and Shanno 1970; Nocedal and Wright,
/// Numerical Optimization, 2nd ed., Algorithm 6.1) with forward-difference gradients and a backtracking Armijo line
/// search. The inverse-Hessian approximation starts at the identity and is reset to it when it stops giving a
/// descent direction. All work arrays are allocated once per call.
/// </summary>
internal static class Bfgs
{

    /// <summary>Minimises <paramref name="f"/> from <paramref name="start"/>.</summary>
    public static OptimizationResult Minimize(Objective f, ReadOnlySpan<double> start, BfgsOptions? options = null)
    {
        options ??= BfgsOptions.Default;
        int n = start.Length;
        var x = start.ToArray();
        double fx = Evaluate(f, x);
        if (n == 0 || !double.IsFinite(fx)) return new OptimizationResult(x, fx, 0, n == 0);

        var g = new double[n];
        var gNew = new double[n];
        var xNew = new double[n];
        var direction = new double[n];
        var h = new double[n * n];
        var s = new double[n];
        var y = new double[n];
        var hy = new double[n];
        var probe = new double[n];
        Gradient(f, x, fx, g, probe, options.GradientStep);
        ResetIdentity(h, n);
        bool identity = true;
        int iteration = 0;
        bool converged = false;
        while (iteration < options.MaxIterations)
        {
            iteration++;
            double slope = 0;
            for (int i = 0; i < n; i++)
            {
                double v = 0;
                for (int j = 0; j < n; j++) v -= h[(i * n) + j] * g[j];
                direction[i] = v;
                slope += v * g[i];
            }

            if (!(slope < 0))
            {
                if (identity)
                {
                    converged = true;
                    break;
                }

                ResetIdentity(h, n);
                identity = true;
                for (int i = 0; i < n; i++) direction[i] = -g[i];
                slope = 0;
                for (int i = 0; i < n; i++) slope -= g[i] * g[i];
                if (!(slope < 0))
                {
                    converged = true;
                    break;
                }
            }

            double largest = 0;
            for (int i = 0; i < n; i++) largest = Math.Max(largest, Math.Abs(direction[i]));
            double step = largest > options.MaxStep ? options.MaxStep / largest : 1;
            double fNew = double.PositiveInfinity;
            bool accepted = false;
            while (step * largest > 1e-12)
            {
                for (int i = 0; i < n; i++) xNew[i] = x[i] + (step * direction[i]);
                fNew = Evaluate(f, xNew);
                if (fNew <= fx + (1e-4 * step * slope))
                {
                    accepted = true;
                    break;
                }

                step *= 0.2;
            }

            if (!accepted)
            {
                if (identity)
                {
                    converged = true;
                    break;
                }

                ResetIdentity(h, n);
                identity = true;
                continue;
            }

            bool small = Math.Abs(fx - fNew) <= options.RelativeTolerance * (Math.Abs(fx) + options.RelativeTolerance);
            Gradient(f, xNew, fNew, gNew, probe, options.GradientStep);
            double sy = 0;
            for (int i = 0; i < n; i++)
            {
                s[i] = xNew[i] - x[i];
                y[i] = gNew[i] - g[i];
                sy += s[i] * y[i];
            }

            Array.Copy(xNew, x, n);
            Array.Copy(gNew, g, n);
            fx = fNew;
            if (small)
            {
                converged = true;
                break;
            }

            if (sy > 1e-12)
            {
                // H ← H + (1 + y'Hy/s'y) ss'/s'y − (Hy s' + s y'H)/s'y.
                double yhy = 0;
                for (int i = 0; i < n; i++)
                {
                    double v = 0;
                    for (int j = 0; j < n; j++) v += h[(i * n) + j] * y[j];
                    hy[i] = v;
                    yhy += y[i] * v;
                }

                double factor = (1 + (yhy / sy)) / sy;
                for (int i = 0; i < n; i++)
                    for (int j = 0; j < n; j++)
                        h[(i * n) + j] += (factor * s[i] * s[j]) - (((hy[i] * s[j]) + (s[i] * hy[j])) / sy);
                identity = false;
            }
        }

        return new OptimizationResult(x, fx, iteration, converged);
    }

    private static void ResetIdentity(double[] h, int n)
    {
        Array.Clear(h);
        for (int i = 0; i < n; i++) h[(i * n) + i] = 1;
    }

    private static double Evaluate(Objective f, ReadOnlySpan<double> x)
    {
        double v = f(x);
        return double.IsNaN(v) ? double.PositiveInfinity : v;
    }

    /// <summary>Forward differences (f(x + heᵢ) − f(x))/h; backward where the forward point is not finite.</summary>
    private static void Gradient(Objective f, double[] x, double fx, double[] g, double[] probe, double step)
    {
        int n = x.Length;
        Array.Copy(x, probe, n);
        for (int i = 0; i < n; i++)
        {
            double xi = x[i];
            probe[i] = xi + step;
            double up = Evaluate(f, probe);
            if (double.IsFinite(up))
            {
                probe[i] = xi;
                g[i] = (up - fx) / step;
                continue;
            }

            probe[i] = xi - step;
            double down = Evaluate(f, probe);
            probe[i] = xi;
            g[i] = double.IsFinite(down) ? (fx - down) / step : 0;
        }
    }
}
