using Zhibiao.Analytics.Forecasting;
using BenchmarkDotNet.Attributes;

namespace Zhibiao.Analytics.Benchmarks.Forecasting;

/// <summary>
/// Fit + forecast (h = 6 yearly, 18 monthly, 80 and 95% intervals) of every registered model on one series: the first
/// series of M3 yearly (N0001, 14 values) and of M3 monthly (N1402). Allocated = memory per fit and forecast.
/// Run: dotnet run -c Release --project benchmarks/Zhibiao.Analytics.Benchmarks -- --filter '*FitForecast*'
/// </summary>
[MemoryDiagnoser]
public class FitForecastBenchmarks
{
    private static readonly double[] Levels = [80, 95];
    private IForecaster _model = null!;
    private double[] _y = [];
    private int _m;
    private int _h;

    /// <summary>The models: every name of the catalogue.</summary>
    public static IEnumerable<string> Models => Forecasters.Names;

    [ParamsSource(nameof(Models))]
    public string Model { get; set; } = "";

    [Params("yearly", "monthly")]
    public string Set { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        LongSeries series = M3Data.Train(Set)[0];
        _y = series.Values.ToArray();
        _m = (int)series.Frequency;   // periods a year: 1, 4 or 12
        _h = Set == "yearly" ? 6 : 18;
        _model = Forecasters.Create(Model);
    }

    [Benchmark]
    public Forecast FitAndForecast() => _model.Fit(_y, _m).Forecast(_h, Levels);
}
