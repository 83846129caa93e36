using System.CommandLine;
using Zhibiao.Analytics.Forecasting;

namespace Zhibiao.Analytics.Cli.Output;

/// <summary>Options several batch commands share, declared once.</summary>
internal static class CommonOptions
{
    /// <summary>--model: a name of the catalogue, default <see cref="ForecasterCatalogue.Default"/>.</summary>
    public static Option<string> Model(ForecasterCatalogue models) => new("--model")
    {
        Description = $"The model: {string.Join(", ", models.Names)}.",
        DefaultValueFactory = _ => ForecasterCatalogue.Default,
    };

    /// <summary>--threads: series worked on at once (default: the processor count).</summary>
    public static Option<int> Threads(string description = "Series at once.") => new("--threads")
    {
        Description = description,
        DefaultValueFactory = _ => Environment.ProcessorCount,
    };

    /// <summary>--paths: sample paths per series (default 2000).</summary>
    public static Option<int> Paths() => new("--paths") { Description = "Sample paths per series.", DefaultValueFactory = _ => 2000 };

    /// <summary>--seed: seed of the simulation (default 2025).</summary>
    public static Option<int> Seed() => new("--seed") { Description = "Seed of the simulation.", DefaultValueFactory = _ => 2025 };
}
