using System.Globalization;

namespace Zhibiao.Analytics.Forecasting.Ets;

/// <summary>
/// Exponential smoothing in state-space form (ETS; Hyndman, Koehler, Snyder and Grose, IJF 2002; Hyndman, Koehler,
/// Ord and Snyder, Forecasting with Exponential Smoothing, Springer 2008), fitted by maximum likelihood, with
/// automatic selection by AICc over the admissible candidates as R's forecast::ets() does:
/// <list type="bullet">
/// <item>candidates: error A/M × trend N/A/Ad (M/Md when allowed) × season N/A/M; multiplicative components only for
/// positive data, seasonal ones only for seasonal data (1 &lt; m ≤ 24), models with infinite variance left out;</item>
/// <item>a candidate needs n &gt; k + 1 (k parameters, initial states and the variance) for a finite AICc;</item>
/// <item>series too short for the requested model (n ≤ p + 4, p = 2 + 2 for a named trend + m for a named season
/// + 1 for damping) get R's fallback: Holt–Winters, Holt or simple exponential smoothing fitted by least squares
/// from simple initial states, without damping (seasonality dropped when n &lt; 2m);</item>
/// <item>a constant series gets a flat forecast (simple exponential smoothing with zero variance).</item>
/// </list>
/// </summary>
internal sealed class EtsForecaster : IForecaster
{
    private readonly EtsSpec _spec;

    /// <summary>An ETS forecaster with the given options (automatic "ZZZ" by default).</summary>
    /// <exception cref="ArgumentException">A fixed parameter is outside [0, 1] (φ outside (0, 1]).</exception>
    public EtsForecaster(EtsOptions? options = null)
    {
        Options = options ?? EtsOptions.Default;
        _spec = EtsSpec.Parse(Options.Model);
        CheckFixed(Options.Alpha, nameof(EtsOptions.Alpha), 0, 1);
        CheckFixed(Options.Beta, nameof(EtsOptions.Beta), 0, 1);
        CheckFixed(Options.Gamma, nameof(EtsOptions.Gamma), 0, 1);
        CheckFixed(Options.Phi, nameof(EtsOptions.Phi), double.Epsilon, 1);
        if (Options.MaxSeasonLength < 1) throw new ArgumentException("MaxSeasonLength must be at least 1", nameof(options));
    }

    /// <summary>The options.</summary>
    public EtsOptions Options { get; }

    /// <inheritdoc/>
    public string Name => Options.Name;

    /// <inheritdoc/>
    public IFittedModel Fit(ReadOnlySpan<double> y, int seasonLength = 1) => Rescaling.Fit(y, seasonLength, FitEts);

    /// <summary>Fits the model (or selects among candidates) and returns the concrete fitted model.</summary>
    /// <param name="y">The observations in time order.</param>
    /// <param name="seasonLength">Periods per season (1 yearly, 4 quarterly, 12 monthly).</param>
    /// <exception cref="ArgumentOutOfRangeException">The season length is below 1.</exception>
    /// <exception cref="ForecastException">The series is empty or has missing values (unless allowed), the requested
    /// model does not fit the data (multiplicative with non-positive values, seasonal with non-seasonal data, too short),
    /// or no candidate could be estimated.</exception>
    public EtsFittedModel FitEts(ReadOnlySpan<double> y, int seasonLength = 1)
    {
        SeriesChecks.RequireSeasonLength(seasonLength);
        string label = $"{Name} ({_spec})";
        if (Options.AllowMissing) RequireFinite(y, label);
        else SeriesChecks.RequireComplete(y, 1, label);

        int observed = 0;
        double first = double.NaN;
        bool constant = true, positive = true;
        int nonPositiveAt = -1;
        for (int i = 0; i < y.Length; i++)
        {
            double v = y[i];
            if (double.IsNaN(v)) continue;
            observed++;
            if (double.IsNaN(first)) first = v;
            else if (v != first) constant = false;
            if (!(v > 0) && positive)
            {
                positive = false;
                nonPositiveAt = i;
            }
        }

        if (observed == 0) throw new ForecastException($"{label} needs at least 1 observed value, the series has none");

        bool seasonalData = seasonLength > 1 && seasonLength <= Options.MaxSeasonLength;
        if (_spec.Season is EtsSeason.Additive or EtsSeason.Multiplicative && !seasonalData)
        {
            throw new ForecastException(seasonLength == 1
                ? $"{label} is seasonal but the data are not (season length 1)"
                : $"{label}: season length {seasonLength} is above the largest handled ({Options.MaxSeasonLength})");
        }

        if (!positive && RequestsMultiplicative())
        {
            throw new ForecastException(
                $"{label} has multiplicative components, which need positive data; value {nonPositiveAt + 1} of {y.Length} is {y[nonPositiveAt].ToString("G6", CultureInfo.InvariantCulture)}");
        }

        int m = seasonalData ? seasonLength : 1;
        if (constant) return Constant(y, first);

        var estimator = new EtsEstimator(y, m, Options);
        int npars = 2;
        if (_spec.Trend is EtsTrend.Additive or EtsTrend.Multiplicative) npars += 2;
        if (_spec.Season is EtsSeason.Additive or EtsSeason.Multiplicative) npars += m;
        if (_spec.Damped == true || (_spec.Trend is null && Options.Damped == true)) npars++;
        if (observed <= npars + 4) return Fallback(estimator, y, m, label);

        EtsCandidate? best = null;
        double bestScore = double.PositiveInfinity;
        int tried = 0;
        foreach (EtsModel model in Candidates(positive, seasonalData))
        {
            int k = EtsEstimator.FreeStates(model, model.HasSeason ? m : 1) + CountParameters(model) + 1;
            if (observed - k - 1 <= 0) continue;
            tried++;
            EtsCandidate? fit = Options.Estimation == EtsEstimation.Joint ? estimator.FitClassic(model, model.HasSeason ? seasonLength : 1) : estimator.Fit(model);
            if (fit is null) continue;
            double score = fit.Score(Options.Criterion);
            if (best is null || score < bestScore)
            {
                best = fit;
                bestScore = score;
            }
        }

        if (best is null)
        {
            throw new ForecastException(tried == 0
                ? $"{label}: no candidate model has fewer parameters than the {observed} observations allow"
                : $"{label}: no candidate model could be estimated on this series");
        }

        return new EtsFittedModel(best, estimator.Values);
    }

    /// <summary>The candidate models for data with the given properties, in a fixed order.</summary>
    internal IEnumerable<EtsModel> Candidates(bool positive, bool seasonalData)
    {
        bool multiplicative = positive && !Options.AdditiveOnly;
        EtsError[] errors = _spec.Error is { } e ? [e] : multiplicative ? [EtsError.Additive, EtsError.Multiplicative] : [EtsError.Additive];
        EtsTrend[] trends = _spec.Trend is { } t ? [t]
            : multiplicative && Options.AllowMultiplicativeTrend ? [EtsTrend.None, EtsTrend.Additive, EtsTrend.Multiplicative]
            : [EtsTrend.None, EtsTrend.Additive];
        EtsSeason[] seasons = _spec.Season is { } s ? [s]
            : !seasonalData ? [EtsSeason.None]
            : multiplicative ? [EtsSeason.None, EtsSeason.Additive, EtsSeason.Multiplicative]
            : [EtsSeason.None, EtsSeason.Additive];
        bool[] dampings = _spec.Damped is { } d ? [d] : Options.Damped is { } od ? [od] : [true, false];
        bool single = _spec.Error is not null && _spec.Trend is not null && _spec.Season is not null;
        foreach (EtsError error in errors)
        {
            foreach (EtsTrend trend in trends)
            {
                foreach (EtsSeason season in seasons)
                {
                    foreach (bool damped in dampings)
                    {
                        if (trend == EtsTrend.None && damped) continue;
                        var model = new EtsModel(error, trend, damped, season);
                        if (Options.Restrict && model.IsRestricted && !single) continue;
                        if (model.IsMultiplicative && !positive) continue;
                        if (Options.AdditiveOnly && model.IsMultiplicative && !single) continue;
                        yield return model;
                    }
                }
            }
        }
    }

    private int CountParameters(EtsModel model) =>
        (Options.Alpha is null ? 1 : 0)
        + (model.HasTrend && Options.Beta is null ? 1 : 0)
        + (model.HasSeason && Options.Gamma is null ? 1 : 0)
        + (model.HasTrend && model.Damped && Options.Phi is null ? 1 : 0);

    private bool RequestsMultiplicative() =>
        _spec.Error == EtsError.Multiplicative || _spec.Trend == EtsTrend.Multiplicative || _spec.Season == EtsSeason.Multiplicative;

    /// <summary>A constant series: simple exponential smoothing from the constant, with zero variance.</summary>
    private static EtsFittedModel Constant(ReadOnlySpan<double> y, double value)
    {
        var model = new EtsModel(EtsError.Additive, EtsTrend.None, false, EtsSeason.None);
        var candidate = new EtsCandidate(model, new EtsParameters(0.9999, 0, 0, 1), [value, 0, 0], 1) { K = 2, Count = 0, IsFallback = true };
        return new EtsFittedModel(candidate, y.ToArray());
    }

    /// <summary>
    /// R's fallback for series too short for the requested model: Holt–Winters (when a season is named and there are
    /// two full seasons), Holt (a named trend), simple exponential smoothing (no trend), or the better of SES and Holt
    /// by AIC (automatic trend), each fitted by least squares from simple initial states, additive error, no damping.
    /// </summary>
    private EtsFittedModel Fallback(EtsEstimator estimator, ReadOnlySpan<double> y, int m, string label)
    {
        int n = y.Length;
        bool trendNone = _spec.Trend == EtsTrend.None;
        if (_spec.Season is { } season && season != EtsSeason.None && n >= 2 * m)
        {
            var model = new EtsModel(EtsError.Additive, trendNone ? EtsTrend.None : EtsTrend.Additive, false, season);
            double[] states = HoltWintersStart(y, m, season == EtsSeason.Multiplicative, model.HasTrend);
            if (estimator.FitLeastSquares(model, m, states) is { } hw) return new EtsFittedModel(hw, estimator.Values);
        }

        EtsCandidate? ses = null, holt = null;
        if (!(_spec.Trend is EtsTrend.Additive or EtsTrend.Multiplicative) && n >= 2 && !double.IsNaN(y[0]))
        {
            var model = new EtsModel(EtsError.Additive, EtsTrend.None, false, EtsSeason.None);
            ses = estimator.FitLeastSquares(model, 1, [y[0], 0, 0]);
        }

        if (!trendNone && n >= 3 && !double.IsNaN(y[0]) && !double.IsNaN(y[1]))
        {
            var model = new EtsModel(EtsError.Additive, EtsTrend.Additive, false, EtsSeason.None);
            holt = estimator.FitLeastSquares(model, 2, [y[1], y[1] - y[0], 0]);
        }

        EtsCandidate? chosen = (ses, holt) switch
        {
            (null, null) => null,
            ({ } a, null) => a,
            (null, { } b) => b,
            ({ } a, { } b) => Aic(b) < Aic(a) ? b : a,
        };
        if (chosen is null)
        {
            int minimum = _spec.Trend is EtsTrend.Additive or EtsTrend.Multiplicative ? 3 : 2;
            throw new ForecastException($"{label} needs at least {minimum} values (without missing values at the start), the series has {y.Length}");
        }

        return new EtsFittedModel(chosen, estimator.Values);

        static double Aic(EtsCandidate c) => c.Count > 0 ? c.Lik - (c.Count * Math.Log(c.Count)) + (2.0 * c.K) : double.PositiveInfinity;
    }

    /// <summary>
    /// Holt–Winters starting states at time m from the first two seasons: level and slope from the two seasonal means,
    /// seasonal indices from the first season's deviations (or ratios) from the line, normalised.
    /// </summary>
    private static double[] HoltWintersStart(ReadOnlySpan<double> y, int m, bool multiplicative, bool trend)
    {
        double first = 0, second = 0;
        for (int i = 0; i < m; i++)
        {
            first += y[i] / m;
            second += y[m + i] / m;
        }

        double slope = trend ? (second - first) / m : 0;
        var states = new double[2 + m];
        double sum = 0;
        for (int j = 0; j < m; j++)
        {
            double line = first + (slope * (j - ((m - 1) / 2.0)));
            states[2 + j] = multiplicative ? y[j] / line : y[j] - line;
            sum += states[2 + j];
        }

        for (int j = 0; j < m; j++) states[2 + j] = multiplicative ? states[2 + j] * m / sum : states[2 + j] - (sum / m);
        states[0] = first + (slope * ((m - 1) / 2.0));
        states[1] = slope;
        return states;
    }

    private static void RequireFinite(ReadOnlySpan<double> y, string label)
    {
        for (int i = 0; i < y.Length; i++)
            if (double.IsInfinity(y[i])) throw new ForecastException($"{label}: value {i + 1} is not finite");
        if (y.Length == 0) throw new ForecastException($"{label} needs at least 1 value, the series has 0");
    }

    private static void CheckFixed(double? value, string name, double lower, double upper)
    {
        if (value is { } v && !(v >= lower && v <= upper))
            throw new ArgumentException($"{name} must be between {lower.ToString(CultureInfo.InvariantCulture)} and {upper.ToString(CultureInfo.InvariantCulture)}, not {v.ToString(CultureInfo.InvariantCulture)}", name);
    }
}
