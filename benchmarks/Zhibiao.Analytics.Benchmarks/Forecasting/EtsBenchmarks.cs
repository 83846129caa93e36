using Zhibiao.Analytics.Forecasting;
using BenchmarkDotNet.Attributes;

namespace Zhibiao.Analytics.Benchmarks.Forecasting;

/// <summary>
/// The automatic ETS (R's candidates and estimation) fitted and forecast with 80 and 95% intervals, per series:
/// a generated yearly series (30 values, trend and noise, h = 6) and a generated monthly one (120 values, trend,
/// season and noise, h = 18), and all 645 M3 yearly series on one thread (skipped when the M3 data are not found).
/// Run: dotnet run -c Release --project benchmarks/Zhibiao.Analytics.Benchmarks -- --filter '*EtsBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class EtsBenchmarks
{
    private static readonly double[] Levels = [80, 95];
    private readonly IForecaster _ets = Forecasters.Ets();
    private double[] _yearly = [];
    private double[] _monthly = [];
    private IReadOnlyList<LongSeries> _m3Yearly = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20250101);
        _yearly = [.. Enumerable.Range(0, 30).Select(t => 1000 + (35 * t) + (60 * (random.NextDouble() - 0.5)))];
        _monthly = [.. Enumerable.Range(0, 120).Select(t => 500 + (2 * t) + (80 * Math.Sin(2 * Math.PI * t / 12)) + (30 * (random.NextDouble() - 0.5)))];
        try
        {
            _m3Yearly = M3Data.Train("yearly");
        }
        catch (DirectoryNotFoundException e)
        {
            Console.WriteLine($"// EtsBenchmarks.M3Yearly skipped: {e.Message}");
        }
    }

    [Benchmark]
    public Forecast YearlySeries() => _ets.Fit(_yearly, 1).Forecast(6, Levels);

    [Benchmark]
    public Forecast MonthlySeries() => _ets.Fit(_monthly, 12).Forecast(18, Levels);

    [Benchmark]
    public BatchItem[] M3Yearly() => BatchForecaster.Run(_m3Yearly, _ets, new BatchOptions { Horizon = 6, Levels = Levels, Threads = 1 });
}
