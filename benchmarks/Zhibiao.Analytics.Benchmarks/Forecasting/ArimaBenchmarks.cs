using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Forecasting.Arima;
using BenchmarkDotNet.Attributes;

namespace Zhibiao.Analytics.Benchmarks.Forecasting;

/// <summary>
/// Automatic ARIMA (stepwise search, CSS-ML fits, forecast with intervals) on a yearly-like and a monthly-like series,
/// and one fixed-order fit. The series are generated from fixed seeds: a random walk with drift of 30 values (the
/// typical M3 yearly length) and a trending seasonal series of 120 months.
/// Run: dotnet run -c Release --project benchmarks/Zhibiao.Analytics.Benchmarks -- --filter '*ArimaBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class ArimaBenchmarks
{
    private static readonly double[] Levels = [80, 95];
    private readonly IForecaster _auto = Forecasters.AutoArima();
    private readonly IForecaster _airline = Forecasters.Arima(new ArimaOptions { Order = new ArimaOrder(0, 1, 1, 0, 1, 1, 12) });
    private double[] _yearly = [];
    private double[] _monthly = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2008);
        _yearly = new double[30];
        _yearly[0] = 1000;
        for (int t = 1; t < _yearly.Length; t++) _yearly[t] = _yearly[t - 1] + 40 + (60 * Gaussian(random));
        _monthly = new double[120];
        double level = 500, noise = 0;
        for (int t = 0; t < _monthly.Length; t++)
        {
            level += 2 + (5 * Gaussian(random));
            noise = (0.5 * noise) + (8 * Gaussian(random));
            _monthly[t] = level + (60 * Math.Sin(2 * Math.PI * t / 12)) + (25 * Math.Cos(4 * Math.PI * t / 12)) + noise;
        }
    }

    /// <summary>auto.arima-style search and a 6-step forecast with 80/95% intervals on 30 yearly values.</summary>
    [Benchmark]
    public Forecast AutoYearly() => _auto.Fit(_yearly, 1).Forecast(6, Levels);

    /// <summary>Seasonal search (D by seasonal strength) and an 18-step forecast on 120 monthly values.</summary>
    [Benchmark]
    public Forecast AutoMonthly() => _auto.Fit(_monthly, 12).Forecast(18, Levels);

    /// <summary>One CSS-ML fit of the airline model ARIMA(0,1,1)(0,1,1)12 and an 18-step forecast.</summary>
    [Benchmark]
    public Forecast AirlineMonthly() => _airline.Fit(_monthly, 12).Forecast(18, Levels);

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
