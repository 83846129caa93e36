#:project ../src/Zhibiao.Analytics/Zhibiao.Analytics.csproj

// Compares SSA window, rank and growth-cap rules on the training part only: the last h values of every training
// series are held out, the rest is fitted, and the held-out values are scored (sMAPE, MASE scaled by the in-sample
// seasonal naive error, 95% coverage), M-competition style. Never touches the test files.
//
// usage: dotnet run benchmarks/ssa-holdout.cs -- TRAIN.csv HORIZON SEASON [grid]
//   e.g. dotnet run benchmarks/ssa-holdout.cs -- /work/shared/datasets/m3/m3-yearly-train.csv 6 1 grid
using System.Globalization;
using Zhibiao.Analytics.Data;
using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Forecasting.Ssa;

string file = args[0];
int h = int.Parse(args[1], CultureInfo.InvariantCulture);
int m = int.Parse(args[2], CultureInfo.InvariantCulture);
bool grid = args.Length > 3 && args[3] == "grid";
List<double[]> series = [.. LongFormat.Read(file).Select(s => s.Values.ToArray()).Where(v => v.Length > h + m)];
Console.WriteLine($"{series.Count} series, last {h} training values held out, season {m}");

Report("naive", _ => Forecasters.Create("naive"));
if (m > 1) Report("snaive", _ => Forecasters.Create("snaive"));
Report("drift", _ => Forecasters.Create("drift"));
Report("ssa (defaults)", _ => new SsaForecaster());
Report("ssa ML.NET-style: L=n/3, ranks 1..L-1, no growth cap", n => new SsaForecaster(SsaOptions.MlNet(Window("n/3", n))));
if (!grid) return;

foreach (string rule in new[] { "max(3,m)", "2max(3,m)", "n/4", "n/3", "n/2" })
    foreach (int? maxRank in new int?[] { 1, 2, null })
        foreach (double growth in new[] { 1.02, 1.03, 1.05, double.PositiveInfinity })
            Report($"ssa L={rule} maxRank={(maxRank?.ToString(CultureInfo.InvariantCulture) ?? "L-1")} growth/season={growth.ToString(CultureInfo.InvariantCulture)}",
                n =>
                {
                    int l = Window(rule, n);
                    return new SsaForecaster(new SsaOptions { WindowLength = l, MaxRank = maxRank ?? l - 1, MaxGrowthRatio = Math.Pow(growth, 1.0 / m) });
                });

int Window(string rule, int n)
{
    int upper = (n - 1) / 2;
    int l = rule switch
    {
        "max(3,m)" => Math.Max(3, m),
        "2max(3,m)" => 2 * Math.Max(3, m),
        "n/4" => (int)Math.Round(n / 4.0),
        "n/3" => (int)Math.Round(n / 3.0),
        _ => upper,
    };
    if (m > 1 && rule.StartsWith('n') && l >= m) l = l / m * m;
    return Math.Clamp(l, 2, Math.Max(2, upper));
}

void Report(string name, Func<int, IForecaster> make)
{
    double smape = 0, mase = 0, coverage = 0;
    int count = 0, failed = 0;
    var clock = System.Diagnostics.Stopwatch.StartNew();
    foreach (double[] full in series)
    {
        double[] x = full[..^h];
        double[] y = full[^h..];
        double[] f, lo, hi;
        try
        {
            Forecast fc = make(x.Length).Fit(x, m).Forecast(h, [95]);
            (f, lo, hi) = (fc.Mean.ToArray(), fc.Interval(95).Lower.ToArray(), fc.Interval(95).Upper.ToArray());
            if (!f.All(double.IsFinite)) throw new ForecastException("not finite");
        }
        catch (ForecastException)
        {
            failed++;
            f = lo = hi = [.. Enumerable.Repeat(x[^1], h)];
        }

        double scale = 0;
        for (int t = m; t < x.Length; t++) scale += Math.Abs(x[t] - x[t - m]);
        scale /= x.Length - m;
        double s = 0, a = 0, c = 0;
        for (int i = 0; i < h; i++)
        {
            double d = Math.Abs(y[i]) + Math.Abs(f[i]);
            s += d > 0 ? 200 * Math.Abs(y[i] - f[i]) / d : 0;
            a += Math.Abs(y[i] - f[i]);
            c += lo[i] <= y[i] && y[i] <= hi[i] ? 1 : 0;
        }

        smape += s / h;
        if (scale > 0) mase += a / h / scale;
        coverage += c / h;
        count++;
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-62} sMAPE={smape / count:F3} MASE={mase / count:F3} cov95={coverage / count:F3} failed={failed} series/s={count / clock.Elapsed.TotalSeconds:F0}"));
}
