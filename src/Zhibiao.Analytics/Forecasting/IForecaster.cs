namespace Zhibiao.Analytics.Forecasting;

/// <summary>
/// The forecaster protocol every model follows: fit a numeric series, get a fitted model, forecast h steps at the
/// levels asked. Forecasters are immutable (their options are records) and safe to use from many threads; a fit
/// is a pure computation over the values given.
/// </summary>
public interface IForecaster
{
    /// <summary>The name used on the command line and in outputs (naive, ets, theta …).</summary>
    string Name { get; }

    /// <summary>Fits the model to <paramref name="y"/> (in time order, no missing values unless the model says it handles them).</summary>
    /// <param name="y">The observations.</param>
    /// <param name="seasonLength">Periods per season (1 for yearly or non-seasonal data, 4 quarterly, 12 monthly).</param>
    /// <exception cref="ForecastException">The series cannot be fitted by this model (too short, missing values …); the message says why.</exception>
    IFittedModel Fit(ReadOnlySpan<double> y, int seasonLength = 1);
}

/// <summary>A fitted model: its fit statistics, and forecasts with intervals or sample paths.</summary>
public interface IFittedModel
{
    /// <summary>The fitted method, e.g. "ETS(A,Ad,N)".</summary>
    string Method { get; }

    /// <summary>One-step in-sample fitted values (NaN where undefined).</summary>
    IReadOnlyList<double> Fitted { get; }

    /// <summary>Residuals y − fitted (NaN where undefined); for multiplicative-error models these are still y − fitted.</summary>
    IReadOnlyList<double> Residuals { get; }

    /// <summary>Estimated parameters and initial states by name (alpha, beta, phi, l0 …).</summary>
    IReadOnlyDictionary<string, double> Parameters { get; }

    /// <summary>Log-likelihood and information criteria; null for models that have no likelihood.</summary>
    InformationCriteria? Criteria { get; }

    /// <summary>
    /// Forecasts <paramref name="horizon"/> steps with central prediction intervals at <paramref name="levels"/>
    /// (percent, e.g. 80 and 95): analytic where the model has them, from simulated sample paths otherwise.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Horizon below 1 or above <see cref="Forecast.MaxHorizon"/>, or a level outside (0, 100).</exception>
    Forecast Forecast(int horizon, IReadOnlyList<double> levels);

    /// <summary>
    /// Writes <paramref name="paths"/>.Length / <paramref name="horizon"/> simulated future sample paths, one after
    /// another (path p, step h at paths[p·horizon + h − 1]), drawing from <paramref name="random"/>. Every model
    /// supports it; target probabilities are computed from these paths.
    /// </summary>
    void SimulatePaths(int horizon, Span<double> paths, Random random);
}

/// <summary>Limits that protect callers from requests beyond sense.</summary>
internal static class ForecastLimits
{
    /// <summary>The largest horizon accepted (10,000 steps; <see cref="Forecast.MaxHorizon"/>).</summary>
    public const int MaxHorizon = Forecast.MaxHorizon;

    /// <summary>Checks a horizon and interval levels.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Horizon below 1 or above <see cref="MaxHorizon"/>, or a level outside (0, 100).</exception>
    public static void Check(int horizon, IReadOnlyList<double> levels)
    {
        if (horizon is < 1 or > MaxHorizon)
            throw new ArgumentOutOfRangeException(nameof(horizon), horizon, $"the horizon must be between 1 and {MaxHorizon}");
        foreach (double level in levels)
            if (!(level > 0 && level < 100))
                throw new ArgumentOutOfRangeException(nameof(levels), level, "interval levels are percentages strictly between 0 and 100");
    }
}

/// <summary>A series cannot be fitted or forecast by a model; the message names the reason (and the series, when known).</summary>
public sealed class ForecastException(string message) : AnalyticsException(message);
