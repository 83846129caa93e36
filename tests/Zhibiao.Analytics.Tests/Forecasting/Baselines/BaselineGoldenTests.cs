using Zhibiao.Analytics.Forecasting;

namespace Zhibiao.Analytics.Tests.Forecasting.Baselines;

/// <summary>The baselines against R's forecast 8.20 (naive, rwf with drift, meanf, snaive) on synthetic series (baselines-r.csv, made by make-golden.R).</summary>
public class BaselineGoldenTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var key in Golden.Rows("Forecasting/Baselines/baselines-r.csv").Select(r => (r["series"], r["model"])).Distinct())
            data.Add(key.Item1, key.Item2);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Means_and_80_95_bounds_match_R(string series, string model)
    {
        var rows = Golden.Rows("Forecasting/Baselines/baselines-r.csv").Where(r => r["series"] == series && r["model"] == model).ToList();
        (double[] y, int m) = Golden.Series(series);
        Forecast f = Forecasters.Create(model).Fit(y, m).Forecast(rows.Count, [80, 95]);
        foreach (var row in rows)
        {
            int h = (int)row.Number("h");
            double tol = row.Number("tolerance");
            Golden.Close(row.Number("mean"), f.Mean.Span[h - 1], tol, $"{model} {series} mean h={h}");
            Golden.Close(row.Number("lo80"), f.Interval(80).Lower.Span[h - 1], tol, $"{model} {series} lo80 h={h}");
            Golden.Close(row.Number("hi80"), f.Interval(80).Upper.Span[h - 1], tol, $"{model} {series} hi80 h={h}");
            Golden.Close(row.Number("lo95"), f.Interval(95).Lower.Span[h - 1], tol, $"{model} {series} lo95 h={h}");
            Golden.Close(row.Number("hi95"), f.Interval(95).Upper.Span[h - 1], tol, $"{model} {series} hi95 h={h}");
        }
    }
}
