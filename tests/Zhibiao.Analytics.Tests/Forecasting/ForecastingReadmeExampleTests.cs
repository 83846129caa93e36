using System.Globalization;
using Zhibiao.Analytics.Evaluation;
using Zhibiao.Analytics.Forecasting;

namespace Zhibiao.Analytics.Tests.Forecasting;

/// <summary>The C# forecasting example of README.md's tour and docs/forecasting.md, line for line, with its printed values checked.</summary>
public class ForecastingReadmeExampleTests
{
    [Fact]
    public void The_forecasting_example_prints_what_the_readme_says()
    {
        double[] y = [21.3, 22.8, 24.1, 23.9, 26.0, 27.4, 28.1, 30.2, 31.0, 33.5];
        IForecaster theta = Forecasters.Create("theta");
        IFittedModel fit = theta.Fit(y, seasonLength: 1);
        Forecast f = fit.Forecast(horizon: 3, levels: [80, 95]);
        string forecast = string.Create(CultureInfo.InvariantCulture, $"{f.Method}: {f.Mean.Span[0]:F1} [{f.Interval(95).Lower.Span[0]:F1}, {f.Interval(95).Upper.Span[0]:F1}]");

        var paths = new double[1000 * 3];
        fit.SimulatePaths(3, paths, new Random(1));

        Accuracy a = Evaluator.HoldOut(theta, y.AsSpan(0, 7), y.AsSpan(7), seasonLength: 1, horizon: 3, levels: [95]);
        string scores = string.Create(CultureInfo.InvariantCulture, $"sMAPE {a.Smape:F2}, MASE {a.Mase:F2}, coverage {a.Interval(95)!.Coverage:F2}");

        Assert.Equal("Theta: 34.1 [30.7, 37.6]", forecast);
        Assert.Equal("sMAPE 7.62, MASE 1.95, coverage 1.00", scores);
        Assert.All(paths, v => Assert.True(double.IsFinite(v)));
    }
}
