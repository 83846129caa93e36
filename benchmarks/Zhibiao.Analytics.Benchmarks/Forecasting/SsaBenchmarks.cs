using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Forecasting.Ssa;
using BenchmarkDotNet.Attributes;

namespace Zhibiao.Analytics.Benchmarks.Forecasting;

/// <summary>
/// Fit + forecast of the SSA model on generated series: a yearly one (30 values, trend and noise, horizon 6) and a
/// monthly one (120 values, trend, season and noise, horizon 18), with the default options and with ML.NET's
/// (L = n/3, ranks 1..L − 1), whose exact rank search costs more.
/// Run: dotnet run -c Release --project benchmarks/Zhibiao.Analytics.Benchmarks -- --filter '*SsaBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class SsaBenchmarks
{
    private static readonly IForecaster Default = new SsaForecaster();
    private double[] _yearly = [];
    private double[] _monthly = [];
    private IForecaster _mlNetYearly = Default;
    private IForecaster _mlNetMonthly = Default;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _yearly = [.. Enumerable.Range(0, 30).Select(t => 1000 * Math.Exp(0.04 * t) + (30 * Gaussian(random)))];
        _monthly = [.. Enumerable.Range(0, 120).Select(t => 500 + (2.0 * t) + (60 * Math.Sin(2 * Math.PI * t / 12)) + (15 * Gaussian(random)))];
        _mlNetYearly = new SsaForecaster(SsaOptions.MlNet(_yearly.Length / 3));
        _mlNetMonthly = new SsaForecaster(SsaOptions.MlNet(_monthly.Length / 3));
    }

    [Benchmark(Baseline = true)]
    public ReadOnlyMemory<double> Yearly() => Default.Fit(_yearly).Forecast(6, [80, 95]).Mean;

    [Benchmark]
    public ReadOnlyMemory<double> YearlyMlNetOptions() => _mlNetYearly.Fit(_yearly).Forecast(6, [80, 95]).Mean;

    [Benchmark]
    public ReadOnlyMemory<double> Monthly() => Default.Fit(_monthly, 12).Forecast(18, [80, 95]).Mean;

    [Benchmark]
    public ReadOnlyMemory<double> MonthlyMlNetOptions() => _mlNetMonthly.Fit(_monthly, 12).Forecast(18, [80, 95]).Mean;

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
