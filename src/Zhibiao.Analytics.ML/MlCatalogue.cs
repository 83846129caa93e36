using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Forecasting.Ensemble;

namespace Zhibiao.Analytics.ML;

/// <summary>What this package offers a caller composing its models: the global model, and <c>auto</c> with it.</summary>
public static class MlCatalogue
{
    /// <summary>The default members of <c>auto</c> (<see cref="AutoOptions.DefaultMembers"/>) and the global model as an ensemble member (<see cref="GlobalForecaster.EnsembleMember"/>).</summary>
    public static IReadOnlyList<IForecaster> MembersWithGlobal() => [.. AutoOptions.DefaultMembers(), new GlobalForecaster(GlobalForecaster.EnsembleMember)];

    /// <summary>
    /// The catalogue with <c>global</c> added and <c>auto</c>, <c>auto-select</c> and <c>auto-median</c> built with the global model as a
    /// candidate member (validation decides whether it is used). The catalogue given is unchanged.
    /// </summary>
    public static ForecasterCatalogue WithGlobalModel(this ForecasterCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        return catalogue
            .With("global", () => new GlobalForecaster())
            .With("auto", () => new AutoForecaster(AutoOptions.Default with { Members = MembersWithGlobal() }))
            .With("auto-select", () => new AutoForecaster(AutoOptions.Default with { Members = MembersWithGlobal(), SelectionMargin = 0 }))
            .With("auto-median", () => new AutoForecaster(AutoOptions.Default with { Members = MembersWithGlobal(), SelectMembers = false }));
    }
}
