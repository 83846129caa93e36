namespace Zhibiao.Analytics.Forecasting.Ets;

/// <summary>The information criterion that chooses among candidate ETS models.</summary>
internal enum EtsCriterion
{
    /// <summary>AICc = AIC + 2k(k + 1)/(n − k − 1) (the default, as in R's ets()).</summary>
    Aicc,

    /// <summary>AIC = −2 log L + 2k.</summary>
    Aic,

    /// <summary>BIC = −2 log L + k log n.</summary>
    Bic,
}

/// <summary>Which parameter region the estimation keeps to (Hyndman et al. 2008, §10.4; R's ets(bounds = …)).</summary>
internal enum EtsBounds
{
    /// <summary>The usual region: each parameter within its bounds, β ≤ α and γ ≤ 1 − α.</summary>
    Usual,

    /// <summary>The usual region intersected with the admissible region (the forecastability condition: all
    /// eigenvalues of D = F − g w′ inside the unit circle, apart from the seasonal unit root). R's default.</summary>
    Both,
}

/// <summary>How the parameters and initial states are searched for.</summary>
internal enum EtsEstimation
{
    /// <summary>
    /// R's procedure: one Nelder–Mead simplex (Nash's variant, as R's optim) over the smoothing parameters and the
    /// initial states together, from R's starting values (α = 0.2/m …, states from the heuristic of Hyndman et al.
    /// 2008, §2.6.1). Its optimum is often local; model choices and accuracy then follow R's ets() closely.
    /// </summary>
    Joint,

    /// <summary>
    /// The initial states are profiled out where the forecasts are linear in them (least squares for additive error,
    /// Gauss–Newton for multiplicative error), a coarse grid picks the simplex start over the 1–4 smoothing
    /// parameters, and the simplex polishes: the likelihood reached is as high or higher than <see cref="Joint"/>'s.
    /// </summary>
    Profiled,
}

/// <summary>Lower and upper bounds of the smoothing parameters and the damping parameter.</summary>
/// <param name="AlphaLower">Lowest α.</param>
/// <param name="AlphaUpper">Highest α.</param>
/// <param name="BetaLower">Lowest β (the highest is min(α, <paramref name="BetaUpper"/>)).</param>
/// <param name="BetaUpper">Highest β.</param>
/// <param name="GammaLower">Lowest γ (the highest is min(1 − α, <paramref name="GammaUpper"/>)).</param>
/// <param name="GammaUpper">Highest γ.</param>
/// <param name="PhiLower">Lowest φ.</param>
/// <param name="PhiUpper">Highest φ.</param>
internal sealed record EtsParameterBounds(
    double AlphaLower = 1e-4, double AlphaUpper = 0.9999,
    double BetaLower = 1e-4, double BetaUpper = 0.9999,
    double GammaLower = 1e-4, double GammaUpper = 0.9999,
    double PhiLower = 0.8, double PhiUpper = 0.98)
{
    /// <summary>R's defaults: α, β, γ in [1e-4, 0.9999], φ in [0.8, 0.98].</summary>
    public static readonly EtsParameterBounds Default = new();
}

/// <summary>
/// Options of <see cref="EtsForecaster"/>, with the defaults of R's forecast::ets(): automatic model "ZZZ", damped
/// and undamped trends tried, no multiplicative trend, models with infinite variance left out, AICc, "both" bounds.
/// </summary>
public sealed record EtsOptions
{
    /// <summary>The defaults (automatic ETS).</summary>
    public static readonly EtsOptions Default = new();

    /// <summary>
    /// The model: error (A, M, Z), trend (N, A, Ad, M, Md, Z), season (N, A, M, Z); Z chooses. Automatic ("ZZZ") by
    /// default; a code such as "MAdN" or "ETS(M,Ad,N)" (case-insensitive) fixes the parts it names.
    /// </summary>
    public string Model { get; init; } = "ZZZ";

    /// <summary>For a Z trend: null tries damped and undamped trends, true only damped ones (and no N trend), false only undamped.</summary>
    public bool? Damped { get; init; }

    /// <summary>Whether a Z trend may be multiplicative (R: allow.multiplicative.trend, FALSE by default).</summary>
    public bool AllowMultiplicativeTrend { get; init; }

    /// <summary>Whether only additive models are candidates.</summary>
    public bool AdditiveOnly { get; init; }

    /// <summary>Whether models with infinite forecast variance are left out of the candidates (R: restrict = TRUE).</summary>
    public bool Restrict { get; init; } = true;

    /// <summary>The criterion that chooses among candidates.</summary>
    internal EtsCriterion Criterion { get; init; } = EtsCriterion.Aicc;

    /// <summary>How parameters and initial states are estimated.</summary>
    internal EtsEstimation Estimation { get; init; } = EtsEstimation.Joint;

    /// <summary>The parameter region.</summary>
    internal EtsBounds Bounds { get; init; } = EtsBounds.Both;

    /// <summary>The parameter bounds.</summary>
    internal EtsParameterBounds Limits { get; init; } = EtsParameterBounds.Default;

    /// <summary>A fixed α instead of an estimated one.</summary>
    public double? Alpha { get; init; }

    /// <summary>A fixed β.</summary>
    public double? Beta { get; init; }

    /// <summary>A fixed γ.</summary>
    public double? Gamma { get; init; }

    /// <summary>A fixed φ.</summary>
    public double? Phi { get; init; }

    /// <summary>Season lengths above this are treated as non-seasonal data (R: 24).</summary>
    public int MaxSeasonLength { get; init; } = 24;

    /// <summary>
    /// Whether missing values (NaN) inside the series are allowed: the state-space recursion then skips the update at
    /// a missing time (the states move by their transition only) and the likelihood sums over the observed times.
    /// Off by default: a series with a missing value is an error.
    /// </summary>
    public bool AllowMissing { get; init; }

    /// <summary>The name of the forecaster built from these options ("ets" unless set).</summary>
    public string Name { get; init; } = "ets";
}
