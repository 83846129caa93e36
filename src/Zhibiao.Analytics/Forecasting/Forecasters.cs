using Zhibiao.Analytics.Forecasting.Arima;
using Zhibiao.Analytics.Forecasting.Baselines;
using Zhibiao.Analytics.Forecasting.Ets;
using Zhibiao.Analytics.Forecasting.Theta;

namespace Zhibiao.Analytics.Forecasting;

/// <summary>
/// The catalogue of forecasters by name, as the command line's --model uses them. Each entry builds a forecaster
/// with default options; construct the classes directly for other options.
/// </summary>
public static class Forecasters
{
    private static readonly Dictionary<string, Func<IForecaster>> Catalogue = new(StringComparer.OrdinalIgnoreCase)
    {
        ["naive"] = () => new NaiveForecaster(),
        ["snaive"] = () => new SeasonalNaiveForecaster(),
        ["drift"] = () => new DriftForecaster(),
        ["mean"] = () => new MeanForecaster(),
        ["logdrift"] = () => new LogDriftForecaster(),
        ["naive2"] = () => new Naive2Forecaster(),
        ["theta"] = () => new ThetaForecaster(),
        ["otm"] = () => new OptimizedThetaForecaster(),
        ["dotm"] = () => new OptimizedThetaForecaster(new OptimizedThetaOptions { Dynamic = true }),
        ["ssa"] = () => new Ssa.SsaForecaster(),
        ["ets"] = () => new EtsForecaster(),
        ["ses"] = () => new EtsForecaster(new EtsOptions { Model = "ANN", Name = "ses" }),
        ["holt"] = () => new EtsForecaster(new EtsOptions { Model = "AAN", Name = "holt" }),
        ["damped"] = () => new EtsForecaster(new EtsOptions { Model = "AAdN", Name = "damped" }),
        ["arima"] = () => new AutoArimaForecaster(),
        ["auto"] = () => new Ensemble.AutoForecaster(),
        ["auto-select"] = () => new Ensemble.AutoForecaster(Ensemble.AutoOptions.Default with { SelectMembers = true }),
    };

    /// <summary>The model used when none is named.</summary>
    public const string Default = "auto";

    private static readonly object Gate = new();

    /// <summary>
    /// Adds a forecaster to the catalogue (for packages outside the core, such as the global model of
    /// Zhibiao.Analytics.ML); a name already taken is replaced.
    /// </summary>
    public static void Register(string name, Func<IForecaster> factory)
    {
        lock (Gate) Catalogue[name] = factory;
    }

    /// <summary>The names known, in alphabetical order.</summary>
    public static IReadOnlyList<string> Names
    {
        get
        {
            lock (Gate) return [.. Catalogue.Keys.Order(StringComparer.Ordinal)];
        }
    }

    /// <summary>The forecaster with the name.</summary>
    /// <exception cref="AnalyticsException">No such forecaster; the message lists the known names.</exception>
    public static IForecaster Create(string name)
    {
        Func<IForecaster>? make;
        lock (Gate) Catalogue.TryGetValue(name, out make);
        return make is not null ? make() : throw new AnalyticsException($"unknown model '{name}' (known: {string.Join(", ", Names)})");
    }
}
