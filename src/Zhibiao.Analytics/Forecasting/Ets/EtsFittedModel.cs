using System.Globalization;

namespace Zhibiao.Analytics.Forecasting.Ets;

/// <summary>
/// A fitted ETS model: its parameters, initial and final states, and forecasts. Point forecasts run the state
/// recursion with zero errors. Prediction variances are analytic for class 1 (additive error, linear: v_h = σ²(1 +
/// Σ_(j&lt;h) c_j²)) and class 2 (multiplicative error with additive trend and season: v_h = (1 + σ²)θ_h − μ_h²,
/// θ_h = μ_h² + σ² Σ_(j&lt;h) c_j² θ_(h−j)) of Hyndman et al. (2008, §6.3); other models get intervals from simulated
/// sample paths. σ² = Σe²/(n − p), p the number of estimated parameters and initial states, as R's ets() reports it.
/// </summary>
internal sealed class EtsFittedModel : FittedModel
{
    private readonly double[] _y;
    private readonly double[] _fitted;
    private readonly double[] _initial;
    private readonly double[] _finalSeason;
    private readonly double _finalLevel;
    private readonly double _finalTrend;
    private readonly EtsParameters _p;
    private readonly InformationCriteria? _criteria;
    private Dictionary<string, double>? _parameters;

    internal EtsFittedModel(EtsCandidate candidate, double[] y)
    {
        _y = y;
        Model = candidate.Model;
        _p = candidate.Parameters;
        _initial = candidate.States;
        int m = Model.HasSeason ? candidate.SeasonLength : 0;
        SeasonLength = Math.Max(1, candidate.SeasonLength);
        _fitted = new double[y.Length];
        _fitted.AsSpan(0, candidate.Start).Fill(double.NaN);
        double l = _initial[0], b = _initial[1];
        _finalSeason = _initial.AsSpan(2, m).ToArray();
        EtsRecursion.Run(Model, _p, y, candidate.Start, ref l, ref b, _finalSeason, _fitted, out EtsRecursion.Totals totals);
        _finalLevel = l;
        _finalTrend = b;
        int estimated = candidate.K - 1;
        int dof = totals.Count - estimated;
        Sigma2 = totals.Count == 0 ? 0 : totals.SumSquares / (dof > 0 ? dof : totals.Count);
        _criteria = candidate.Criteria;
        Start = candidate.Start;
        IsFallback = candidate.IsFallback;
    }

    /// <summary>The model form.</summary>
    public EtsModel Model { get; }

    /// <inheritdoc/>
    public override string Method => Model.Name;

    /// <summary>m of the seasonal component (1 for non-seasonal models).</summary>
    public int SeasonLength { get; }

    /// <summary>α, the level smoothing parameter.</summary>
    public double Alpha => _p.Alpha;

    /// <summary>β, the trend smoothing parameter (NaN without trend).</summary>
    public double Beta => Model.HasTrend ? _p.Beta : double.NaN;

    /// <summary>γ, the seasonal smoothing parameter (NaN without season).</summary>
    public double Gamma => Model.HasSeason ? _p.Gamma : double.NaN;

    /// <summary>φ, the damping parameter (1 for undamped trends, NaN without trend).</summary>
    public double Phi => Model.HasTrend ? _p.Phi : double.NaN;

    /// <summary>The variance of the innovations (of the relative errors for multiplicative error): Σe²/(n − p).</summary>
    public double Sigma2 { get; }

    /// <summary>The time index the recursion starts at: 0, or the first fitted value of a short-series fallback.</summary>
    public int Start { get; }

    /// <summary>
    /// Whether this is the least-squares fallback R's ets() uses for series too short for maximum likelihood
    /// (simple initial states, parameters minimising the sum of squared errors; no likelihood).
    /// </summary>
    public bool IsFallback { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<double> Fitted => _fitted;

    /// <inheritdoc/>
    public override InformationCriteria? Criteria => _criteria;

    /// <inheritdoc/>
    public override IReadOnlyDictionary<string, double> Parameters => _parameters ??= BuildParameters();

    /// <inheritdoc/>
    protected override ReadOnlySpan<double> Observations => _y;

    /// <inheritdoc/>
    protected override void PointForecast(Span<double> mean) =>
        EtsRecursion.Forecast(Model, _p, _finalLevel, _finalTrend, _finalSeason, mean);

    /// <inheritdoc/>
    protected override bool TryForecastVariance(Span<double> variance)
    {
        int cls = Model.VarianceClass;
        if (cls is not (1 or 2)) return false;
        int horizon = variance.Length;
        double sigma2 = Sigma2;
        double[] c = new double[Math.Max(0, horizon - 1)];
        EtsRecursion.ImpulseResponse(Model, _p, SeasonLength, c);
        if (cls == 1)
        {
            double sum = 0;
            for (int h = 0; h < horizon; h++)
            {
                variance[h] = sigma2 * (1 + sum);
                if (h < c.Length) sum += c[h] * c[h];
            }

            return true;
        }

        double[] mean = new double[horizon];
        PointForecast(mean);
        double[] theta = new double[horizon];
        for (int h = 0; h < horizon; h++)
        {
            double s = 0;
            for (int j = 1; j <= h; j++) s += c[j - 1] * c[j - 1] * theta[h - j];
            theta[h] = (mean[h] * mean[h]) + (sigma2 * s);
            variance[h] = ((1 + sigma2) * theta[h]) - (mean[h] * mean[h]);
        }

        return true;
    }

    /// <inheritdoc/>
    protected override void SimulatePath(Span<double> path, Random random)
    {
        int m = _finalSeason.Length;
        Span<double> ring = m <= 256 ? stackalloc double[m] : new double[m];
        EtsRecursion.Simulate(Model, _p, _finalLevel, _finalTrend, _finalSeason, Math.Sqrt(Sigma2), path, ring, random);
    }

    private Dictionary<string, double> BuildParameters()
    {
        var d = new Dictionary<string, double>(StringComparer.Ordinal) { ["alpha"] = _p.Alpha };
        if (Model.HasTrend) d["beta"] = _p.Beta;
        if (Model.HasSeason) d["gamma"] = _p.Gamma;
        if (Model.HasTrend && Model.Damped) d["phi"] = _p.Phi;
        d["l0"] = _initial[0];
        if (Model.HasTrend) d["b0"] = _initial[1];
        if (Model.HasSeason)
        {
            int m = _finalSeason.Length;
            for (int i = 0; i < m; i++) d[i == 0 ? "s0" : "s-" + i.ToString(CultureInfo.InvariantCulture)] = _initial[2 + m - 1 - i];
        }

        d["sigma2"] = Sigma2;
        return d;
    }
}
