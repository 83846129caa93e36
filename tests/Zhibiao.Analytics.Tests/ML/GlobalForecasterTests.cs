using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.ML;

namespace Zhibiao.Analytics.Tests.ML;

public class GlobalForecasterTests
{
    /// <summary>Series growing at a steady rate each (2%..9%), with small deterministic wiggles.</summary>
    private static double[][] Growing(int count, int length)
    {
        var random = new Random(3);
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            double g = 0.02 + (0.07 * (i % 8) / 7.0);
            double level = 100 + (10 * i);
            return Enumerable.Range(0, length).Select(t => level * Math.Pow(1 + g, t) * (1 + (0.005 * (random.NextDouble() - 0.5)))).ToArray();
        })];
    }

    [Fact]
    public void Learns_growth_across_series_and_forecasts_it()
    {
        double[][] series = Growing(48, 20);
        IForecaster trained = new GlobalForecaster(new GlobalModelOptions { Iterations = 200, MinimumLeafCount = 5 }).Train(series, 1, 3);
        double[] fast = series[7];  // 9% a year
        double[] slow = series[8];  // 2% a year
        Forecast f = trained.Fit(fast).Forecast(3, [80, 95]);
        Forecast s = trained.Fit(slow).Forecast(3, [95]);
        double fastGrowth = (f.Mean.Span[0] / fast[^1]) - 1, slowGrowth = (s.Mean.Span[0] / slow[^1]) - 1;
        Assert.InRange(fastGrowth, 0.07, 0.11);
        Assert.InRange(slowGrowth, 0.00, 0.04);
        Assert.True(f.Mean.Span[2] > f.Mean.Span[0]);
        PredictionInterval band = f.Interval(95);
        for (int h = 0; h < 3; h++) Assert.InRange(f.Mean.Span[h], band.Lower.Span[h], band.Upper.Span[h]);
    }

    /// <summary>
    /// Quarterly series y_t = L·(1 + g)^t·S_{t mod 4}, growing at 1%..4% a quarter, with one of two seasonal shapes
    /// (peak in the first quarter or in the third) and ±0.5% noise.
    /// </summary>
    private static double[][] Seasonal(int count, int length)
    {
        double[][] shapes = [[1.3, 1.0, 0.8, 0.9], [0.8, 0.9, 1.3, 1.0]];
        var random = new Random(5);
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            double g = 0.01 + (0.03 * (i % 4) / 3.0), level = 50 + (5 * i);
            double[] shape = shapes[i % 2];
            return Enumerable.Range(0, length).Select(t => level * Math.Pow(1 + g, t) * shape[t % 4] * (1 + (0.01 * (random.NextDouble() - 0.5)))).ToArray();
        })];
    }

    [Fact]
    public void Seasonal_series_are_adjusted_so_one_model_serves_every_seasonal_shape()
    {
        double[][] series = Seasonal(60, 32);
        var options = new GlobalModelOptions { Iterations = 200, MinimumLeafCount = 5, OutOfFoldErrors = false };
        IForecaster trained = new GlobalForecaster(options).Train(series, 4, 4);
        foreach (int i in (int[])[0, 1, 6, 7])
        {
            double[] y = series[i];
            IFittedModel fit = trained.Fit(y, 4);
            Assert.Equal("Global gradient-boosted trees, seasonally adjusted", fit.Method);
            // The next four quarters continue both the growth and the series' own shape: within 4% of the noiseless process.
            double g = 0.01 + (0.03 * (i % 4) / 3.0), level = 50 + (5 * i);
            double[] shape = i % 2 == 0 ? [1.3, 1.0, 0.8, 0.9] : [0.8, 0.9, 1.3, 1.0];
            double[] mean = fit.Forecast(4, []).Mean.ToArray();
            for (int h = 1; h <= 4; h++)
            {
                int t = y.Length - 1 + h;
                Assert.InRange(mean[h - 1] / (level * Math.Pow(1 + g, t) * shape[t % 4]), 0.96, 1.04);
            }
        }

        // A series without a season is forecast as it is, and the option turns the adjustment off.
        Assert.Equal("Global gradient-boosted trees", trained.Fit(Growing(1, 32)[0], 4).Method);
        IForecaster plain = new GlobalForecaster(options with { SeasonalAdjustment = false }).Train(series, 4, 4);
        Assert.Equal("Global gradient-boosted trees", plain.Fit(series[0], 4).Method);
        Assert.Equal(8, (options with { SeasonalAdjustment = false }).WindowFor(4));
        Assert.Equal(6, options.WindowFor(4));
    }

    [Fact]
    public void The_FastTree_learner_learns_growth_from_the_same_windows()
    {
        double[][] series = Growing(48, 20);
        var options = new GlobalModelOptions { Learner = GlobalLearner.FastTree, Iterations = 100, MinimumLeafCount = 5, OutOfFoldErrors = false };
        IForecaster trained = new GlobalForecaster(options).Train(series, 1, 2);
        double fastGrowth = (trained.Fit(series[7]).Forecast(1, []).Mean.Span[0] / series[7][^1]) - 1;
        double slowGrowth = (trained.Fit(series[8]).Forecast(1, []).Mean.Span[0] / series[8][^1]) - 1;
        Assert.InRange(fastGrowth, 0.07, 0.11);
        Assert.InRange(slowGrowth, 0.00, 0.04);
    }

    [Fact]
    public void Too_few_series_say_how_many_are_needed()
    {
        var e = Assert.Throws<ForecastException>(() => new GlobalForecaster().Train(Growing(5, 20), 1, 3));
        Assert.Contains("at least 30", e.Message, StringComparison.Ordinal);
        Assert.Contains("got 5", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Untrained_fit_and_non_positive_series_are_clear_errors()
    {
        Assert.Contains("train it on a set of series", Assert.Throws<ForecastException>(() => new GlobalForecaster().Fit([1, 2, 3, 4])).Message, StringComparison.Ordinal);
        IForecaster trained = new GlobalForecaster(new GlobalModelOptions { Iterations = 20, MinimumLeafCount = 5 }).Train(Growing(40, 12), 1, 2);
        Assert.Contains("positive", Assert.Throws<ForecastException>(() => trained.Fit([3, 0, 4, 5])).Message, StringComparison.Ordinal);
        Assert.Contains("trained for 2 steps", Assert.Throws<ForecastException>(() => trained.Fit([3, 4, 5, 6]).Forecast(3, [])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_batch_runner_trains_it_on_the_batch()
    {
        LongSeries[] batch = [.. Growing(40, 15).Select((y, i) => new LongSeries($"s{i}", Period.OfYear(2000), y))];
        BatchItem[] results = BatchForecaster.Run(batch, new GlobalForecaster(new GlobalModelOptions { Iterations = 50, MinimumLeafCount = 5 }), new BatchOptions { Horizon = 2, Levels = [95] });
        Assert.All(results, r => Assert.NotNull(r.Forecast));
        BatchItem[] tooFew = BatchForecaster.Run(batch[..3], new GlobalForecaster(), new BatchOptions { Horizon = 2, Levels = [95] });
        Assert.All(tooFew, r => Assert.Contains("at least 30", r.Error, StringComparison.Ordinal));
    }
}
