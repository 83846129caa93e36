using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Forecasting.Baselines;
using Zhibiao.Analytics.Forecasting.Ensemble;
using Zhibiao.Analytics.Forecasting.Ets;
using Zhibiao.Analytics.Forecasting.Theta;
using CsCheck;

namespace Zhibiao.Analytics.Tests.Forecasting.Ensemble;

public class AutoForecasterTests
{
    /// <summary>
    /// Trending series with Gaussian noise: y_t = a + b·t + e_t, e_t of standard deviation <paramref name="noise"/>;
    /// levels a from 100 to 1095, so the error scale's floor of 1e-3 of the level never binds.
    /// </summary>
    private static double[][] Trending(int count, int length, int seed, double noise = 3)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            double a = 100 + (5 * (i % 200)), b = 2 + (i % 5);
            return Enumerable.Range(0, length).Select(t => a + (b * t) + (noise * MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1))).ToArray();
        })];
    }

    private static AutoForecaster NaiveAndDrift(bool select = true) => new(new AutoOptions
    {
        Members = [new NaiveForecaster(), new DriftForecaster()],
        SelectMembers = select,
    });

    [Fact]
    public void Validation_prefers_drift_on_trending_series_and_calibrates_intervals()
    {
        double[][] batch = Trending(60, 25, 1);
        IForecaster trained = NaiveAndDrift().Train(batch, 1, 4);
        IFittedModel fit = trained.Fit(batch[0]);
        Assert.StartsWith("Median(Random walk with drift), calibrated; selected by validation", fit.Method, StringComparison.Ordinal);
        Assert.Equal(2 * 60 * 3, fit.Parameters["calibration_vectors"]); // 3 origins of 60 series, with their mirror images

        // Out of sample: the next 4 values of fresh series from the same process fall in the 90% interval about 90% of the time.
        double[][] fresh = Trending(200, 29, 2);
        int inside = 0, total = 0;
        foreach (double[] y in fresh)
        {
            Forecast f = trained.Fit(y.AsSpan(0, 25)).Forecast(4, [90]);
            for (int h = 0; h < 4; h++, total++)
                if (y[25 + h] >= f.Interval(90).Lower.Span[h] && y[25 + h] <= f.Interval(90).Upper.Span[h]) inside++;
        }

        Assert.InRange(inside / (double)total, 0.84, 0.96);
    }

    [Theory]
    [InlineData(15)]
    [InlineData(60)]
    public void Calibrated_95_intervals_cover_about_95_percent_of_fresh_series_short_or_long(int length)
    {
        // Validation errors from a few values fewer stand for the final forecast's errors: on series from one process
        // the 95% interval must neither widen nor narrow with the history's length. (Scaling validation errors by
        // (L_o / L)^0.5, tried for collections whose validation errors exceed their test errors, covers 0.907 at 15
        // values: `dotnet run -c Release benchmarks/auto-recipes.cs -- simulate`. The shrink would be wrong on short series.)
        double[][] batch = Trending(200, length, 1);
        IForecaster trained = NaiveAndDrift().Train(batch, 1, 4);
        double[][] fresh = Trending(1000, length + 4, 2);
        int inside = 0, total = 0;
        foreach (double[] y in fresh)
        {
            Forecast f = trained.Fit(y.AsSpan(0, length)).Forecast(4, [95]);
            for (int h = 0; h < 4; h++, total++)
                if (y[length + h] >= f.Interval(95).Lower.Span[h] && y[length + h] <= f.Interval(95).Upper.Span[h]) inside++;
        }

        Assert.InRange(inside / (double)total, 0.93, 0.965);
    }

    [Fact]
    public void Without_selection_all_members_are_combined_by_the_median()
    {
        double[][] batch = Trending(60, 25, 1);
        IFittedModel fit = NaiveAndDrift(select: false).Train(batch, 1, 4).Fit(batch[0]);
        Assert.Equal("Median(Naive, Random walk with drift), calibrated; fixed median", fit.Method);
    }

    [Fact]
    public void Too_few_series_keep_all_members_with_the_median()
    {
        double[][] batch = Trending(5, 25, 3);
        IFittedModel fit = NaiveAndDrift().Train(batch, 1, 4).Fit(batch[0]);
        Assert.Equal("Median(Naive, Random walk with drift); fixed median: 5 series long enough to validate, selection needs 20", fit.Method);
        Assert.Equal(0, fit.Parameters["calibration_vectors"]); // 15 validated origins are fewer than the 30 needed
        Forecast f = fit.Forecast(4, [95]);
        Assert.All(f.Intervals[0].Lower.ToArray().Zip(f.Mean.ToArray()), p => Assert.True(p.First < p.Second));
    }

    [Fact]
    public void A_single_series_is_the_median_of_the_local_members()
    {
        double[] y = Trending(1, 20, 4)[0];
        IFittedModel fit = NaiveAndDrift().Fit(y);
        double[] naive = new NaiveForecaster().Fit(y).Forecast(3, []).Mean.ToArray();
        double[] drift = new DriftForecaster().Fit(y).Forecast(3, []).Mean.ToArray();
        double[] mean = fit.Forecast(3, []).Mean.ToArray();
        for (int h = 0; h < 3; h++) Assert.Equal((naive[h] + drift[h]) / 2, mean[h], 9);
        Assert.EndsWith("; fixed median: one series, no batch to validate on", fit.Method, StringComparison.Ordinal);
    }

    [Fact]
    public void The_seasonal_naive_joins_only_seasonal_data()
    {
        // Yearly: the seasonal naive would be the naive forecast, so the default members are ets, theta, dotm, drift, arima.
        double[] y = Trending(1, 24, 8)[0];
        string yearly = new AutoForecaster().Fit(y).Method;
        Assert.DoesNotContain("Seasonal naive", yearly, StringComparison.Ordinal);
        Assert.Contains("ARIMA", yearly, StringComparison.Ordinal);
        Assert.Contains("Seasonal naive", new AutoForecaster().Fit(y, 4).Method, StringComparison.Ordinal);
    }

    /// <summary>Members that damp trends (damped ETS, theta's half slope) and one that does not.</summary>
    private static AutoForecaster DampedThetaDrift(double margin = 0.3) => new(new AutoOptions
    {
        Members = [new EtsForecaster(new EtsOptions { Model = EtsSpec.Parse("AAdN") }), new ThetaForecaster(), new DriftForecaster()],
        SelectionMargin = margin,
    });

    [Fact]
    public void Selection_on_pure_trends_keeps_drift_and_drops_the_damped_members()
    {
        // Straight lines with a little noise: any damping loses on validation, drift alone is right.
        double[][] batch = Trending(120, 30, 5, noise: 0.2);
        IFittedModel fit = DampedThetaDrift().Train(batch, 1, 6).Fit(batch[0]);
        Assert.StartsWith("Median(Random walk with drift), calibrated; selected by validation", fit.Method, StringComparison.Ordinal);
        Assert.DoesNotContain("Theta", fit.Method, StringComparison.Ordinal);
        Assert.DoesNotContain("Ad", fit.Method, StringComparison.Ordinal);
    }

    [Fact]
    public void Selection_is_shrunk_to_the_median_when_it_does_not_beat_it_by_the_margin()
    {
        // The same trends: drift validates better than the median, but not by 90% (19.8 / 22 values before the earliest origin).
        double[][] batch = Trending(120, 30, 5);
        IFittedModel fit = DampedThetaDrift(margin: 19.8).Train(batch, 1, 6).Fit(batch[0]);
        Assert.Matches(@"^Median\(ETS\(A,Ad,N\), Theta, Random walk with drift\), calibrated; median of all kept \(validation score 0\.\d{3} of the median's on 120 series, margin 0\.900\)$", fit.Method);

        // Members that forecast alike cannot beat their median: it stays, whatever the margin.
        var alike = new AutoForecaster(new AutoOptions { Members = [new NaiveForecaster(), new SeasonalNaiveForecaster()], SelectionMargin = 0 });
        Assert.Contains("; median of all kept (validation score 1.000 of the median's", alike.Train(batch, 1, 6).Fit(batch[0]).Method, StringComparison.Ordinal);
    }

    [Fact]
    public void Small_batches_need_a_wider_margin()
    {
        // 40 series of 30 values, h = 6: 22 values before the earliest of three origins, so 0.3 / 22 = 0.01364,
        // widened to 0.01364·√(100/40) = 0.0216.
        double[][] batch = Trending(40, 30, 5);
        Assert.Contains("on 40 series, margin 0.022)", DampedThetaDrift().Train(batch, 1, 6).Fit(batch[0]).Method, StringComparison.Ordinal);
    }

    [Fact]
    public void Longer_histories_need_a_smaller_margin()
    {
        // 120 series, h = 6, three origins: 30 values leave 22 before the earliest origin (0.3 / 22 = 0.0136),
        // 80 values leave 72 (0.3 / 72 = 0.0042); with half of each the median is (22 + 72) / 2 = 47 (0.0064).
        string Margin(double[][] batch) => DampedThetaDrift().Train(batch, 1, 6).Fit(batch[0]).Method;
        Assert.Contains("on 120 series, margin 0.014)", Margin(Trending(120, 30, 5)), StringComparison.Ordinal);
        Assert.Contains("on 120 series, margin 0.004)", Margin(Trending(120, 80, 5)), StringComparison.Ordinal);
        Assert.Contains("on 120 series, margin 0.006)", Margin([.. Trending(60, 30, 5), .. Trending(60, 80, 6)]), StringComparison.Ordinal);
    }

    [Fact]
    public void Series_too_short_to_validate_fall_back_to_the_median_and_say_so()
    {
        // Six values and a horizon of 4 leave no origin with 5 values before it.
        double[][] batch = Trending(50, 6, 6);
        IFittedModel fit = DampedThetaDrift().Train(batch, 1, 4).Fit(batch[0]);
        Assert.EndsWith("; fixed median: 0 series long enough to validate, selection needs 20", fit.Method, StringComparison.Ordinal);
        Assert.StartsWith("Median(", fit.Method, StringComparison.Ordinal);
    }

    [Fact]
    public void The_choice_is_the_same_for_the_same_batch()
    {
        double[][] batch = Trending(60, 25, 7);
        IFittedModel a = DampedThetaDrift().Train(batch, 1, 4, threads: 2).Fit(batch[3]);
        IFittedModel b = DampedThetaDrift().Train(batch, 1, 4, threads: 1).Fit(batch[3]);
        Assert.Equal(a.Method, b.Method);
        Assert.Equal(a.Forecast(4, [95]).Interval(95).Upper.ToArray(), b.Forecast(4, [95]).Interval(95).Upper.ToArray());
    }

    [Fact]
    public void Members_that_cannot_fit_are_left_out_and_none_is_an_error()
    {
        var auto = new AutoForecaster(new AutoOptions { Members = [new NaiveForecaster(), new LogDriftForecaster()] });
        IFittedModel fit = auto.Fit([3, -1, 2, 4]);
        Assert.Equal("Median(Naive); fixed median: one series, no batch to validate on", fit.Method);
        Assert.Throws<ForecastException>(() => new AutoForecaster(new AutoOptions { Members = [new LogDriftForecaster()] }).Fit([3, -1, 2, 4]));
    }

    [Fact]
    public void Calibrated_errors_round_trip_and_scale_is_never_zero()
    {
        Gen.Select(Gen.Double[-1e6, 1e6], Gen.Double[-1e6, 1e6], Gen.Int[1, 20], Gen.Double[1e-3, 1e4]).Sample((y, f, h, d) =>
            Math.Abs(ErrorCalibration.Apply(f, ErrorCalibration.Normalise(y, f, h, d), h, d) - y) <= 1e-6 * (1 + Math.Abs(y)));
    }

    [Fact]
    public void Calibration_quantiles_are_the_pooled_scores_and_their_mirror_images()
    {
        // Step 1 pools 1..5 and −1..−5; step 2 pools −2..2 twice.
        var c = new ErrorCalibration([[1, -2], [2, -1], [3, 0], [4, 1], [5, 2]], 2);
        Assert.Equal(10, c.Count);
        Assert.Equal(0, c.Quantile(1, 0.5), 12);
        Assert.Equal(-5, c.Quantile(1, 0), 12);
        Assert.Equal(4.55, c.Quantile(1, 0.95), 12); // type 7: position 0.95 × 9 = 8.55 between 4 and 5
        Assert.Equal(-2, c.Quantile(2, 0), 12);
        Assert.Equal(2, c.Quantile(7, 1), 12); // steps beyond the horizon use the last one
        Assert.Throws<ArgumentException>(() => new ErrorCalibration([], 2));
    }

    [Fact]
    public void The_error_scale_is_the_recent_mean_absolute_seasonal_change()
    {
        // Quarterly: the last max(6, 8) = 8 changes at lag 4 are each 4.
        double[] y = [.. Enumerable.Range(0, 16).Select(t => (double)t + (10 * (t % 4)))];
        Assert.Equal(4, ErrorCalibration.Scale(y, 4), 12);
        Assert.Equal(2, ErrorCalibration.Scale([0, 10, 12, 14, 16, 18, 20, 22]), 12); // yearly: the last 6 changes
        Assert.Equal(0.005, ErrorCalibration.Scale([5, 5, 5, 5]), 12); // a constant series keeps a scale
    }
}
