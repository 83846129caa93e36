using Zhibiao.Analytics.Forecasting;
using BenchmarkDotNet.Attributes;

namespace Zhibiao.Analytics.Benchmarks.Forecasting;

/// <summary>
/// All 645 M3 yearly series forecast 6 years ahead with 80 and 95% intervals by one model on one thread
/// (BatchForecaster, as `analytics forecast --threads 1` runs it, without reading or writing files).
/// Run: dotnet run -c Release --project benchmarks/Zhibiao.Analytics.Benchmarks -- --filter '*M3YearlyBatch*'
/// </summary>
[MemoryDiagnoser]
public class M3YearlyBatchBenchmarks
{
    private static readonly BatchOptions Options = new() { Horizon = 6, Levels = [80, 95], Threads = 1 };
    private IReadOnlyList<LongSeries> _series = [];
    private IForecaster _model = null!;

    /// <summary>The models: every name of the catalogue.</summary>
    public static IEnumerable<string> Models => Forecasters.Names;

    [ParamsSource(nameof(Models))]
    public string Model { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _series = M3Data.Train("yearly");
        _model = Forecasters.Create(Model);
    }

    [Benchmark]
    public BatchItem[] AllYearlySeries() => BatchForecaster.Run(_series, _model, Options);
}
