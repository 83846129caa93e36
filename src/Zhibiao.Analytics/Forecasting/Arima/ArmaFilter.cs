using System.Runtime.CompilerServices;

namespace Zhibiao.Analytics.Forecasting.Arima;

/// <summary>
/// Likelihoods of a zero-mean-or-constant-mean ARMA model of a (differenced) series w: the exact Gaussian likelihood by
/// a Kalman filter on the state-space form, and the conditional sum of squares. One instance serves one series and
/// many parameter values; all work arrays are allocated once and grown when a larger model comes, so an evaluation
/// allocates nothing.
/// </summary>
/// <remarks>
/// State space (Harvey 1989, §3.3; Durbin and Koopman 2012, §3.4; the form of Gardner, Harvey and Phillips 1980):
/// r = max(p, q + 1), wₜ − μ = Zαₜ with Z = (1, 0, …, 0), αₜ₊₁ = Tαₜ + Rεₜ₊₁, T with φ₁..φᵣ in its first column and
/// ones on the superdiagonal, R = (1, θ₁, …, θᵣ₋₁)'. P₁ is the stationary covariance, computed in O(r²) from the
/// autocovariances γ and ψ-weights (first row Cov(wₜ, αₜ(i)) = Σⱼ φᵢ₊ⱼ₊₁γ(j+1) + θᵢ₊ⱼψⱼ, then P(i,j) from P(i+1,j+1)
/// by P = TPT' + RR'). Because Z picks the first state, the Riccati update is
/// P(i,j) ← P(i+1,j+1) − P(i+1,0)P(j+1,0)/F + RᵢRⱼ with F = P(0,0); once P has converged to RR' (F = 1) the filter
/// runs the O(r) steady-state recursion, the "fast recursions" of Gardner et al. Likelihood evaluations during
/// optimisation use the equivalent Chandrasekhar recursions instead, O(r) a step from the start (see
/// <see cref="Chandrasekhar"/>); the final pass uses the Riccati form because forecasting needs P_{n|n}.
/// The mean is concentrated out by generalised least squares: the filter runs the data and a column of ones with the
/// same gains, vₜ(μ) = vₜ − μuₜ, μ̂ = Σvu/F ÷ Σu²/F (Harvey 1989, §3.4; Durbin and Koopman §6.2). The variance σ² is
/// concentrated out too: σ̂² = Σ(v − μ̂u)²/F ÷ n, and the objective is ½ log σ̂² + ½ Σ log F / n.
/// </remarks>
internal sealed class ArmaFilter
{
    /// <summary>Convergence of P to RR' (largest diagonal difference) that switches to the steady-state recursion.</summary>
    private const double SteadyTolerance = 1e-9;

    private readonly double[] _w;
    private double[] _t = [];
    private double[] _r = [];
    private double[] _p = [];
    private double[] _a = [];
    private double[] _b = [];
    private double[] _col = [];
    private double[] _kf = [];
    private double[] _wv = [];
    private double[] _gamma = [];
    private double[] _psi = [];
    private double[] _solve = [];
    private double[] _ew;
    private double[] _ex;

    /// <summary>Creates the filter for the series <paramref name="w"/> (already differenced).</summary>
    public ArmaFilter(double[] w)
    {
        _w = w;
        _ew = new double[w.Length];
        _ex = new double[w.Length];
        Innovations = new double[w.Length];
        OnesInnovations = new double[w.Length];
        Variances = new double[w.Length];
    }

    /// <summary>Forces the O(r²) Riccati recursion everywhere (for tests that compare the two).</summary>
    internal bool UseRiccati { get; set; }

    /// <summary>The series.</summary>
    public ReadOnlySpan<double> Series => _w;

    /// <summary>Innovations vₜ of the data (before the mean is removed) from the last <see cref="Exact"/> call.</summary>
    public double[] Innovations { get; }

    /// <summary>Innovations uₜ of the column of ones from the last <see cref="Exact"/> call.</summary>
    public double[] OnesInnovations { get; }

    /// <summary>Innovation variances Fₜ (in units of σ²) from the last <see cref="Exact"/> call.</summary>
    public double[] Variances { get; }

    /// <summary>State dimension r of the last <see cref="Exact"/> call.</summary>
    public int StateSize { get; private set; }

    private void Ensure(int r, int p)
    {
        if (_t.Length < r)
        {
            _t = new double[r];
            _r = new double[r + 1];
            _p = new double[r * r];
            _a = new double[r + 1];
            _b = new double[r + 1];
            _col = new double[r + 1];
            _kf = new double[r + 1];
            _wv = new double[r + 1];
            _gamma = new double[r + 1];
            _psi = new double[r + 1];
        }

        int need = (p + 1) * (p + 2);
        if (_solve.Length < need) _solve = new double[need];
    }

    /// <summary>
    /// The exact concentrated objective ½ log σ̂² + ½ Σ log Fₜ / n of ARMA(<paramref name="phi"/>, <paramref name="theta"/>)
    /// (expanded polynomials), with the mean estimated by GLS when <paramref name="mean"/>; +∞ when the AR part is not
    /// stationary. When <paramref name="filtered"/> is given, the filtered state a_{n|n} of w − μ̂ (r values) and
    /// its covariance (r×r, in units of σ²) are written there.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Exact(ReadOnlySpan<double> phi, ReadOnlySpan<double> theta, bool mean, out FilterResult result, FilteredState? filtered = null)
    {
        result = default;
        int p = phi.Length;
        int q = theta.Length;
        int r = Math.Max(p, q + 1);
        int n = _w.Length;
        StateSize = r;
        Ensure(r, p);
        Span<double> t = _t.AsSpan(0, r);
        Span<double> rv = _r.AsSpan(0, r + 1);
        t.Clear();
        rv.Clear();
        phi.CopyTo(t);
        rv[0] = 1;
        theta.CopyTo(rv[1..]);

        // Stationary covariance P₁.
        Span<double> psi = _psi.AsSpan(0, r + 1);
        Span<double> gamma = _gamma.AsSpan(0, r + 1);
        ArmaMath.Psi(phi, theta, psi);
        if (!ArmaMath.Autocovariances(phi, theta, psi, gamma, _solve)) return double.PositiveInfinity;
        if (!(gamma[0] > 0) || !double.IsFinite(gamma[0])) return double.PositiveInfinity;
        Span<double> a = _a.AsSpan(0, r + 1);
        Span<double> b = _b.AsSpan(0, r + 1);
        Span<double> col = _col.AsSpan(0, r + 1);
        a.Clear();
        b.Clear();
        col.Clear();

        // First row of P₁: Cov(wₜ, αₜ(i)).
        col[0] = gamma[0];
        for (int i = 1; i < r; i++)
        {
            double v = 0;
            for (int j = 0; j <= r - 1 - i; j++) v += (t[i + j] * gamma[j + 1]) + (rv[i + j] * psi[j]);
            col[i] = v;
        }

        double sumLog = 0, svv = 0, svu = 0, suu = 0;
        bool ok = filtered is null && !UseRiccati
            ? Chandrasekhar(t, rv, r, mean, ref sumLog, ref svv, ref svu, ref suu)
            : Riccati(t, rv, gamma[0], r, mean, filtered, ref sumLog, ref svv, ref svu, ref suu);
        if (!ok) return double.PositiveInfinity;

        double mu = 0;
        double ssq = svv;
        if (mean)
        {
            if (!(suu > 0)) return double.PositiveInfinity;
            mu = svu / suu;
            ssq = svv - (svu * svu / suu);
        }

        ssq = Math.Max(ssq, svv * 1e-14);
        if (!(ssq > 0)) ssq = double.Epsilon;
        double sigma2 = ssq / n;
        double objective = (0.5 * Math.Log(sigma2)) + (0.5 * sumLog / n);
        result = new FilterResult(mu, sigma2, sumLog, n);
        return double.IsFinite(objective) ? objective : double.PositiveInfinity;
    }

    /// <summary>
    /// The Kalman filter with the full Riccati recursion for P (O(r²) a step until it converges to RR'); used for
    /// the final pass, which also needs P_{n|n}.
    /// </summary>
    private bool Riccati(Span<double> t, Span<double> rv, double gamma0, int r, bool mean, FilteredState? filtered, ref double sumLog, ref double svv, ref double svu, ref double suu)
    {
        int n = _w.Length;
        Span<double> a = _a.AsSpan(0, r + 1);
        Span<double> b = _b.AsSpan(0, r + 1);
        Span<double> col = _col.AsSpan(0, r + 1);
        Span<double> pm = _p.AsSpan(0, r * r);
        pm[0] = gamma0;
        for (int i = 1; i < r; i++)
        {
            pm[i] = col[i];
            pm[i * r] = col[i];
        }

        for (int i = r - 1; i >= 1; i--)
        {
            double first = i + 1 < r ? pm[i + 1] : 0;
            for (int j = i; j < r; j++)
            {
                double firstJ = j + 1 < r ? pm[j + 1] : 0;
                double below = i + 1 < r && j + 1 < r ? pm[((i + 1) * r) + j + 1] : 0;
                double v = (t[i] * t[j] * gamma0) + (t[i] * firstJ) + (t[j] * first) + below + (rv[i] * rv[j]);
                pm[(i * r) + j] = v;
                pm[(j * r) + i] = v;
            }
        }

        double[] innovations = Innovations;
        double[] ones = OnesInnovations;
        double[] variances = Variances;
        bool steady = false;
        for (int s = 0; s < n; s++)
        {
            double ws = _w[s];
            double f = steady ? 1 : pm[0];
            if (!(f > 0)) return false;
            double v = ws - a[0];
            double u = mean ? 1 - b[0] : 0;
            innovations[s] = v;
            ones[s] = u;
            variances[s] = f;
            sumLog += Math.Log(f);
            svv += v * v / f;
            svu += v * u / f;
            suu += u * u / f;
            if (filtered is not null && s == n - 1) filtered.Save(steady ? rv : pm, steady, r, a, b, v, u, f, mean);
            if (steady)
            {
                for (int i = 0; i < r; i++) a[i] = (t[i] * ws) + a[i + 1] + (rv[i + 1] * v);
                if (mean)
                    for (int i = 0; i < r; i++) b[i] = t[i] + b[i + 1] + (rv[i + 1] * u);
                continue;
            }

            for (int i = 0; i < r; i++) col[i] = pm[i * r];
            double vf = v / f;
            for (int i = 0; i < r; i++) a[i] = (t[i] * ws) + a[i + 1] + (col[i + 1] * vf);
            if (mean)
            {
                double uf = u / f;
                for (int i = 0; i < r; i++) b[i] = t[i] + b[i + 1] + (col[i + 1] * uf);
            }

            double largest = 0;
            for (int i = 0; i < r; i++)
            {
                double ci = col[i + 1] / f;
                double ri = rv[i];
                int row = i * r;
                int next = row + r + 1;
                for (int j = i; j < r; j++)
                {
                    double below = i + 1 < r && j + 1 < r ? pm[next + j] : 0;
                    double v2 = below - (ci * col[j + 1]) + (ri * rv[j]);
                    pm[row + j] = v2;
                    pm[(j * r) + i] = v2;
                }

                double diff = Math.Abs(pm[row + i] - (ri * ri));
                if (diff > largest) largest = diff;
            }

            if (largest < SteadyTolerance) steady = true;
        }

        return true;
    }

    /// <summary>
    /// The same filter with the Chandrasekhar recursions (Morf, Sidhu and Kailath 1974; Herbst 2015): for a
    /// time-invariant model the change Pₜ₊₁ − Pₜ = WₜMₜW'ₜ keeps rank one, so Fₜ, the gain TPₜZ' and W update in O(r)
    /// a step: Fₜ₊₁ = Fₜ + Mz², (TPZ')ₜ₊₁ = (TPZ')ₜ + TW·Mz, Mₜ₊₁ = M + M²z²/Fₜ, Wₜ₊₁ = TW − Kₜ₊₁z with z = ZW,
    /// started from W₁ = TP₁Z', M₁ = −1/F₁. Only the first row of P₁ is needed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Chandrasekhar(Span<double> t, Span<double> rv, int r, bool mean, ref double sumLog, ref double svv, ref double svu, ref double suu)
    {
        int n = _w.Length;
        Span<double> a = _a.AsSpan(0, r + 1);
        Span<double> b = _b.AsSpan(0, r + 1);
        Span<double> col = _col.AsSpan(0, r + 1);
        Span<double> kf = _kf.AsSpan(0, r + 1);
        Span<double> w = _wv.AsSpan(0, r + 1);
        double f = col[0];
        for (int i = 0; i < r; i++)
        {
            kf[i] = (t[i] * f) + col[i + 1];
            w[i] = kf[i];
        }

        kf[r] = 0;
        w[r] = 0;
        double m = -1 / f;
        double logF = Math.Log(f); // log Fₜ, taken again only when F changes (never once steady)
        bool steady = false;
        double[] innovations = Innovations;
        double[] ones = OnesInnovations;
        double[] variances = Variances;
        for (int s = 0; s < n; s++)
        {
            if (!(f > 0)) return false;
            double ws = _w[s];
            double v = ws - a[0];
            double u = mean ? 1 - b[0] : 0;
            innovations[s] = v;
            ones[s] = u;
            variances[s] = f;
            sumLog += logF;
            svv += v * v / f;
            svu += v * u / f;
            suu += u * u / f;

            // aₜ₊₁ = Taₜ + Kₜvₜ with Kₜ = TPₜZ'/Fₜ.
            double vf = v / f;
            double a0 = a[0];
            for (int i = 0; i < r; i++) a[i] = (t[i] * a0) + a[i + 1] + (kf[i] * vf);
            if (mean)
            {
                double uf = u / f;
                double b0 = b[0];
                for (int i = 0; i < r; i++) b[i] = (t[i] * b0) + b[i + 1] + (kf[i] * uf);
            }

            if (steady) continue;
            double z = w[0];
            double mz = m * z;
            double fNext = f + (mz * z);
            if (!(fNext > 0)) return false;
            double size = 0;
            for (int i = 0; i < r; i++)
            {
                double tw = (t[i] * z) + w[i + 1];
                kf[i] += tw * mz;
                double wi = tw - (kf[i] / fNext * z);
                w[i] = wi;
                size += wi * wi;
            }

            m += mz * mz / f;
            f = fNext;
            logF = Math.Log(f);
            if (Math.Abs(m) * size < SteadyTolerance * 1e-3) steady = true;
        }

        return true;
    }

    /// <summary>
    /// The conditional-sum-of-squares objective ½ log(Σeₜ²/(n − p)) with eₜ = w̃ₜ − Σφᵢw̃ₜ₋ᵢ − Σθⱼeₜ₋ⱼ for t ≥ p
    /// (the first p values conditioned on, earlier e taken as 0; Box and Jenkins 1976, §7.1), the mean by least
    /// squares when <paramref name="mean"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double ConditionalSumOfSquares(ReadOnlySpan<double> phi, ReadOnlySpan<double> theta, bool mean, out double mu)
    {
        mu = 0;
        int p = phi.Length;
        int q = theta.Length;
        int n = _w.Length;
        int used = n - p;
        if (used <= 0) return double.PositiveInfinity;
        double phiSum = 0;
        for (int i = 0; i < p; i++) phiSum += phi[i];
        double[] ew = _ew;
        double[] ex = _ex;
        double svv = 0, svu = 0, suu = 0;
        for (int s = p; s < n; s++)
        {
            double e = _w[s];
            for (int i = 1; i <= p; i++) e -= phi[i - 1] * _w[s - i];
            int top = Math.Min(q, s - p);
            for (int j = 1; j <= top; j++) e -= theta[j - 1] * ew[s - j];
            ew[s] = e;
            svv += e * e;
            if (mean)
            {
                double x = 1 - phiSum;
                for (int j = 1; j <= top; j++) x -= theta[j - 1] * ex[s - j];
                ex[s] = x;
                svu += e * x;
                suu += x * x;
            }
        }

        double ssq = svv;
        if (mean && suu > 0)
        {
            mu = svu / suu;
            ssq = svv - (svu * svu / suu);
        }

        ssq = Math.Max(ssq, svv * 1e-14);
        if (!(ssq > 0)) ssq = double.Epsilon;
        double objective = 0.5 * Math.Log(ssq / used);
        return double.IsFinite(objective) ? objective : double.PositiveInfinity;
    }
}

/// <summary>What an exact filter run found: the GLS mean, the ML innovation variance, Σ log F and n.</summary>
internal readonly record struct FilterResult(double Mean, double Sigma2, double SumLogF, int Observations)
{
    /// <summary>The maximised Gaussian log-likelihood −½[n(log 2πσ̂² + 1) + Σ log Fₜ].</summary>
    public double LogLikelihood => -0.5 * ((Observations * (Math.Log(2 * Math.PI * Sigma2) + 1)) + SumLogF);
}

/// <summary>The filtered state at the end of the series, kept for forecasting.</summary>
internal sealed class FilteredState
{
    /// <summary>a_{n|n} of the data and of the ones column; the model's state is StateData − μ·StateOnes.</summary>
    public double[] StateData { get; private set; } = [];

    /// <summary>The filtered state of the column of ones.</summary>
    public double[] StateOnes { get; private set; } = [];

    /// <summary>P_{n|n} = P − P(·,0)P(0,·)/F (row-major r×r, units of σ²).</summary>
    public double[] Covariance { get; private set; } = [];

    /// <summary>State dimension r.</summary>
    public int Size { get; private set; }

    internal void Save(ReadOnlySpan<double> pOrR, bool steady, int r, ReadOnlySpan<double> a, ReadOnlySpan<double> b, double v, double u, double f, bool mean)
    {
        Size = r;
        StateData = new double[r];
        StateOnes = new double[r];
        Covariance = new double[r * r];
        for (int i = 0; i < r; i++)
        {
            double ci = steady ? pOrR[i] : pOrR[i * r];
            StateData[i] = a[i] + (ci * v / f);
            StateOnes[i] = mean ? b[i] + (ci * u / f) : 0;
        }

        if (steady) return;
        for (int i = 0; i < r; i++)
            for (int j = 0; j < r; j++)
                Covariance[(i * r) + j] = pOrR[(i * r) + j] - (pOrR[i * r] * pOrR[j * r] / f);
    }
}
