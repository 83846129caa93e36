using System.Globalization;

namespace Zhibiao.Analytics.Forecasting.Arima;

/// <summary>One model the automatic search fitted.</summary>
/// <param name="Order">Its orders.</param>
/// <param name="Constant">Whether it had a constant (mean or drift).</param>
/// <param name="Score">Its criterion; +∞ when the fit failed, had a root within 1.01 of the unit circle, or left too few observations.</param>
internal sealed record ArimaCandidate(ArimaOrder Order, bool Constant, double Score);

/// <summary>The information criterion that ranks candidate models.</summary>
internal enum InformationCriterion
{
    /// <summary>AICc, the small-sample corrected AIC (the default of Hyndman and Khandakar).</summary>
    Aicc,

    /// <summary>Akaike's criterion.</summary>
    Aic,

    /// <summary>Schwarz's Bayesian criterion.</summary>
    Bic,
}

/// <summary>
/// Settings of the automatic ARIMA search; the defaults are those of Hyndman and Khandakar (2008) as R's auto.arima
/// applies them.
/// </summary>
public sealed record AutoArimaOptions
{
    /// <summary>Largest non-seasonal AR order p (further limited to ⌊n/3⌋ and, when seasonal terms are allowed, m − 1).</summary>
    public int MaxP { get; init; } = 5;

    /// <summary>Largest non-seasonal MA order q (same limits).</summary>
    public int MaxQ { get; init; } = 5;

    /// <summary>Largest seasonal AR order P (further limited to ⌊n/3m⌋).</summary>
    public int MaxSeasonalP { get; init; } = 2;

    /// <summary>Largest seasonal MA order Q (same limit).</summary>
    public int MaxSeasonalQ { get; init; } = 2;

    /// <summary>Largest p + q + P + Q a step may reach.</summary>
    public int MaxOrder { get; init; } = 5;

    /// <summary>Largest number of first differences.</summary>
    public int MaxD { get; init; } = 2;

    /// <summary>Largest number of seasonal differences (0 or 1).</summary>
    public int MaxSeasonalD { get; init; } = 1;

    /// <summary>Starting p of the stepwise search.</summary>
    public int StartP { get; init; } = 2;

    /// <summary>Starting q.</summary>
    public int StartQ { get; init; } = 2;

    /// <summary>Starting P.</summary>
    public int StartSeasonalP { get; init; } = 1;

    /// <summary>Starting Q.</summary>
    public int StartSeasonalQ { get; init; } = 1;

    /// <summary>Stepwise search (true) or every order up to <see cref="MaxOrder"/> (false).</summary>
    public bool Stepwise { get; init; } = true;

    /// <summary>Rank candidates by their CSS likelihood and refit the winner by exact ML; null chooses it for n &gt; 150 or m &gt; 12.</summary>
    public bool? Approximation { get; init; }

    /// <summary>Consider a drift when d + D = 1.</summary>
    public bool AllowDrift { get; init; } = true;

    /// <summary>Consider a non-zero mean when d + D = 0.</summary>
    public bool AllowMean { get; init; } = true;

    /// <summary>Significance level of the KPSS tests that choose d (0.01 to 0.1).</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>Largest number of models the stepwise search fits.</summary>
    public int MaxModels { get; init; } = 94;

    /// <summary>The criterion that ranks models.</summary>
    internal InformationCriterion Criterion { get; init; } = InformationCriterion.Aicc;

    /// <summary>Fixes d instead of testing for it.</summary>
    public int? D { get; init; }

    /// <summary>Fixes D instead of testing for it.</summary>
    public int? SeasonalD { get; init; }

    /// <summary>The defaults.</summary>
    public static readonly AutoArimaOptions Default = new();
}

/// <summary>
/// Automatic ARIMA (Hyndman and Khandakar, "Automatic time series forecasting: the forecast package for R", Journal of
/// Statistical Software 27(3), 2008): D from the seasonal strength of an STL decomposition, d from KPSS tests, then a
/// stepwise search over (p, q, P, Q, constant) by AICc — start from (2,2)(1,1), (0,0)(0,0), (1,0)(1,0) and (0,1)(0,1),
/// then move p, q, P, Q by ±1 (singly and in pairs) and toggle the constant while the criterion improves. Each
/// candidate is fitted by CSS then exact ML; candidates with an AR or MA root within 1.01 of the unit circle are
/// rejected. A drift is allowed when d + D = 1, a mean when d + D = 0. When no order can be fitted (every candidate
/// failed, was rejected or has too few observations for the criterion) the model falls back to
/// ARIMA(0,d,0)(0,D,0) with the constant allowed, and says why in its method and <see cref="ArimaModel.FallbackReason"/>.
/// </summary>
/// <param name="options">Settings; null for the defaults.</param>
internal sealed class AutoArimaForecaster(AutoArimaOptions? options = null) : IForecaster
{
    /// <summary>The settings.</summary>
    public AutoArimaOptions Options { get; } = options ?? AutoArimaOptions.Default;

    /// <inheritdoc/>
    public string Name => "arima";

    /// <inheritdoc/>
    public IFittedModel Fit(ReadOnlySpan<double> y, int seasonLength = 1) => Rescaling.Fit(y, seasonLength, FitModel);

    /// <summary>Fits and returns the chosen model with its ARIMA details.</summary>
    /// <param name="y">The observations.</param>
    /// <param name="seasonLength">Periods per season.</param>
    /// <exception cref="ForecastException">Fewer than 3 values, or a missing or infinite value.</exception>
    public ArimaModel FitModel(ReadOnlySpan<double> y, int seasonLength = 1) => FitModel(y, seasonLength, null);

    /// <summary>Fits and returns the chosen model; <paramref name="candidates"/>, when given, receives every candidate the search fitted, in order, with its criterion (+∞ when rejected).</summary>
    /// <exception cref="ForecastException">Fewer than 3 values, or a missing or infinite value.</exception>
    internal ArimaModel FitModel(ReadOnlySpan<double> y, int seasonLength, ICollection<ArimaCandidate>? candidates)
    {
        SeriesChecks.RequireSeasonLength(seasonLength);
        SeriesChecks.RequireComplete(y, 3, Name);
        return new Search(Options, y, seasonLength, candidates).Run();
    }

    /// <summary>One run of the search over one series.</summary>
    private sealed class Search
    {
        private readonly AutoArimaOptions _o;
        private readonly double[] _y;
        private readonly int _n;
        /// <summary>The candidates fitted so far, in order (a list: a search fits a few dozen at most, so a scan beats hashing).</summary>
        private readonly List<((int P, int Q, int SP, int SQ, bool C) Key, ArimaFit? Fit, double Score)> _tried = [];
        private int _m;
        private int _d;
        private int _seasonalD;
        private ArimaEstimator? _estimator;
        private bool _approximate;
        private ArimaFit? _best;
        private double _bestScore = double.PositiveInfinity;
        private (int P, int Q, int SP, int SQ, bool C) _center;
        private int _failed;
        private int _inadmissible;
        private int _tooShort;
        private readonly ICollection<ArimaCandidate>? _log;

        public Search(AutoArimaOptions options, ReadOnlySpan<double> y, int m, ICollection<ArimaCandidate>? log)
        {
            _log = log;
            _o = options;
            _y = y.ToArray();
            _n = y.Length;
            _m = m;
        }

        public ArimaModel Run()
        {
            if (UnitRoots.IsConstant(_y)) return new ArimaModel(_y, Perfect(new ArimaOrder(0, 0, 0), true, _y[0]), 1);

            // Seasonal differences, then first differences.
            if (_m <= 1 || _m >= _n) _m = 1;
            _seasonalD = _m == 1 ? 0 : Math.Min(_o.SeasonalD ?? UnitRoots.SeasonalDifferences(_y, _m), _o.MaxSeasonalD);
            double[] dx = ArmaMath.Difference(_y, 0, _seasonalD, _m);
            _d = _o.D ?? (dx.Length >= 2 ? UnitRoots.Differences(dx, _o.Alpha, _o.MaxD) : 0);
            dx = ArmaMath.Difference(dx, _d, 0, 1);
            int differences = _d + _seasonalD;
            bool allowDrift = _o.AllowDrift && differences == 1;
            bool allowMean = _o.AllowMean && differences == 0;
            bool constant = allowDrift || allowMean;
            _estimator = new ArimaEstimator(_y, _d, _seasonalD, _m);
            if (dx.Length == 0)
                return Fallback(constant, $"the series has {_n} values, none left after {differences} difference(s)");

            if (UnitRoots.IsConstant(dx))
            {
                // Constant differences: a deterministic path, with the constant when allowed (zero σ² when it fits exactly).
                if (constant || dx[0] == 0) return new ArimaModel(_y, Perfect(Order(0, 0, 0, 0), constant, constant ? dx[0] : 0), _m);
                ArimaFit? fit = _estimator.Fit(Order(0, 0, 0, 0), false);
                if (fit is not null) return new ArimaModel(_y, fit, _m);
            }

            int maxP = Math.Min(_o.MaxP, _n / 3);
            int maxQ = Math.Min(_o.MaxQ, _n / 3);
            int maxSP = _m > 1 ? Math.Min(_o.MaxSeasonalP, _n / (3 * _m)) : 0;
            int maxSQ = _m > 1 ? Math.Min(_o.MaxSeasonalQ, _n / (3 * _m)) : 0;
            if (_m > 1)
            {
                if (maxSP > 0) maxP = Math.Min(maxP, _m - 1);
                if (maxSQ > 0) maxQ = Math.Min(maxQ, _m - 1);
            }

            _approximate = _o.Approximation ?? (_n > 150 || _m > 12);
            if (_o.Stepwise) Stepwise(maxP, maxQ, maxSP, maxSQ, constant, allowDrift || allowMean);
            else Grid(maxP, maxQ, maxSP, maxSQ, constant);

            if (_approximate && _best is not null) RefitExactly();
            if (_best is null) return Fallback(constant, Reason());
            return new ArimaModel(_y, _best, _m);
        }

        /// <summary>A model without coefficients that reproduces the data exactly: σ² = 0 and no likelihood.</summary>
        private static ArimaFit Perfect(ArimaOrder order, bool constant, double mean) =>
            new(order, constant, [], [], [], [], mean, 0, null, true);

        private ArimaOrder Order(int p, int q, int sp, int sq) => new(p, _d, q, sp, _seasonalD, sq, _m);

        private string Reason()
        {
            int total = _tried.Count;
            var parts = new List<string>();
            if (_tooShort > 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"{_tooShort} too short for the criterion ({_n} values)"));
            if (_inadmissible > 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"{_inadmissible} with a root near the unit circle"));
            if (_failed > 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"{_failed} without a finite likelihood"));
            return string.Create(CultureInfo.InvariantCulture, $"no ARIMA order could be fitted: of {total} candidate(s), {string.Join(", ", parts)}");
        }

        /// <summary>ARIMA(0,d,0)(0,D,0), with the constant when allowed, and the reason.</summary>
        private ArimaModel Fallback(bool constant, string reason)
        {
            ArimaFit? fit = _estimator!.Fit(Order(0, 0, 0, 0), constant) ?? _estimator.Fit(Order(0, 0, 0, 0), false);
            if (fit is null)
            {
                var mean = new ArimaEstimator(_y, 0, 0, 1);
                fit = mean.Fit(new ArimaOrder(0, 0, 0), true)
                    ?? throw new ForecastException($"arima: not even the mean model fits these values ({reason}); values of extreme magnitude fit when the model is called through Fit, which rescales them");
                return new ArimaModel(_y, fit, 1, reason);
            }

            return new ArimaModel(_y, fit, _m, reason);
        }

        private double Score(ArimaFit fit) => _o.Criterion switch
        {
            InformationCriterion.Aic => fit.Criteria!.Aic,
            InformationCriterion.Bic => fit.Criteria!.Bic,
            _ => _n <= 3 ? fit.Criteria!.Aic : fit.Criteria!.Aicc,
        };

        private bool WasTried((int, int, int, int, bool) key)
        {
            foreach (var entry in _tried)
                if (entry.Key == key) return true;
            return false;
        }

        /// <summary>Fits a candidate unless tried before; true when it beats the best so far (and becomes the centre).</summary>
        private bool Try(int p, int q, int sp, int sq, bool c)
        {
            var key = (p, q, sp, sq, c);
            if (_tried.Count >= _o.MaxModels || WasTried(key)) return false;
            ArimaFit? fit = _estimator!.Fit(Order(p, q, sp, sq), c, _approximate ? ArimaMethod.Css : ArimaMethod.CssMl);
            double score = double.PositiveInfinity;
            if (fit is null) _failed++;
            else if (!fit.Admissible) _inadmissible++;
            else
            {
                score = Score(fit);
                if (double.IsNaN(score) || double.IsPositiveInfinity(score))
                {
                    score = double.PositiveInfinity;
                    _tooShort++;
                }
            }

            _tried.Add((key, fit, score));
            _log?.Add(new ArimaCandidate(Order(p, q, sp, sq), c, score));
            if (score < _bestScore)
            {
                _bestScore = score;
                _best = fit;
                _center = key;
                return true;
            }

            return false;
        }

        private void Stepwise(int maxP, int maxQ, int maxSP, int maxSQ, bool constant, bool toggle)
        {
            int p = Math.Min(_o.StartP, maxP), q = Math.Min(_o.StartQ, maxQ);
            int sp = Math.Min(_o.StartSeasonalP, maxSP), sq = Math.Min(_o.StartSeasonalQ, maxSQ);
            _center = (p, q, sp, sq, constant);
            Try(p, q, sp, sq, constant);
            Try(0, 0, 0, 0, constant);
            if (maxP > 0 || maxSP > 0) Try(maxP > 0 ? 1 : 0, 0, maxSP > 0 ? 1 : 0, 0, constant);
            if (maxQ > 0 || maxSQ > 0) Try(0, maxQ > 0 ? 1 : 0, 0, maxSQ > 0 ? 1 : 0, constant);
            // As R's auto.arima does, a win of the null model without constant moves the centre to (0,0)(0,0) but the
            // search goes on among models with the constant; the toggle step compares the two.
            if (constant && Try(0, 0, 0, 0, false)) _center = (0, 0, 0, 0, true);

            int maxOrder = _o.MaxOrder;
            while (_tried.Count < _o.MaxModels)
            {
                (p, q, sp, sq, bool c) = _center;
                int sum = p + q + sp + sq;
                bool improved =
                    (sp > 0 && Try(p, q, sp - 1, sq, c)) ||
                    (sq > 0 && Try(p, q, sp, sq - 1, c)) ||
                    (sp < maxSP && sum + 1 <= maxOrder && Try(p, q, sp + 1, sq, c)) ||
                    (sq < maxSQ && sum + 1 <= maxOrder && Try(p, q, sp, sq + 1, c)) ||
                    (sq > 0 && sp > 0 && Try(p, q, sp - 1, sq - 1, c)) ||
                    (sq < maxSQ && sp > 0 && Try(p, q, sp - 1, sq + 1, c)) ||
                    (sq > 0 && sp < maxSP && Try(p, q, sp + 1, sq - 1, c)) ||
                    (sq < maxSQ && sp < maxSP && sum + 2 <= maxOrder && Try(p, q, sp + 1, sq + 1, c)) ||
                    (p > 0 && Try(p - 1, q, sp, sq, c)) ||
                    (q > 0 && Try(p, q - 1, sp, sq, c)) ||
                    (p < maxP && sum + 1 <= maxOrder && Try(p + 1, q, sp, sq, c)) ||
                    (q < maxQ && sum + 1 <= maxOrder && Try(p, q + 1, sp, sq, c)) ||
                    (q > 0 && p > 0 && Try(p - 1, q - 1, sp, sq, c)) ||
                    (q < maxQ && p > 0 && Try(p - 1, q + 1, sp, sq, c)) ||
                    (q > 0 && p < maxP && Try(p + 1, q - 1, sp, sq, c)) ||
                    (q < maxQ && p < maxP && sum + 2 <= maxOrder && Try(p + 1, q + 1, sp, sq, c)) ||
                    (toggle && Try(p, q, sp, sq, !c));
                if (!improved) break;
            }
        }

        private void Grid(int maxP, int maxQ, int maxSP, int maxSQ, bool constant)
        {
            for (int p = 0; p <= maxP; p++)
                for (int q = 0; q <= maxQ; q++)
                    for (int sp = 0; sp <= maxSP; sp++)
                        for (int sq = 0; sq <= maxSQ; sq++)
                        {
                            if (p + q + sp + sq > _o.MaxOrder) continue;
                            Try(p, q, sp, sq, false);
                            if (constant) Try(p, q, sp, sq, true);
                        }
        }

        /// <summary>After a CSS-ranked search, refits candidates by exact ML in order of their CSS score until one is admissible.</summary>
        private void RefitExactly()
        {
            var ranked = _tried.Where(e => e.Fit is not null && double.IsFinite(e.Score)).OrderBy(e => e.Score).ToList();
            _best = null;
            _bestScore = double.PositiveInfinity;
            foreach (var entry in ranked)
            {
                (int p, int q, int sp, int sq, bool c) = entry.Key;
                ArimaFit? fit = _estimator!.Fit(Order(p, q, sp, sq), c, ArimaMethod.CssMl);
                if (fit is null || !fit.Admissible || !double.IsFinite(Score(fit))) continue;
                _best = fit;
                _bestScore = Score(fit);
                return;
            }
        }
    }
}
