using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Forecasting.Baselines;
using Zhibiao.Analytics.Forecasting.Ensemble;
using Zhibiao.Analytics.Forecasting.Ets;
using Zhibiao.Analytics.Forecasting.Theta;

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
        Members = [new EtsForecaster(new EtsOptions { Model = "AAdN" }), new ThetaForecaster(), new DriftForecaster()],
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
    public void A_large_batch_validates_a_sample_of_its_series_and_a_small_one_all_of_them()
    {
        Assert.Equal(Enumerable.Range(0, 50), AutoForecaster.Sample(50, 2000));
        int[] sample = AutoForecaster.Sample(10_000, 2000);
        Assert.Equal(2000, sample.Length);
        Assert.Equal(2000, sample.Distinct().Count());
        Assert.True(sample.Zip(sample.Skip(1)).All(p => p.First < p.Second));
        Assert.Equal(sample, AutoForecaster.Sample(10_000, 2000));

        // A batch with a period of its own (the same 50 series repeated) is sampled across all of them, not every k-th.
        Assert.Equal(50, AutoForecaster.Sample(10_000, 2000).Select(i => i % 50).Distinct().Count());

        // The method says how many series were validated; capped, the choice of this batch is the same.
        double[][] batch = Trending(300, 25, 4);
        IFittedModel whole = NaiveAndDrift().Train(batch, 1, 4).Fit(batch[0]);
        var capped = new AutoForecaster(new AutoOptions { Members = [new NaiveForecaster(), new DriftForecaster()], MaximumValidatedSeries = 120 });
        IFittedModel sampled = capped.Train(batch, 1, 4).Fit(batch[0]);
        Assert.Contains("on 300 series", whole.Method, StringComparison.Ordinal);
        Assert.Contains("on 120 series", sampled.Method, StringComparison.Ordinal);
        Assert.Equal(whole.Forecast(4, []).Mean.ToArray(), sampled.Forecast(4, []).Mean.ToArray());
        Assert.Equal(2 * 120 * 3, sampled.Parameters["calibration_vectors"]);
    }

    [Fact]
    public void A_series_the_chosen_members_cannot_fit_gets_the_median_of_the_members_that_can()
    {
        // Growing positive series choose the log drift; series with a zero (which the log drift refuses) still get a
        // forecast: before, they failed with "no member could fit" while each other member fitted them (issue 32).
        var random = new Random(3);
        double[][] growing = [.. Enumerable.Range(0, 60).Select(i => Enumerable.Range(0, 25).Select(t => (50 + i) * Math.Exp((0.03 + (0.001 * (i % 7))) * t) * Math.Exp(0.01 * MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1))).ToArray())];
        double[][] zeros = [.. Enumerable.Range(0, 20).Select(i => Enumerable.Range(0, 25).Select(t => t % 5 == 2 ? 0.0 : 10 + i + t).ToArray())];
        var auto = new AutoForecaster(new AutoOptions { Members = [new LogDriftForecaster(), new MeanForecaster(), new NaiveForecaster()] });
        IForecaster trained = auto.Train([.. growing, .. zeros], 1, 4);

        IFittedModel usual = trained.Fit(growing[0]);
        Assert.StartsWith("Median(Log random walk with drift), calibrated; selected by validation", usual.Method, StringComparison.Ordinal);
        Assert.Throws<ForecastException>(() => new LogDriftForecaster().Fit(zeros[0]));
        IFittedModel fallback = trained.Fit(zeros[0]);
        Assert.StartsWith("Median(Mean, Naive), calibrated; selected by validation", fallback.Method, StringComparison.Ordinal);
        Assert.EndsWith("; the chosen members cannot fit this series, so the median of the members that can", fallback.Method, StringComparison.Ordinal);
        Forecast f = fallback.Forecast(4, [95]);
        Assert.Equal((((10 + 24.0) + zeros[0].Average()) / 2), f.Mean.Span[0], 9);
        Assert.True(f.Interval(95).Upper.Span[3] > f.Interval(95).Upper.Span[0]);
    }

    [Fact]
    public void Validation_errors_are_scaled_to_the_whole_history_where_the_batch_shows_them_shrinking_with_it()
    {
        // Exact lines y_t = 100 + 2t of 20..79 values and a drift that falls short of the slope by 5/n on n values: the
        // error at step h from n values is 2·h·5/n, d = 2, so s_h = 5·√h / n — errors shrink as 1/n, a = 1. Scaled to
        // the series' whole length L, each s_h is 5·√h / L, and a fresh line's 95% interval is the mean ± 2·√h·q_h, q_h
        // the 97.5% quantile of ±5·√h / L over the batch (three origins each). Unscaled, it would be ±5·√h / n, from
        // 4 to 6 values fewer: 40% wider for the shortest series.
        double[][] batch = [.. Enumerable.Range(0, 60).Select(i => Enumerable.Range(0, 20 + i).Select(t => 100 + (2.0 * t)).ToArray())];
        IForecaster trained = new AutoForecaster(new AutoOptions { Members = [new ShortfallDrift()] }).Train(batch, 1, 4);
        double[] fresh = [.. Enumerable.Range(0, 50).Select(t => 100 + (2.0 * t))];
        IFittedModel fit = trained.Fit(fresh);
        Assert.InRange(fit.Parameters["calibration_length_exponent"], 0.99, 1);
        Forecast f = fit.Forecast(4, [95]);
        double[] inverse = [.. batch.SelectMany(y => Enumerable.Repeat(1.0 / y.Length, 3)).SelectMany(x => new[] { x, -x }).Order()];
        for (int h = 1; h <= 4; h++)
        {
            double expected = 2 * Math.Sqrt(h) * 5 * Math.Sqrt(h) * FittedModel.Quantile(inverse, 0.975);
            Assert.Equal(expected, f.Interval(95).Upper.Span[h - 1] - f.Mean.Span[h - 1], expected * 0.005);
        }
    }

    [Fact]
    public void Series_of_one_process_and_mixed_lengths_keep_their_intervals_calibrated()
    {
        // Lengths 15..60 in one batch: errors normalised by d hardly depend on the length, so the exponent stays near 0,
        // the process does not change, so the recency factors stay near 1, and the 95% intervals of fresh series of the same lengths cover about 95%.
        var random = new Random(3);
        double[][] batch = [.. Trending(400, 60, 1).Select(y => y[..random.Next(15, 61)])];
        IForecaster trained = NaiveAndDrift().Train(batch, 1, 4);
        IReadOnlyDictionary<string, double> parameters = trained.Fit(batch[0]).Parameters;
        Assert.InRange(parameters["calibration_length_exponent"], 0, 0.05);
        Assert.InRange(parameters["calibration_recency"], 0.9, 1.1); // the latest values are no easier than the validation's
        int inside = 0, total = 0;
        foreach (double[] y in Trending(1000, 64, 2))
        {
            int length = random.Next(15, 61);
            Forecast f = trained.Fit(y.AsSpan(0, length)).Forecast(4, [95]);
            for (int h = 0; h < 4; h++, total++)
                if (y[length + h] >= f.Interval(95).Lower.Span[h] && y[length + h] <= f.Interval(95).Upper.Span[h]) inside++;
        }

        Assert.InRange(inside / (double)total, 0.93, 0.965);
    }

    /// <summary>A drift whose slope falls short by 5/n on n values: ŷ_h = y_n + h·b̂·(1 − 5/n), b̂ = (y_n − y_1)/(n − 1).</summary>
    private sealed class ShortfallDrift : IForecaster
    {
        public string Name => "shortfall";

        public IFittedModel Fit(ReadOnlySpan<double> y, int seasonLength = 1)
        {
            double slope = (y[^1] - y[0]) / (y.Length - 1) * (1 - (5.0 / y.Length));
            return new ScriptedLine(y.Length, y[^1], slope);
        }

        private sealed class ScriptedLine(int length, double last, double slope) : IFittedModel
        {
            public string Method => "Shortfall drift";

            public IReadOnlyList<double> Fitted => [.. Enumerable.Repeat(double.NaN, length)];

            public IReadOnlyList<double> Residuals => Fitted;

            public IReadOnlyDictionary<string, double> Parameters => new Dictionary<string, double>();

            public InformationCriteria? Criteria => null;

            public Forecast Forecast(int horizon, IReadOnlyList<double> levels)
            {
                double[] mean = [.. Enumerable.Range(1, horizon).Select(h => last + (h * slope))];
                return new Forecast(Method, mean, [.. levels.Select(l => new PredictionInterval(l, mean, mean))], Array.Empty<double>(), Array.Empty<double>());
            }

            public void SimulatePaths(int horizon, Span<double> paths, Random random)
            {
                for (int i = 0; i < paths.Length; i++) paths[i] = last + (((i % horizon) + 1) * slope);
            }
        }
    }
}
