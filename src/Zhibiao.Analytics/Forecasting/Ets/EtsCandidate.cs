namespace Zhibiao.Analytics.Forecasting.Ets;

/// <summary>One estimated ETS model: parameters, initial states and likelihood, before it is chosen.</summary>
internal sealed class EtsCandidate
{
    public EtsCandidate(EtsModel model, EtsParameters parameters, double[] states, int seasonLength)
    {
        Model = model;
        Parameters = parameters;
        States = states;
        SeasonLength = seasonLength;
    }

    /// <summary>The model.</summary>
    public EtsModel Model { get; }

    /// <summary>α, β, γ, φ.</summary>
    public EtsParameters Parameters { get; }

    /// <summary>Initial states [ℓ, b, s ring (slot 0 used at time <see cref="Start"/>)].</summary>
    public double[] States { get; }

    /// <summary>m (1 without season).</summary>
    public int SeasonLength { get; }

    /// <summary>The time index the recursion starts at (0, or later for the least-squares fallback).</summary>
    public int Start { get; init; }

    /// <summary>n log(Σe²) + 2Σ log μ (the last term for multiplicative error only) at the estimate.</summary>
    public double Lik { get; init; }

    /// <summary>Number of estimated parameters and initial states, plus one for the variance.</summary>
    public int K { get; init; }

    /// <summary>Number of observations in the likelihood.</summary>
    public int Count { get; init; }

    /// <summary>Whether the fit is the least-squares fallback for short series (no likelihood).</summary>
    public bool IsFallback { get; init; }

    /// <summary>
    /// The Gaussian log-likelihood with the variance profiled out: log L = −(n/2)(log(2π Σe²/n) + 1) − Σ log|μ|
    /// (Hyndman et al. 2008, §5.2). R's ets() reports −Lik/2, which differs by a constant in n.
    /// </summary>
    public double LogLikelihood => -0.5 * (Lik + (Count * (Math.Log(2 * Math.PI / Count) + 1)));

    /// <summary>The information criteria, or null for fallback fits.</summary>
    public InformationCriteria? Criteria => IsFallback ? null : InformationCriteria.From(LogLikelihood, K, Count);

    /// <summary>The value of the chosen criterion (lower is better; +∞ when undefined).</summary>
    public double Score(EtsCriterion criterion)
    {
        if (Criteria is not { } c) return double.PositiveInfinity;
        double v = criterion switch { EtsCriterion.Aic => c.Aic, EtsCriterion.Bic => c.Bic, _ => c.Aicc };
        return double.IsNaN(v) ? double.PositiveInfinity : v;
    }
}
