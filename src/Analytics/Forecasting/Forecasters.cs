using Analytics.Forecasting.Baselines;
using Analytics.Forecasting.Ets;

namespace Analytics.Forecasting;

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
        ["ets"] = () => new EtsForecaster(),
        ["ses"] = () => new EtsForecaster(new EtsOptions { Model = "ANN", Name = "ses" }),
        ["holt"] = () => new EtsForecaster(new EtsOptions { Model = "AAN", Name = "holt" }),
        ["damped"] = () => new EtsForecaster(new EtsOptions { Model = "AAdN", Name = "damped" }),
        ["auto"] = () => new EtsForecaster(new EtsOptions { Name = "auto" }),
    };

    /// <summary>The model used when none is named.</summary>
    public const string Default = "auto";

    /// <summary>The names known, in alphabetical order.</summary>
    public static IReadOnlyList<string> Names => [.. Catalogue.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The forecaster with the name.</summary>
    /// <exception cref="AnalyticsException">No such forecaster; the message lists the known names.</exception>
    public static IForecaster Create(string name) =>
        Catalogue.TryGetValue(name, out Func<IForecaster>? make) ? make()
            : throw new AnalyticsException($"unknown model '{name}' (known: {string.Join(", ", Names)})");
}
