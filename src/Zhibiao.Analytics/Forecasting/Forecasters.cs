using System.Collections.Frozen;
using Zhibiao.Analytics.Forecasting.Arima;
using Zhibiao.Analytics.Forecasting.Baselines;
using Zhibiao.Analytics.Forecasting.Ensemble;
using Zhibiao.Analytics.Forecasting.Ets;
using Zhibiao.Analytics.Forecasting.Ssa;
using Zhibiao.Analytics.Forecasting.Theta;

namespace Zhibiao.Analytics.Forecasting;

/// <summary>
/// Forecasters by name, as the command line's --model uses them: an immutable catalogue. Each entry builds a
/// forecaster with default options; <see cref="Forecasters"/>' methods (<see cref="Forecasters.Ets"/>, …) take others. A package outside the core
/// offers its models by returning a larger catalogue (<see cref="With"/>, e.g. Zhibiao.Analytics.ML's
/// <c>WithGlobalModel()</c>), and an application composes the one it ships and uses it everywhere, so a name means
/// one model throughout the process.
/// </summary>
public sealed class ForecasterCatalogue
{
    private readonly FrozenDictionary<string, Func<IForecaster>> _entries;

    private ForecasterCatalogue(IEnumerable<KeyValuePair<string, Func<IForecaster>>> entries)
    {
        _entries = entries.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        Names = [.. _entries.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>The model used when none is named.</summary>
    public const string Default = "auto";

    /// <summary>The core's models: baselines, theta, ETS, ARIMA, SSA and the <c>auto</c> ensemble of <see cref="Ensemble.AutoOptions.DefaultMembers"/>.</summary>
    public static ForecasterCatalogue Core { get; } = new(new Dictionary<string, Func<IForecaster>>
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
        ["auto-select"] = () => new Ensemble.AutoForecaster(Ensemble.AutoOptions.Default with { SelectionMargin = 0 }),
        ["auto-median"] = () => new Ensemble.AutoForecaster(Ensemble.AutoOptions.Default with { SelectMembers = false }),
    });

    /// <summary>The names known, in ordinal order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>A new catalogue with this one's entries and <paramref name="name"/> added or replaced; this one is unchanged.</summary>
    public ForecasterCatalogue With(string name, Func<IForecaster> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        var entries = new Dictionary<string, Func<IForecaster>>(_entries, StringComparer.OrdinalIgnoreCase) { [name] = factory };
        return new ForecasterCatalogue(entries);
    }

    /// <summary>The forecaster with the name.</summary>
    /// <exception cref="AnalyticsException">No such forecaster; the message lists the known names.</exception>
    public IForecaster Create(string name) =>
        _entries.TryGetValue(name, out Func<IForecaster>? make) ? make() : throw new AnalyticsException($"unknown model '{name}' (known: {string.Join(", ", Names)})");
}

/// <summary>The core's catalogue (<see cref="ForecasterCatalogue.Core"/>) by name; it never changes.</summary>
public static class Forecasters
{
    /// <summary>The model used when none is named.</summary>
    public const string Default = ForecasterCatalogue.Default;

    /// <summary>The names known, in alphabetical order.</summary>
    public static IReadOnlyList<string> Names => ForecasterCatalogue.Core.Names;

    /// <summary>The core's forecaster with the name.</summary>
    /// <exception cref="AnalyticsException">No such forecaster; the message lists the known names.</exception>
    public static IForecaster Create(string name) => ForecasterCatalogue.Core.Create(name);

    /// <summary>
    /// ETS, exponential smoothing in state-space form (Hyndman et al. 2008), as R's forecast::ets(): the catalogue's
    /// "ets" with the defaults; e.g. <c>new EtsOptions { Model = "AAdN" }</c> fixes the damped additive trend.
    /// </summary>
    /// <exception cref="ArgumentException">The model code is not one, or a fixed parameter is outside its range.</exception>
    public static IForecaster Ets(EtsOptions? options = null) => new EtsForecaster(options);

    /// <summary>ARIMA of a fixed order (exact maximum likelihood after conditional sum of squares, as R's Arima()).</summary>
    public static IForecaster Arima(ArimaOptions options) => new ArimaForecaster(options);

    /// <summary>ARIMA with the order chosen by the stepwise search of R's forecast::auto.arima(): the catalogue's "arima" with the defaults.</summary>
    public static IForecaster AutoArima(AutoArimaOptions? options = null) => new AutoArimaForecaster(options);

    /// <summary>Singular spectrum analysis (ML.NET's ForecastBySsa): the catalogue's "ssa" with the defaults.</summary>
    public static IForecaster Ssa(SsaOptions? options = null) => new SsaForecaster(options);

    /// <summary>The calibrated combination trained on a batch: the catalogue's "auto" with the defaults.</summary>
    public static IGlobalForecaster Auto(AutoOptions? options = null) => new AutoForecaster(options);
}
