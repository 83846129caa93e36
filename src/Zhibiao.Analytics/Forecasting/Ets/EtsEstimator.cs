using System.Runtime.CompilerServices;
using Zhibiao.Analytics.Forecasting.Optimization;

namespace Zhibiao.Analytics.Forecasting.Ets;

/// <summary>
/// Maximum-likelihood estimation of ETS models on one series (Hyndman et al. 2008, ch. 5): the parameters and the
/// initial states minimise n log Σe² + 2Σ log|μ_t| (the second term for multiplicative error), e_t = y_t − μ_t or
/// (y_t − μ_t)/μ_t, inside the usual and admissible regions, by a bounded Nelder–Mead. Two strategies
/// (<see cref="EtsEstimation"/>):
/// <list type="bullet">
/// <item><see cref="FitClassic"/> (the default, R's procedure): one Nash simplex over parameters and states
/// together from R's starting values; non-seasonal models with additive or no trend are evaluated four trial points
/// at a time by <see cref="EtsKernels"/>.</item>
/// <item><see cref="Fit"/> (profiled): where the forecasts are linear in the states, the errors of given parameters
/// are affine in them, e = r + Uθ (r from a starting guess, U the responses to unit states), so the states are solved
/// for — least squares for additive error, Gauss–Newton for multiplicative error — and the simplex moves over the
/// 1–4 smoothing parameters only; other models are estimated jointly.</item>
/// </list>
/// All work arrays are allocated once per series and model.
/// </summary>
internal sealed class EtsEstimator
{
    /// <summary>Relative floor of Σe² against the scale of the data, so a perfect fit gives a finite likelihood.</summary>
    private const double SseFloor = 1e-20;

    private static readonly NelderMeadOptions Simplex = new() { MaxIterations = 2000, Tolerance = 1e-8, InitialStep = 0.1 };

    private readonly double[] _y;
    private readonly int _n;
    private readonly int _m;
    private readonly EtsOptions _options;
    private readonly double _floor;
    private readonly int _maxStates;

    // Work arrays, allocated once.
    private double[] _r;
    private double[] _cols;
    private double[] _gram;
    private double[] _rhs;
    private double[] _theta;
    private double[] _warm;
    private double[] _ring;
    private double[] _guessAdditive;
    private double[] _guessMultiplicative;
    private bool _warmValid;
    private readonly bool _hasMissing;

    public EtsEstimator(ReadOnlySpan<double> y, int seasonLength, EtsOptions options)
    {
        _y = y.ToArray();
        _n = y.Length;
        _m = Math.Max(1, seasonLength);
        _options = options;
        double scale = 0;
        int observed = 0;
        foreach (double v in y)
        {
            if (double.IsNaN(v)) continue;
            scale = Math.Max(scale, Math.Abs(v));
            observed++;
        }

        Observed = observed;
        _hasMissing = observed < _n;
        _floor = Math.Max(double.Epsilon, SseFloor * scale * scale * Math.Max(1, observed));
        _maxStates = 2 + _m;
        _r = [];
        _cols = [];
        _gram = [];
        _rhs = [];
        _theta = [];
        _warm = [];
        _ring = [];
        _guessAdditive = [];
        _guessMultiplicative = [];
    }

    /// <summary>Allocates the work arrays of profiled estimation (once).</summary>
    private void PrepareProfiled()
    {
        if (_r.Length == _n && _guessAdditive.Length == _maxStates) return;
        int k = 1 + 1 + (_m - 1);
        _r = new double[_n];
        _cols = new double[_n * k];
        _gram = new double[k * k];
        _rhs = new double[k];
        _theta = new double[k];
        _warm = new double[k];
        _ring = new double[_m];
        _guessAdditive = new double[_maxStates];
        _guessMultiplicative = new double[_maxStates];
        EtsInitialStates.Guess(_y, _m, multiplicative: false, _guessAdditive);
        if (_m > 1) EtsInitialStates.Guess(_y, _m, multiplicative: true, _guessMultiplicative);
        else _guessAdditive.AsSpan().CopyTo(_guessMultiplicative);
    }

    /// <summary>Number of observed (non-missing) values.</summary>
    public int Observed { get; }

    /// <summary>The observations.</summary>
    public double[] Values => _y;

    /// <summary>The season length used (1 when the model is non-seasonal).</summary>
    public int SeasonLength => _m;

    /// <summary>Number of free initial states of a model: ℓ, b, and m − 1 seasonal states (one is fixed by normalisation).</summary>
    public static int FreeStates(EtsModel model, int m) => 1 + (model.HasTrend ? 1 : 0) + (model.HasSeason ? m - 1 : 0);

    /// <summary>Estimates a model by maximum likelihood; null when no admissible finite likelihood was found.</summary>
    public EtsCandidate? Fit(EtsModel model)
    {
        var layout = new ParameterLayout(model, _options);
        if (!layout.Feasible) return null;
        PrepareProfiled();
        int seasonLength = model.HasSeason ? _m : 1;
        int k = layout.Count + FreeStates(model, seasonLength) + 1;
        return model.IsLinear ? FitLinear(model, layout, k) : FitJoint(model, layout, k);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Linear models: states profiled out.

    private EtsCandidate? FitLinear(EtsModel model, ParameterLayout layout, int k)
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
    private double LinearLik(EtsModel model, in ParameterLayout layout, ReadOnlySpan<double> x)
    {
        EtsParameters p = layout.Map(x);
        if (!Admissible(model, p)) return double.PositiveInfinity;
        int seasonLength = model.HasSeason ? _m : 1;
        int free = FreeStates(model, seasonLength);
        Responses(model, p, seasonLength, free);
        Span<double> theta = _theta.AsSpan(0, free);
        double rr = Normal(free);
        if (!SolveLeastSquares(free, theta)) return double.PositiveInfinity;
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

    /// <summary>Solves G θ = −U′r by Cholesky (with a tiny ridge when G is not numerically positive definite).</summary>
    private bool SolveLeastSquares(int free, Span<double> theta)
    {
        Span<double> g = _gram.AsSpan(0, free * free);
        Span<double> chol = stackalloc double[free * free];
        double trace = 0;
        for (int i = 0; i < free; i++) trace += g[(i * free) + i];
        if (!(trace > 0) || !double.IsFinite(trace)) return false;
        for (int attempt = 0; attempt < 3; attempt++)
        {
            double ridge = attempt == 0 ? 0 : trace * Math.Pow(1e-10, 2 - attempt);
            if (Cholesky(g, free, ridge, chol))
            {
                for (int i = 0; i < free; i++) theta[i] = -_rhs[i];
                CholeskySolve(chol, free, theta);
                return true;
            }
        }

        return false;
    }

    private static bool Cholesky(ReadOnlySpan<double> a, int k, double ridge, Span<double> l)
    {
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double sum = a[(i * k) + j] + (i == j ? ridge : 0);
                for (int q = 0; q < j; q++) sum -= l[(i * k) + q] * l[(j * k) + q];
                if (i == j)
                {
                    if (!(sum > 1e-14 * Math.Abs(a[(i * k) + i]) && sum > 0)) return false;
                    l[(i * k) + i] = Math.Sqrt(sum);
                }
                else
                {
                    l[(i * k) + j] = sum / l[(j * k) + j];
                }
            }
        }

        return true;
    }

    private static void CholeskySolve(ReadOnlySpan<double> l, int k, Span<double> x)
    {
        for (int i = 0; i < k; i++)
        {
            double s = x[i];
            for (int q = 0; q < i; q++) s -= l[(i * k) + q] * x[q];
            x[i] = s / l[(i * k) + i];
        }

        for (int i = k - 1; i >= 0; i--)
        {
            double s = x[i];
            for (int q = i + 1; q < k; q++) s -= l[(q * k) + i] * x[q];
            x[i] = s / l[(i * k) + i];
        }
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

            if (!Cholesky(hess, free, 0, chol)) break;
            for (int a = 0; a < free; a++) step[a] = -grad[a];
            CholeskySolve(chol, free, step);
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

    // ---------------------------------------------------------------------------------------------------------
    // Other models: parameters and states together.

    private EtsCandidate? FitJoint(EtsModel model, ParameterLayout layout, int k)
    {
        int seasonLength = model.HasSeason ? _m : 1;
        int free = FreeStates(model, seasonLength);
        int dim = layout.Count + free;
        double[] start = new double[dim];
        double[] lower = new double[dim];
        double[] upper = new double[dim];
        layout.Start(start, _m);
        layout.Lower.CopyTo(lower);
        layout.Upper.CopyTo(upper);
        Span<double> guess = stackalloc double[2 + seasonLength];
        Guess(model)[..guess.Length].CopyTo(guess);
        if (model.Trend == EtsTrend.Multiplicative)
        {
            // The guessed additive slope as a growth ratio.
            guess[1] = guess[0] > 0 ? Math.Clamp(1 + (guess[1] / guess[0]), 0.5, 2) : 1;
            if (!(guess[0] > 0)) guess[0] = Math.Max(1e-3, Math.Abs(guess[0]));
        }

        CompressStates(model, seasonLength, guess, start.AsSpan(layout.Count));
        for (int i = layout.Count; i < dim; i++)
        {
            lower[i] = double.NegativeInfinity;
            upper[i] = double.PositiveInfinity;
        }

        double[] states = new double[2 + seasonLength];
        double[] ring = new double[seasonLength];
        OptimizationResult best = NelderMead.Minimize(x => JointLik(model, layout, x, states, ring), start, lower, upper, Simplex);
        if (!double.IsFinite(best.Value)) return null;
        double lik = JointLik(model, layout, best.Point, states, ring);
        if (!double.IsFinite(lik)) return null;
        return new EtsCandidate(model, layout.Map(best.Point), states, seasonLength) { Lik = lik, K = k, Count = Observed };
    }

    private double JointLik(EtsModel model, in ParameterLayout layout, ReadOnlySpan<double> x, double[] states, double[] ring)
    {
        EtsParameters p = layout.Map(x);
        if (!Admissible(model, p)) return double.PositiveInfinity;
        int seasonLength = states.Length - 2;
        ExpandStates(model, seasonLength, default, x[layout.Count..], states);
        if (model.Trend == EtsTrend.Multiplicative && !(states[1] > 0)) return double.PositiveInfinity;
        if (model.Season == EtsSeason.Multiplicative)
            for (int i = 2; i < states.Length; i++)
                if (!(states[i] > 0)) return double.PositiveInfinity;
        double l = states[0], b = states[1];
        states.AsSpan(2).CopyTo(ring);
        if (!EtsRecursion.Run(model, p, _y, 0, ref l, ref b, model.HasSeason ? ring : [], [], out EtsRecursion.Totals totals))
            return double.PositiveInfinity;
        double lik = totals.Count * Math.Log(Math.Max(totals.SumSquares, model.Error == EtsError.Additive ? _floor : 1e-300));
        if (model.Error == EtsError.Multiplicative) lik += 2 * totals.SumLogMu;
        return double.IsNaN(lik) ? double.PositiveInfinity : lik;
    }

    // ---------------------------------------------------------------------------------------------------------
    // R-style joint estimation.

    private static readonly NelderMeadOptions NashSimplex = new() { MaxIterations = 2000, Tolerance = 1.4901161193847656e-8, InitialStep = 0.1, Variant = NelderMeadVariant.Nash };

    /// <summary>
    /// Estimates parameters and initial states together with Nash's simplex from R's starting point: α = α_lo +
    /// 0.2(α_hi − α_lo)/m, β = β_lo + 0.1(α − β_lo), γ = γ_lo + 0.05(1 − α − γ_lo), φ = φ_lo + 0.99(φ_hi − φ_lo), and
    /// the heuristic initial states; points outside the usual or admissible region are valued +∞.
    /// </summary>
    public EtsCandidate? FitClassic(EtsModel model, int frequency)
    {
        EtsParameterBounds lim = _options.Limits;
        int seasonLength = model.HasSeason ? _m : 1;
        int free = FreeStates(model, seasonLength);
        bool fa = _options.Alpha is null, fb = model.HasTrend && _options.Beta is null, fg = model.HasSeason && _options.Gamma is null, fp = model.HasTrend && model.Damped && _options.Phi is null;
        int np = (fa ? 1 : 0) + (fb ? 1 : 0) + (fg ? 1 : 0) + (fp ? 1 : 0);
        int dim = np + free;
        double[] x = new double[dim];
        double[] lower = new double[dim];
        double[] upper = new double[dim];
        double alpha = _options.Alpha ?? lim.AlphaLower + (0.2 * (lim.AlphaUpper - lim.AlphaLower) / Math.Max(1, frequency));
        int i = 0;
        if (fa) Set(alpha, lim.AlphaLower, lim.AlphaUpper);
        if (fb) Set(lim.BetaLower + (0.1 * (Math.Min(lim.BetaUpper, alpha) - lim.BetaLower)), lim.BetaLower, lim.BetaUpper);
        if (fg) Set(lim.GammaLower + (0.05 * (Math.Min(lim.GammaUpper, 1 - alpha) - lim.GammaLower)), lim.GammaLower, lim.GammaUpper);
        if (fp) Set(lim.PhiLower + (0.99 * (lim.PhiUpper - lim.PhiLower)), lim.PhiLower, lim.PhiUpper);
        Span<double> start = stackalloc double[2 + seasonLength];
        EtsInitialStates.Classic(_y, seasonLength, model, start);
        CompressStates(model, seasonLength, start, x.AsSpan(np));
        for (int j = np; j < dim; j++)
        {
            lower[j] = double.NegativeInfinity;
            upper[j] = double.PositiveInfinity;
        }

        double[] states = new double[2 + seasonLength];
        double[] ring = new double[seasonLength];
        OptimizationResult best = !model.HasSeason && model.Trend != EtsTrend.Multiplicative && !_hasMissing
            ? NelderMead.Minimize(new NonSeasonalObjective(model, _options, _y, np, _floor), x, lower, upper, NashSimplex)
            : NelderMead.Minimize(v => ClassicLik(model, v, np, states, ring), x, lower, upper, NashSimplex);
        Evaluations += best.Evaluations;
        if (!double.IsFinite(best.Value)) return null;
        double lik = ClassicLik(model, best.Point, np, states, ring);
        if (!double.IsFinite(lik)) return null;
        ExpandStates(model, seasonLength, default, best.Point.AsSpan(np), states);
        int k = np + free + 1;
        return new EtsCandidate(model, ClassicParameters(model, best.Point), states, seasonLength) { Lik = lik, K = k, Count = Observed };

        void Set(double value, double lo, double hi)
        {
            x[i] = value;
            lower[i] = lo;
            upper[i] = hi;
            i++;
        }
    }

    /// <summary>Function evaluations used by the joint estimations so far.</summary>
    public int Evaluations { get; private set; }

    private EtsParameters ClassicParameters(EtsModel model, ReadOnlySpan<double> x)
    {
        int i = 0;
        double alpha = _options.Alpha ?? x[i++];
        double beta = !model.HasTrend ? 0 : _options.Beta ?? x[i++];
        double gamma = !model.HasSeason ? 0 : _options.Gamma ?? x[i++];
        double phi = !(model.HasTrend && model.Damped) ? 1 : _options.Phi ?? x[i++];
        return new EtsParameters(alpha, beta, gamma, phi);
    }

    /// <summary>
    /// The likelihood of non-seasonal models with additive or no trend at points [α, (β), (φ), ℓ₀, (b₀)] (the
    /// estimated parameters only), four at a time in <see cref="EtsKernels"/>; points with β outside [β_lo, min(α, β_hi)] get +∞.
    /// </summary>
    private readonly struct NonSeasonalObjective : IBatchObjective
    {
        private readonly double[] _y;
        private readonly int[] _rows;
        private readonly double[] _fixed;
        private readonly double[] _padded;
        private readonly double[] _lik;
        private readonly double _betaLo, _betaHi, _floor;
        private readonly bool _trend, _multiplicative;

        public NonSeasonalObjective(EtsModel model, EtsOptions options, double[] y, int np, double floor)
        {
            _y = y;
            _trend = model.HasTrend;
            bool damped = _trend && model.Damped;
            int alpha = options.Alpha is null ? 0 : -1;
            int beta = _trend && options.Beta is null ? alpha + 1 : -1;
            int phi = damped && options.Phi is null ? Math.Max(alpha, beta) + 1 : -1;
            _rows = [alpha, beta, phi, np, _trend ? np + 1 : -1];
            _fixed = [options.Alpha ?? 0, _trend ? options.Beta ?? 0 : 0, damped ? options.Phi ?? 1 : 1, 0, 0];
            _padded = new double[EtsKernels.Width * (np + 2)];
            _lik = new double[EtsKernels.Width];
            _betaLo = options.Limits.BetaLower;
            _betaHi = options.Limits.BetaUpper;
            _floor = floor;
            _multiplicative = model.Error == EtsError.Multiplicative;
        }

        public void Evaluate(ReadOnlySpan<double> points, Span<double> values)
        {
            const int w = EtsKernels.Width;
            int count = values.Length;
            int dim = points.Length / count;
            if (count == w)
            {
                EtsKernels.NonSeasonal(_y, points, _rows, _fixed, _trend, _multiplicative, _floor, values, _betaLo, _betaHi);
                return;
            }

            for (int start = 0; start < count; start += w)
            {
                int used = Math.Min(w, count - start);
                for (int i = 0; i < dim; i++)
                    for (int k = 0; k < w; k++) _padded[(w * i) + k] = points[(i * count) + start + (k < used ? k : 0)];
                EtsKernels.NonSeasonal(_y, _padded.AsSpan(0, w * dim), _rows, _fixed, _trend, _multiplicative, _floor, _lik, _betaLo, _betaHi);
                _lik.AsSpan(0, used).CopyTo(values[start..]);
            }
        }
    }

    private double ClassicLik(EtsModel model, ReadOnlySpan<double> x, int np, double[] states, double[] ring)
    {
        EtsParameters p = ClassicParameters(model, x);
        EtsParameterBounds lim = _options.Limits;
        if (model.HasTrend && !(p.Beta >= lim.BetaLower && p.Beta <= Math.Min(p.Alpha, lim.BetaUpper))) return double.PositiveInfinity;
        if (model.HasSeason && !(p.Gamma >= lim.GammaLower && p.Gamma <= Math.Min(1 - p.Alpha, lim.GammaUpper))) return double.PositiveInfinity;
        if (!Admissible(model, p)) return double.PositiveInfinity;
        int seasonLength = states.Length - 2;
        if (!model.HasSeason && model.Trend != EtsTrend.Multiplicative && !_hasMissing)
        {
            Span<double> v = stackalloc double[1];
            new NonSeasonalObjective(model, _options, _y, np, _floor).Evaluate(x, v);
            return v[0];
        }

        ExpandStates(model, seasonLength, default, x[np..], states);
        double l = states[0], b = states[1];
        states.AsSpan(2).CopyTo(ring);
        if (!EtsRecursion.Run(model, p, _y, 0, ref l, ref b, model.HasSeason ? ring : [], [], out EtsRecursion.Totals totals))
            return double.PositiveInfinity;
        double lik = totals.Count * Math.Log(Math.Max(totals.SumSquares, model.Error == EtsError.Additive ? _floor : 1e-300));
        if (model.Error == EtsError.Multiplicative) lik += 2 * totals.SumLogMu;
        return double.IsNaN(lik) ? double.PositiveInfinity : lik;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Least-squares fallback for short series (parameters only; the initial states are fixed).

    /// <summary>
    /// Fits an additive-error model by least squares with initial states fixed at time <paramref name="start"/>
    /// (the simple Holt–Winters start), as R's ets() does for series too short for maximum likelihood.
    /// </summary>
    public EtsCandidate? FitLeastSquares(EtsModel model, int start, ReadOnlySpan<double> initial)
    {
        var layout = new ParameterLayout(model, _options);
        if (!layout.Feasible) return null;
        int seasonLength = model.HasSeason ? _m : 1;
        double[] states = initial.ToArray();
        double[] ring = new double[seasonLength];
        Span<double> x0 = stackalloc double[layout.Count];
        layout.Start(x0, _m);
        double Sse(ReadOnlySpan<double> x)
        {
            EtsParameters p = layout.Map(x);
            double l = states[0], b = states[1];
            states.AsSpan(2).CopyTo(ring);
            if (!EtsRecursion.Run(model, p, _y, start, ref l, ref b, model.HasSeason ? ring : [], [], out EtsRecursion.Totals totals)) return double.PositiveInfinity;
            return totals.SumSquares;
        }

        OptimizationResult best = layout.Count == 0 ? new OptimizationResult([], Sse([]), 0, true) : NelderMead.Minimize(Sse, x0, layout.Lower, layout.Upper, Simplex);
        if (!double.IsFinite(best.Value)) return null;
        int count = 0;
        for (int t = start; t < _n; t++) if (!double.IsNaN(_y[t])) count++;
        return new EtsCandidate(model, layout.Map(best.Point), states, seasonLength)
        {
            Start = start,
            Lik = count * Math.Log(Math.Max(best.Value, _floor)),
            K = layout.Count + 1,
            Count = count,
            IsFallback = true,
        };
    }

    // ---------------------------------------------------------------------------------------------------------
    // States and parameters.

    private ReadOnlySpan<double> Guess(EtsModel model) =>
        model.Season == EtsSeason.Multiplicative ? _guessMultiplicative : _guessAdditive;

    private bool Admissible(EtsModel model, in EtsParameters p) =>
        _options.Bounds != EtsBounds.Both || !model.HasSeason
        || EtsAdmissibility.IsAdmissible(p.Alpha, p.Beta, p.Gamma, p.Phi, model.HasTrend, _m);

    /// <summary>
    /// Full initial states [ℓ, b, s ring] from the free ones θ = [ℓ, (b), s_1..s_(m−1)], added to <paramref name="guess"/>
    /// (empty: zero); the ring's slot 0 is set so the seasonal states sum to 0 (additive) or m (multiplicative).
    /// </summary>
    internal static void ExpandStates(EtsModel model, int m, ReadOnlySpan<double> guess, ReadOnlySpan<double> theta, Span<double> states)
    {
        states.Clear();
        if (!guess.IsEmpty) guess[..states.Length].CopyTo(states);
        int i = 0;
        states[0] += theta[i++];
        if (model.HasTrend) states[1] += theta[i++];
        else states[1] = model.Trend == EtsTrend.Multiplicative ? 1 : 0;
        if (!model.HasSeason)
        {
            states[2..].Clear();
            return;
        }

        double sum = 0;
        for (int j = 1; j < m; j++)
        {
            states[2 + j] += theta[i++];
            sum += states[2 + j];
        }

        states[2] = (model.Season == EtsSeason.Multiplicative ? m : 0) - sum;
    }

    /// <summary>The free states θ of full states (the inverse of <see cref="ExpandStates"/> with no guess).</summary>
    internal static void CompressStates(EtsModel model, int m, ReadOnlySpan<double> states, Span<double> theta)
    {
        int i = 0;
        theta[i++] = states[0];
        if (model.HasTrend) theta[i++] = states[1];
        if (model.HasSeason)
            for (int j = 1; j < m; j++) theta[i++] = states[2 + j];
    }

    /// <summary>
    /// The smoothing parameters a model estimates, mapped from the unit cube: α in its bounds, then β in
    /// [β_lo, min(α, β_hi)], γ in [γ_lo, min(1 − α, γ_hi)] and φ in its bounds, so every point of the cube is in the
    /// usual region (Hyndman et al. 2008, §5.2); fixed values from the options take the place of estimated ones.
    /// </summary>
    internal readonly struct ParameterLayout
    {
        private readonly EtsParameterBounds _b;
        private readonly double _alphaLo, _alphaHi;
        private readonly double? _alpha, _beta, _gamma, _phi;
        private readonly bool _trend, _season, _damped;
        private readonly double[] _lower, _upper;

        public ParameterLayout(EtsModel model, EtsOptions options)
        {
            _b = options.Limits;
            _trend = model.HasTrend;
            _season = model.HasSeason;
            _damped = model.Damped && model.HasTrend;
            _alpha = options.Alpha;
            _beta = _trend ? options.Beta : null;
            _gamma = _season ? options.Gamma : null;
            _phi = _damped ? options.Phi : null;
            _alphaLo = Math.Max(_b.AlphaLower, _beta ?? double.NegativeInfinity);
            _alphaHi = Math.Min(_b.AlphaUpper, _gamma is { } g ? 1 - g : double.PositiveInfinity);
            Count = (_alpha is null ? 1 : 0) + (_trend && _beta is null ? 1 : 0) + (_season && _gamma is null ? 1 : 0) + (_damped && _phi is null ? 1 : 0);
            Feasible = _alpha is { } a ? a >= _alphaLo - 1e-12 && a <= _alphaHi + 1e-12 : _alphaLo <= _alphaHi;
            _lower = new double[Count];
            _upper = new double[Count];
            _upper.AsSpan().Fill(1);
        }

        /// <summary>Number of estimated parameters.</summary>
        public int Count { get; }

        /// <summary>Whether the fixed values and bounds leave a non-empty region.</summary>
        public bool Feasible { get; }

        /// <summary>Lower bounds of the unit-cube coordinates.</summary>
        public ReadOnlySpan<double> Lower => _lower;

        /// <summary>Upper bounds of the unit-cube coordinates.</summary>
        public ReadOnlySpan<double> Upper => _upper;

        public EtsParameters Map(ReadOnlySpan<double> x)
        {
            int i = 0;
            double alpha = _alpha ?? _alphaLo + (x[i++] * (_alphaHi - _alphaLo));
            double beta = 0, gamma = 0, phi = 1;
            if (_trend)
            {
                double hi = Math.Min(alpha, _b.BetaUpper);
                beta = _beta ?? _b.BetaLower + (x[i++] * Math.Max(0, hi - _b.BetaLower));
            }

            if (_season)
            {
                double hi = Math.Min(1 - alpha, _b.GammaUpper);
                gamma = _gamma ?? _b.GammaLower + (x[i++] * Math.Max(0, hi - _b.GammaLower));
            }

            if (_damped) phi = _phi ?? _b.PhiLower + (x[i++] * (_b.PhiUpper - _b.PhiLower));
            return new EtsParameters(alpha, beta, gamma, phi);
        }

        /// <summary>Starting point: α near 0.2 (0.2/m for seasonal data … as R's ets starts), β = 0.1α, γ = 0.05(1 − α), φ near its upper bound.</summary>
        public void Start(Span<double> x, int m)
        {
            int i = 0;
            if (_alpha is null) x[i++] = Fraction(_season ? 0.2 / m : 0.2, _alphaLo, _alphaHi);
            if (_trend && _beta is null) x[i++] = 0.1;
            if (_season && _gamma is null) x[i++] = 0.05;
            if (_damped && _phi is null) x[i++] = 0.9;
        }

        private static double Fraction(double value, double lo, double hi) => hi > lo ? Math.Clamp((value - lo) / (hi - lo), 0, 1) : 0;
    }
}
