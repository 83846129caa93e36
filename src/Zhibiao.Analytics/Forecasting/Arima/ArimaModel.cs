using System.Globalization;
using MathNet.Numerics.Distributions;

namespace Zhibiao.Analytics.Forecasting.Arima;

/// <summary>
/// A fitted ARIMA(p,d,q)(P,D,Q)m model with an optional constant:
/// φ(B)Φ(Bᵐ)(wₜ − μ) = θ(B)Θ(Bᵐ)εₜ, wₜ = (1 − B)ᵈ(1 − Bᵐ)ᴰyₜ, εₜ ~ N(0, σ²). With d + D = 0 the constant μ is the
/// mean of y; with d + D = 1 it is a drift (slope c = μ for d = 1, μ/m for D = 1).
/// Forecasts run the state-space form from the filtered state a_{n|n}: ŵₙ₊ₕ = μ + ZTʰaₙ, integrated by
/// yₜ = wₜ + Σδⱼyₜ₋ⱼ. The forecast variance is σ²(Σ_{j&lt;h} ψ*ⱼ² + G'ₕPₙGₕ): ψ* are the ψ-weights of the integrated
/// model φ(B)Φ(Bᵐ)(1 − B)ᵈ(1 − Bᵐ)ᴰ (Box, Jenkins and Reinsel, §5.1) and the second term carries the uncertainty of
/// the final state (zero once the filter has converged); σ² is the degrees-of-freedom-adjusted <see cref="Sigma2"/>. Sample paths draw the final state from N(aₙ, σ²Pₙ) and
/// run the state equation with Gaussian innovations.
/// </summary>
internal sealed class ArimaModel : FittedModel
{
    private readonly double[] _y;
    private readonly double[] _fitted;
    private readonly double[] _expandedAr;
    private readonly double[] _expandedMa;
    private readonly double[] _delta;
    private readonly double[] _state;
    private readonly double[] _stateCovariance;
    private readonly bool _stateUncertain;
    private readonly int _r;
    private readonly Dictionary<string, double> _parameters;
    private double[]? _cholesky;

    internal ArimaModel(ReadOnlySpan<double> y, ArimaFit fit, int seasonLength, string? fallbackReason = null)
    {
        _y = y.ToArray();
        Order = fit.Order;
        IncludesConstant = fit.Constant;
        Ar = fit.Ar;
        Ma = fit.Ma;
        SeasonalAr = fit.SeasonalAr;
        SeasonalMa = fit.SeasonalMa;
        Mean = fit.Mean;
        Criteria = fit.Criteria;
        FallbackReason = fallbackReason;
        int m = Math.Max(1, seasonLength);
        _expandedAr = new double[fit.Order.P + (fit.Order.SeasonalP * m)];
        _expandedMa = new double[fit.Order.Q + (fit.Order.SeasonalQ * m)];
        ArmaMath.ExpandAr(fit.Ar, fit.SeasonalAr, m, _expandedAr);
        ArmaMath.ExpandMa(fit.Ma, fit.SeasonalMa, m, _expandedMa);
        _delta = ArmaMath.Differencing(fit.Order.D, fit.Order.SeasonalD, m);

        // One filter pass for the innovations and the final state.
        var filter = new ArmaFilter(ArmaMath.Difference(y, fit.Order.D, fit.Order.SeasonalD, m));
        var filtered = new FilteredState();
        int nd = _delta.Length;
        _fitted = new double[_y.Length];
        Array.Fill(_fitted, double.NaN);
        if (filter.Series.Length > 0)
        {
            filter.Exact(_expandedAr, _expandedMa, fit.Constant, out _, filtered);
            for (int s = 0; s < filter.Series.Length; s++)
                _fitted[nd + s] = _y[nd + s] - (filter.Innovations[s] - (Mean * filter.OnesInnovations[s]));
            _r = filtered.Size;
            _state = new double[_r];
            for (int i = 0; i < _r; i++) _state[i] = filtered.StateData[i] - (Mean * filtered.StateOnes[i]);
            _stateCovariance = filtered.Covariance;
        }

        else
        {
            _r = Math.Max(_expandedAr.Length, _expandedMa.Length + 1);
            _state = new double[_r];
            _stateCovariance = new double[_r * _r];
        }

        // σ² for forecasting: the ML estimate Σvₜ²/Fₜ ÷ n* rescaled to n* − k degrees of freedom (n* = n − d − Dm,
        // k coefficients and constant), as R's forecast::Arima reports it.
        int used = _y.Length - nd;
        int freedom = used - fit.Order.Coefficients - (fit.Constant ? 1 : 0);
        Sigma2 = freedom > 0 ? fit.Sigma2 * used / freedom : fit.Sigma2;
        MaximumLikelihoodSigma2 = fit.Sigma2;

        foreach (double v in _stateCovariance)
            if (Math.Abs(v) > 0) _stateUncertain = true;

        _parameters = new Dictionary<string, double>(StringComparer.Ordinal);
        Add("ar", fit.Ar);
        Add("ma", fit.Ma);
        Add("sar", fit.SeasonalAr);
        Add("sma", fit.SeasonalMa);
        int differences = fit.Order.D + fit.Order.SeasonalD;
        if (fit.Constant)
        {
            if (differences == 0) _parameters["mean"] = Mean;
            else _parameters["drift"] = Drift;
        }

        _parameters["sigma2"] = Sigma2;
        string constant = differences switch
        {
            0 => fit.Constant ? " with non-zero mean" : " with zero mean",
            1 when fit.Constant => " with drift",
            _ => "",
        };
        Method = Order + constant + (fallbackReason is null ? "" : $" (fallback: {fallbackReason})");
    }

    /// <summary>The orders.</summary>
    public ArimaOrder Order { get; }

    /// <summary>Whether the model has a constant (a mean when d + D = 0, a drift when d + D = 1).</summary>
    public bool IncludesConstant { get; }

    /// <summary>Non-seasonal AR coefficients φ₁..φₚ (φ(B) = 1 − Σφᵢ Bⁱ).</summary>
    public IReadOnlyList<double> Ar { get; }

    /// <summary>Non-seasonal MA coefficients θ₁..θ_q (θ(B) = 1 + Σθᵢ Bⁱ).</summary>
    public IReadOnlyList<double> Ma { get; }

    /// <summary>Seasonal AR coefficients Φ₁..Φ_P.</summary>
    public IReadOnlyList<double> SeasonalAr { get; }

    /// <summary>Seasonal MA coefficients Θ₁..Θ_Q.</summary>
    public IReadOnlyList<double> SeasonalMa { get; }

    /// <summary>μ, the mean of the differenced series (0 without a constant).</summary>
    public double Mean { get; }

    /// <summary>The drift per period: μ divided by 1 (d = 1) or m (D = 1); equals μ when d + D = 0.</summary>
    public double Drift => Order.D == 0 && Order.SeasonalD == 1 ? Mean / Order.SeasonLength : Mean;

    /// <summary>
    /// The innovation variance used for intervals and sample paths: Σvₜ²/Fₜ ÷ (n − d − Dm − k), the standardised
    /// innovations' sum of squares over the degrees of freedom left after the k coefficients and constant (as R's
    /// forecast::Arima reports it).
    /// </summary>
    public double Sigma2 { get; }

    /// <summary>The maximum-likelihood innovation variance σ̂² = Σvₜ²/Fₜ ÷ (n − d − Dm) behind the log-likelihood.</summary>
    public double MaximumLikelihoodSigma2 { get; }

    /// <summary>Why the automatic search fell back to this model, or null when it was chosen normally.</summary>
    public string? FallbackReason { get; }

    /// <inheritdoc/>
    public override string Method { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<double> Fitted => _fitted;

    /// <inheritdoc/>
    public override IReadOnlyDictionary<string, double> Parameters => _parameters;

    /// <inheritdoc/>
    public override InformationCriteria? Criteria { get; }

    /// <inheritdoc/>
    protected override ReadOnlySpan<double> Observations => _y;

    private void Add(string prefix, double[] values)
    {
        for (int i = 0; i < values.Length; i++) _parameters[prefix + (i + 1).ToString(CultureInfo.InvariantCulture)] = values[i];
    }

    /// <inheritdoc/>
    protected override void PointForecast(Span<double> mean)
    {
        int horizon = mean.Length;
        var state = (double[])_state.Clone();
        Span<double> extended = Extend(horizon);
        int n = _y.Length;
        for (int h = 0; h < horizon; h++)
        {
            Transition(state);
            double w = Mean + state[0];
            extended[n + h] = Integrate(extended, n + h, w);
            mean[h] = extended[n + h];
        }
    }

    /// <inheritdoc/>
    protected override bool TryForecastVariance(Span<double> variance)
    {
        int horizon = variance.Length;
        double[] integratedAr = MultiplyAr(_expandedAr, _delta);
        var psi = new double[horizon];
        ArmaMath.Psi(integratedAr, _expandedMa, psi);
        double sum = 0;
        for (int h = 0; h < horizon; h++)
        {
            sum += psi[h] * psi[h];
            variance[h] = sum;
        }

        if (_stateUncertain)
        {
            // Gₕ = (ZTʰ)' + Σⱼ δⱼ Gₕ₋ⱼ; the state term is G'ₕ Pₙ Gₕ.
            int r = _r;
            int nd = _delta.Length;
            var g = new double[r];
            g[0] = 1;
            var history = new double[(nd + 1) * r];
            var current = new double[r];
            for (int h = 1; h <= horizon; h++)
            {
                double first = 0;
                for (int i = 0; i < r; i++) first += g[i] * (i < _expandedAr.Length ? _expandedAr[i] : 0);
                for (int i = r - 1; i >= 1; i--) g[i] = g[i - 1];
                g[0] = first;
                Array.Copy(g, current, r);
                for (int j = 1; j <= nd && j < h; j++)
                {
                    int slot = (h - j) % (nd + 1);
                    for (int i = 0; i < r; i++) current[i] += _delta[j - 1] * history[(slot * r) + i];
                }

                Array.Copy(current, 0, history, (h % (nd + 1)) * r, r);
                double quadratic = 0;
                for (int i = 0; i < r; i++)
                {
                    double row = 0;
                    for (int j = 0; j < r; j++) row += _stateCovariance[(i * r) + j] * current[j];
                    quadratic += current[i] * row;
                }

                variance[h - 1] += Math.Max(0, quadratic);
            }
        }

        for (int h = 0; h < horizon; h++) variance[h] *= Sigma2;
        return true;
    }

    /// <inheritdoc/>
    protected override void SimulatePath(Span<double> path, Random random)
    {
        int horizon = path.Length;
        double sigma = Math.Sqrt(Sigma2);
        var state = (double[])_state.Clone();
        if (_stateUncertain)
        {
            double[] l = _cholesky ??= SemidefiniteCholesky(_stateCovariance, _r);
            var z = new double[_r];
            for (int i = 0; i < _r; i++) z[i] = Normal.Sample(random, 0, 1);
            for (int i = 0; i < _r; i++)
            {
                double v = 0;
                for (int j = 0; j <= i; j++) v += l[(i * _r) + j] * z[j];
                state[i] += sigma * v;
            }
        }

        Span<double> extended = Extend(horizon);
        int n = _y.Length;
        for (int h = 0; h < horizon; h++)
        {
            double e = sigma * Normal.Sample(random, 0, 1);
            Transition(state);
            state[0] += e;
            for (int i = 1; i < _r; i++) state[i] += (i - 1 < _expandedMa.Length ? _expandedMa[i - 1] : 0) * e;
            double w = Mean + state[0];
            extended[n + h] = Integrate(extended, n + h, w);
            path[h] = extended[n + h];
        }
    }

    /// <summary>α ← Tα: α(i) = φᵢ₊₁α(0) + α(i + 1).</summary>
    private void Transition(double[] state)
    {
        double first = state[0];
        for (int i = 0; i < _r; i++)
            state[i] = ((i < _expandedAr.Length ? _expandedAr[i] : 0) * first) + (i + 1 < _r ? state[i + 1] : 0);
    }

    /// <summary>yₜ = wₜ + Σ δⱼ yₜ₋ⱼ.</summary>
    private double Integrate(Span<double> extended, int t, double w)
    {
        double v = w;
        for (int j = 1; j <= _delta.Length; j++) v += _delta[j - 1] * extended[t - j];
        return v;
    }

    private double[] Extend(int horizon)
    {
        var extended = new double[_y.Length + horizon];
        _y.CopyTo(extended, 0);
        return extended;
    }

    /// <summary>(1 − Σaᵢ Bⁱ)(1 − Σbⱼ Bʲ) = 1 − Σcₖ Bᵏ.</summary>
    private static double[] MultiplyAr(double[] a, double[] b)
    {
        var c = new double[a.Length + b.Length];
        for (int i = 0; i < a.Length; i++) c[i] += a[i];
        for (int j = 0; j < b.Length; j++) c[j] += b[j];
        for (int i = 0; i < a.Length; i++)
            for (int j = 0; j < b.Length; j++) c[i + j + 1] -= a[i] * b[j];
        return c;
    }

    /// <summary>Lower-triangular L with LL' = A for a positive semidefinite A; pivots below 1e-12 are treated as zero.</summary>
    private static double[] SemidefiniteCholesky(double[] a, int n)
    {
        var l = new double[n * n];
        for (int j = 0; j < n; j++)
        {
            double d = a[(j * n) + j];
            for (int k = 0; k < j; k++) d -= l[(j * n) + k] * l[(j * n) + k];
            if (d <= 1e-12) continue;
            double root = Math.Sqrt(d);
            l[(j * n) + j] = root;
            for (int i = j + 1; i < n; i++)
            {
                double v = a[(i * n) + j];
                for (int k = 0; k < j; k++) v -= l[(i * n) + k] * l[(j * n) + k];
                l[(i * n) + j] = v / root;
            }
        }

        return l;
    }
}
