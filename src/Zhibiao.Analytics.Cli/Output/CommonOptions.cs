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

    /// <summary>--input of a streaming command: long-format CSV or Parquet.</summary>
    public static Option<string> StreamedInput(string name = "--input", string what = "Series") => new(name)
    {
        Description = $"{what}: long format unique_id,ds,y, CSV or Parquet (.parquet). The rows of a series must be contiguous and in time order; a series that appears again later is an error.",
        Required = true,
    };

    /// <summary>--output of a streaming command: CSV or Parquet by the name, or CSV on standard output.</summary>
    public static Option<string?> StreamedOutput() => new("--output")
    {
        Description = "Output file, CSV or Parquet (.parquet), written all or nothing (default: CSV on standard output, written batch by batch: on an error the batches already written stay there).",
    };

    /// <summary>--batch-size: series read, worked on and written at once (default <see cref="Data.LongFormat.DefaultBatchSize"/>).</summary>
    public static Option<int> BatchSize() => new("--batch-size")
    {
        Description = "Series read, forecast and written at once: memory holds one batch; a global model (global, auto) learns from each batch on its own.",
        DefaultValueFactory = _ => Data.LongFormat.DefaultBatchSize,
    };

    /// <summary>The batch size, checked.</summary>
    public static int CheckBatchSize(int size) => size >= 1 ? size : throw new CliUsageException($"--batch-size must be at least 1, not {size}");
}
