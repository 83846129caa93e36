using Zhibiao.Analytics.Forecasting;

namespace Zhibiao.Analytics.Tests.Forecasting;

/// <summary>
/// Values of extreme magnitude (issue 32: an ARIMA fit of values near 1e-200 and an SSA fit near 1e80 were internal
/// errors; the naive forecast's intervals vanished near 1e-200): every model fits y·2^k as it fits y, times 2^k.
/// The series' largest value is in [1, 2), so the rescaled series is y itself and the results are exact.
/// </summary>
public class RescalingTests
{
    private static double[] Series(int n, int seed, double season = 0)
    {
        var random = new Random(seed);
        var y = new double[n];
        double level = 1;
        for (int t = 0; t < n; t++)
        {
            level *= 1.03 + (0.02 * (random.NextDouble() - 0.5));
            y[t] = level * (1 + (season * Math.Sin(2 * Math.PI * t / 4)));
        }

        double max = y.Max();
        return [.. y.Select(v => v / max * 1.5)]; // largest value 1.5
    }

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (string model in ForecasterCatalogue.Core.Names)
            foreach (int k in (int[])[-700, -400, 300, 700])
                data.Add(model, k);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_model_fits_values_of_any_magnitude_as_it_fits_them_near_one(string model, int k)
    {
        double[] y = Series(28, 7, season: 0.1);
        double scale = Math.ScaleB(1, k);
        IForecaster forecaster = ForecasterCatalogue.Core.Create(model);
        Forecast plain = forecaster.Fit(y, 4).Forecast(5, [80, 95]);
        IFittedModel fit = forecaster.Fit([.. y.Select(v => v * scale)], 4);
        Forecast scaled = fit.Forecast(5, [80, 95]);
        Assert.Equal(plain.Method, scaled.Method);
        Assert.Equal(plain.Mean.ToArray().Select(v => v * scale), scaled.Mean.ToArray());
        for (int i = 0; i < 2; i++)
        {
            Assert.Equal(plain.Intervals[i].Lower.ToArray().Select(v => v * scale), scaled.Intervals[i].Lower.ToArray());
            Assert.Equal(plain.Intervals[i].Upper.ToArray().Select(v => v * scale), scaled.Intervals[i].Upper.ToArray());
        }

        Assert.Equal(scale, fit.Parameters["scale"]);
        var paths = new double[50];
        fit.SimulatePaths(5, paths, new Random(1));
        var plainPaths = new double[50];
        forecaster.Fit(y, 4).SimulatePaths(5, plainPaths, new Random(1));
        Assert.Equal(plainPaths.Select(v => v * scale), paths);
    }

    [Fact]
    public void Values_of_ordinary_magnitude_are_fitted_as_they_are()
    {
        double[] y = [.. Series(20, 3).Select(v => v * 1e6)];
        IFittedModel fit = ForecasterCatalogue.Core.Create("theta").Fit(y);
        Assert.False(fit.Parameters.ContainsKey("scale"));
        Assert.Equal(new Zhibiao.Analytics.Forecasting.Theta.ThetaForecaster().Fit(y).Forecast(3, [95]).Mean.ToArray(), fit.Forecast(3, [95]).Mean.ToArray());
    }
}
