using Analytics.Forecasting.Arima;
using Analytics.Forecasting.Baselines;

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
        ["arima"] = () => new AutoArimaForecaster(),
    };

    /// <summary>The model used when none is named.</summary>
    public const string Default = "naive";

    /// <summary>The names known, in alphabetical order.</summary>
    public static IReadOnlyList<string> Names => [.. Catalogue.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The forecaster with the name.</summary>
    /// <exception cref="AnalyticsException">No such forecaster; the message lists the known names.</exception>
    public static IForecaster Create(string name) =>
        Catalogue.TryGetValue(name, out Func<IForecaster>? make) ? make()
            : throw new AnalyticsException($"unknown model '{name}' (known: {string.Join(", ", Names)})");
}
