using Zhibiao.Analytics.Forecasting.Optimization;

namespace Zhibiao.Analytics.Forecasting.Ets;

/// <summary>
/// Maximum-likelihood estimation of ETS models on one series (Hyndman et al. 2008, ch. 5): the parameters and the
/// initial states minimise n log Σe² + 2Σ log|μ_t| (the second term for multiplicative error), e_t = y_t − μ_t or
/// (y_t − μ_t)/μ_t, inside the usual and admissible regions, by a bounded Nelder–Mead. Two strategies
/// (<see cref="EtsEstimation"/>), each in its own file:
/// <list type="bullet">
/// <item><see cref="FitClassic"/> (the default, R's procedure, <c>EtsEstimator.Classic.cs</c>): one Nash simplex over
/// parameters and states together from R's starting values; non-seasonal models with additive or no trend are
/// evaluated four trial points at a time by <see cref="EtsKernels"/> (<c>EtsEstimator.NonSeasonalObjective.cs</c>).</item>
/// <item><see cref="Fit"/> (profiled): where the forecasts are linear in the states, the errors of given parameters
/// are affine in them, e = r + Uθ (r from a starting guess, U the responses to unit states), so the states are solved
/// for — least squares for additive error (<c>EtsEstimator.Profiled.cs</c>), Gauss–Newton for multiplicative error
/// (<c>EtsEstimator.MultiplicativeProfile.cs</c>) — and the simplex moves over the 1–4 smoothing parameters only;
/// other models are estimated jointly (<c>EtsEstimator.Joint.cs</c>).</item>
/// <item><see cref="FitLeastSquares"/>: the least-squares fallback for short series (<c>EtsEstimator.Fallback.cs</c>).</item>
/// </list>
/// The parameter cube is <see cref="EtsParameterLayout"/>, the small linear algebra <see cref="EtsLinearAlgebra"/>.
/// All work arrays are allocated once per series and model.
/// </summary>
internal sealed partial class EtsEstimator
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
        var layout = new EtsParameterLayout(model, _options);
        if (!layout.Feasible) return null;
        PrepareProfiled();
        int seasonLength = model.HasSeason ? _m : 1;
        int k = layout.Count + FreeStates(model, seasonLength) + 1;
        return model.IsLinear ? FitLinear(model, layout, k) : FitJoint(model, layout, k);
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
}
