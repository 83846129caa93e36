namespace Zhibiao.Analytics.Forecasting.Ets;

internal sealed partial class EtsEstimator
{
    /// <summary>
    /// Multiplicative error with linear forecasts: minimises g(θ) = n log Σq² + 2Σ log μ over the initial states,
    /// with e = r + Uθ, μ = y − e, q = e/μ, by Gauss–Newton steps (∂q/∂θ = U y/μ²) with step halving, from the
    /// previous optimum when it is feasible, else from the least-squares states in <paramref name="theta"/>.
    /// </summary>
    private double MultiplicativeProfile(int free, Span<double> theta)
    {
        double current = MultiplicativeLik(free, theta);
        if (_warmValid)
        {
            ReadOnlySpan<double> warm = _warm.AsSpan(0, free);
            double fromWarm = MultiplicativeLik(free, warm);
            if (fromWarm < current)
            {
                warm.CopyTo(theta);
                current = fromWarm;
            }
        }

        if (!double.IsFinite(current)) return double.PositiveInfinity;
        Span<double> grad = stackalloc double[free];
        Span<double> logGrad = stackalloc double[free];
        Span<double> hess = stackalloc double[free * free];
        Span<double> chol = stackalloc double[free * free];
        Span<double> step = stackalloc double[free];
        Span<double> trial = stackalloc double[free];
        int n = _n;
        for (int iteration = 0; iteration < 30; iteration++)
        {
            // Gradient and Gauss–Newton Hessian of g.
            grad.Clear();
            logGrad.Clear();
            hess.Clear();
            double s = 0;
            for (int t = 0; t < n; t++)
            {
                double yt = _y[t];
                if (double.IsNaN(yt)) continue;
                double e = _r[t];
                for (int a = 0; a < free; a++) e += _cols[(a * n) + t] * theta[a];
                double mu = yt - e;
                double q = e / mu;
                s += q * q;
                double w = yt / (mu * mu);
                for (int a = 0; a < free; a++)
                {
                    double ja = _cols[(a * n) + t] * w;
                    grad[a] += q * ja;
                    logGrad[a] -= 2 * _cols[(a * n) + t] / mu; // the log term: ∂(2Σ log μ)/∂θ = −2Σ U/μ
                    for (int b = 0; b <= a; b++) hess[(a * free) + b] += ja * _cols[(b * n) + t] * w;
                }
            }

            double scale = 2.0 * Observed / s;
            for (int a = 0; a < free; a++)
            {
                grad[a] = (grad[a] * scale) + logGrad[a];
                for (int b = 0; b <= a; b++)
                {
                    hess[(a * free) + b] *= scale;
                    hess[(b * free) + a] = hess[(a * free) + b];
                }
            }

            if (!EtsLinearAlgebra.Cholesky(hess, free, 0, chol)) break;
            for (int a = 0; a < free; a++) step[a] = -grad[a];
            EtsLinearAlgebra.CholeskySolve(chol, free, step);
            double factor = 1;
            bool improved = false;
            double next = current;
            for (int halving = 0; halving < 20; halving++)
            {
                for (int a = 0; a < free; a++) trial[a] = theta[a] + (factor * step[a]);
                next = MultiplicativeLik(free, trial);
                if (next < current)
                {
                    improved = true;
                    break;
                }

                factor *= 0.5;
            }

            if (!improved) break;
            trial.CopyTo(theta);
            double change = current - next;
            current = next;
            if (change <= 1e-12 * (1 + Math.Abs(current))) break;
        }

        theta.CopyTo(_warm.AsSpan(0, free));
        _warmValid = true;
        return current;
    }

    private double MultiplicativeLik(int free, ReadOnlySpan<double> theta)
    {
        int n = _n;
        double s = 0, logs = 0;
        for (int t = 0; t < n; t++)
        {
            double yt = _y[t];
            if (double.IsNaN(yt)) continue;
            double e = _r[t];
            for (int a = 0; a < free; a++) e += _cols[(a * n) + t] * theta[a];
            double mu = yt - e;
            if (mu == 0) return double.PositiveInfinity;
            double q = e / mu;
            s += q * q;
            logs += Math.Log(Math.Abs(mu));
        }

        return (Observed * Math.Log(Math.Max(s, 1e-300))) + (2 * logs);
    }
}
