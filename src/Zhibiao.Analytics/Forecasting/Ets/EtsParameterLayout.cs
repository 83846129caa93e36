namespace Zhibiao.Analytics.Forecasting.Ets;

/// <summary>
/// The smoothing parameters a model estimates, mapped from the unit cube: α in its bounds, then β in
/// [β_lo, min(α, β_hi)], γ in [γ_lo, min(1 − α, γ_hi)] and φ in its bounds, so every point of the cube is in the
/// usual region (Hyndman et al. 2008, §5.2); fixed values from the options take the place of estimated ones.
/// </summary>
internal readonly struct EtsParameterLayout
{
    private readonly EtsParameterBounds _b;
    private readonly double _alphaLo, _alphaHi;
    private readonly double? _alpha, _beta, _gamma, _phi;
    private readonly bool _trend, _season, _damped;
    private readonly double[] _lower, _upper;

    public EtsParameterLayout(EtsModel model, EtsOptions options)
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
