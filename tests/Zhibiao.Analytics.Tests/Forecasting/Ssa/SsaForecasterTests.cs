using System.Globalization;
using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Forecasting.Ssa;
using CsCheck;

namespace Zhibiao.Analytics.Tests.Forecasting.Ssa;

public class SsaForecasterTests
{
    private static readonly double[] SampleSeries = [0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0, 1, 2, 3, 4];

    /// <summary>ML.NET's test series: 0..9 five times, then 0, 100, …, 900; the first 22 values train the model.</summary>
    private static double[] EngineSeries()
    {
        var y = new List<double>();
        for (int season = 0; season < 5; season++)
            for (int i = 0; i < 10; i++) y.Add(i);
        for (int i = 0; i < 10; i++) y.Add(i * 100);
        return [.. y];
    }

    public static TheoryData<string, string, int, string, int, double, double> Parity =>
        Csv.Theory(RepositoryPaths.TestData("Forecasting", "Ssa", "mlnet-parity.csv"),
            r => (r["case"], r["updates"], int.Parse(r["horizon"], CultureInfo.InvariantCulture), r["quantity"],
                int.Parse(r["step"], CultureInfo.InvariantCulture), r.D("expected"), r.D("tolerance")));

    /// <summary>
    /// ML.NET's published outputs: "sample" is ForecastBySsa(windowSize 5, seriesLength 11, trainSize 15, horizon 5,
    /// 95%) on <see cref="SampleSeries"/> (docs/samples/.../ForecastingWithConfidenceInterval.cs), before and after four
    /// updates with 0; "engine" is ForecastBySsa(10, 11, 22, 4) on <see cref="EngineSeries"/> with updates 2, 2, 3
    /// (test/Microsoft.ML.TimeSeries.Tests/TimeSeriesDirectApi.cs, SsaForecastPredictionEngine).
    /// </summary>
    [Theory]
    [MemberData(nameof(Parity))]
    public void Matches_MLNET_published_forecasts(string name, string updates, int horizon, string quantity, int step, double expected, double tolerance)
    {
        SsaModel model = name switch
        {
            "sample" => new SsaForecaster(SsaOptions.MlNet(5)).FitModel(SampleSeries),
            "engine" => new SsaForecaster(SsaOptions.MlNet(10, 22)).FitModel(EngineSeries().AsSpan(0, 22)),
            _ => throw new ArgumentException(name),
        };
        foreach (string u in updates.Split(';', StringSplitOptions.RemoveEmptyEntries))
            model = model.Update(double.Parse(u, CultureInfo.InvariantCulture));

        Forecast f = model.Forecast(horizon, [95]);
        double actual = quantity switch
        {
            "mean" => f.Mean.Span[step - 1],
            "lower" => f.Interval(95).Lower.Span[step - 1],
            "upper" => f.Interval(95).Upper.Span[step - 1],
            _ => throw new ArgumentException(quantity),
        };
        Assert.True(Math.Abs(actual - expected) <= tolerance, $"{name} [{updates}] {quantity}[{step}]: {actual} vs ML.NET {expected}");
    }

    [Fact]
    public void Training_on_a_prefix_then_updating_equals_fitting_with_a_train_length()
    {
        double[] y = EngineSeries();
        SsaModel updated = new SsaForecaster(SsaOptions.MlNet(10)).FitModel(y.AsSpan(0, 22)).Update(y[22]).Update(y[23]);
        SsaModel fitted = new SsaForecaster(SsaOptions.MlNet(10, 22)).FitModel(y.AsSpan(0, 24));
        Assert.Equal(updated.Forecast(6, [80]).Mean, fitted.Forecast(6, [80]).Mean);
        Assert.Equal(24, fitted.Fitted.Count);
        Assert.Equal(24, fitted.Residuals.Count);
    }

    [Fact]
    public void Update_leaves_the_original_model_unchanged()
    {
        SsaModel model = new SsaForecaster(SsaOptions.MlNet(5)).FitModel(SampleSeries);
        double[] before = model.Forecast(5, []).Mean.ToArray();
        SsaModel next = model.Update(0);
        Assert.Equal(before, model.Forecast(5, []).Mean);
        Assert.NotEqual(before, next.Forecast(5, []).Mean);
        Assert.Equal(model.Forecast(1, []).Mean.Span[0], next.Fitted[^1]);
    }

    /// <summary>
    /// A linear trend lies in a rank-2 subspace whose recurrence has the double root 1: it is continued exactly once
    /// the rank may reach 2 (the default maximum rank is 1). The slope is at least 0.1% of the level per step: flatter
    /// lines are constants to the precision of the eigendecomposition of X·Xᵀ (λ₂/λ₁ below about 1e-9).
    /// </summary>
    [Fact]
    public void A_linear_trend_is_forecast_exactly() =>
        Gen.Select(Gen.Double[-1e3, 1e3], Gen.Double[1e-3, 0.2], Gen.Bool, Gen.Int[8, 40]).SamplePinned((level, ratio, down, n) =>
        {
            double slope = (down ? -ratio : ratio) * (1 + Math.Abs(level));
            double[] y = Line(level, slope, n);
            foreach (SsaOptions options in new[] { new SsaOptions { MaxRank = 2 }, SsaOptions.MlNet(Math.Max(3, n / 3)), SsaOptions.MlNet((n - 1) / 2) })
            {
                double[] f = new SsaForecaster(options).Fit(y).Forecast(6, []).Mean.ToArray();
                for (int h = 1; h <= 6; h++)
                    if (Math.Abs(f[h - 1] - (level + (slope * (n - 1 + h)))) > 1e-6 * (1 + Math.Abs(level) + (Math.Abs(slope) * n))) return false;
            }

            return true;
        });

    /// <summary>
    /// A sinusoid around a level (rank 3) is continued exactly when the window is longer than its period (shorter
    /// periods than the window are kept by the stabilisation; longer ones are, by design, turned into trends).
    /// </summary>
    [Fact]
    public void A_sinusoid_shorter_than_the_window_is_forecast_exactly() =>
        Gen.Select(Gen.Double[-100, 100], Gen.Double[0.5, 20], Gen.Int[3, 9], Gen.Double[0, 2 * Math.PI], Gen.Int[30, 48]).SamplePinned((level, amplitude, period, phase, n) =>
        {
            double Value(int t) => level + (amplitude * Math.Sin((2 * Math.PI * t / period) + phase));
            double[] y = [.. Enumerable.Range(0, n).Select(Value)];
            int window = (n - 1) / 2;
            double[] f = new SsaForecaster(SsaOptions.MlNet(window)).Fit(y).Forecast(2 * period, []).Mean.ToArray();
            for (int h = 1; h <= f.Length; h++)
                if (Math.Abs(f[h - 1] - Value(n - 1 + h)) > 1e-6 * (Math.Abs(level) + amplitude)) return false;
            return true;
        });

    [Fact]
    public void A_constant_series_gives_a_flat_finite_forecast() =>
        Gen.Select(Gen.Double[-1e6, 1e6], Gen.Int[5, 40]).SamplePinned((c, n) =>
        {
            double[] y = [.. Enumerable.Repeat(c, n)];
            foreach (SsaOptions options in new[] { new SsaOptions(), SsaOptions.MlNet(Math.Max(2, n / 3)) })
            {
                Forecast f = new SsaForecaster(options).Fit(y).Forecast(12, [80, 95]);
                foreach (double v in f.Mean.Span)
                    if (Math.Abs(v - c) > 1e-9 * (1 + Math.Abs(c))) return false;
                foreach (PredictionInterval pi in f.Intervals)
                    if (!pi.Lower.ToArray().Concat(pi.Upper.ToArray()).All(double.IsFinite)) return false;
            }

            return true;
        });

    [Fact]
    public void Intervals_widen_or_stay_with_the_horizon() =>
        Gen.Select(Gen.Double[-10, 10].Array[12, 40], Gen.Int[0, 1]).SamplePinned((noise, rule) =>
        {
            // A trend plus noise, so that both noise variances are positive.
            double[] y = [.. noise.Select((e, t) => 100 + t + e)];
            SsaOptions options = new() { Variance = rule == 0 ? SsaVarianceRule.Recurrence : SsaVarianceRule.MlNet };
            Forecast f = new SsaForecaster(options).Fit(y).Forecast(20, [50, 95]);
            foreach (PredictionInterval pi in f.Intervals)
                for (int h = 1; h < 20; h++)
                    if (pi.Upper.Span[h] - pi.Lower.Span[h] < pi.Upper.Span[h - 1] - pi.Lower.Span[h - 1] - 1e-9) return false;
            PredictionInterval p50 = f.Interval(50);
            PredictionInterval p95 = f.Interval(95);
            return p95.Upper.Span[0] - p95.Lower.Span[0] >= p50.Upper.Span[0] - p50.Lower.Span[0];
        });

    [Fact]
    public void Sample_paths_have_the_forecast_mean_and_variance()
    {
        double[] y = [.. Enumerable.Range(0, 30).Select(t => 50 + (2.0 * t) + (5 * Math.Sin(t * 1.7)))];
        IFittedModel model = new SsaForecaster(new SsaOptions { WindowLength = 8 }).Fit(y);
        const int horizon = 6;
        const int paths = 20_000;
        var buffer = new double[paths * horizon];
        model.SimulatePaths(horizon, buffer, new Random(7));
        Forecast f = model.Forecast(horizon, [95]);
        for (int h = 0; h < horizon; h++)
        {
            double mean = 0;
            double square = 0;
            for (int p = 0; p < paths; p++)
            {
                double v = buffer[(p * horizon) + h];
                mean += v;
                square += v * v;
            }

            mean /= paths;
            double sd = Math.Sqrt((square / paths) - (mean * mean));
            double expectedSd = (f.Interval(95).Upper.Span[h] - f.Mean.Span[h]) / 1.959963984540054;
            Assert.True(Math.Abs(mean - f.Mean.Span[h]) < 4 * expectedSd / Math.Sqrt(paths), $"step {h + 1}: mean {mean} vs {f.Mean.Span[h]}");
            Assert.True(Math.Abs(sd / expectedSd - 1) < 0.03, $"step {h + 1}: sd {sd} vs {expectedSd}");
        }
    }

    [Fact]
    public void The_catalogue_knows_ssa() => Assert.IsType<SsaForecaster>(Forecasters.Create("ssa"));

    [Fact]
    public void The_model_reports_its_structure()
    {
        SsaModel model = new SsaForecaster(SsaOptions.MlNet(5)).FitModel(SampleSeries);
        Assert.Equal("SSA(L=5,r=3)", model.Method);
        Assert.Equal(4, model.Coefficients.Count);
        Assert.Equal(5, model.Parameters["window"]);
        Assert.True(model.Stabilized);
        Assert.All(model.Fitted.Take(4), v => Assert.True(double.IsNaN(v)));
        Assert.All(model.Fitted.Skip(4), v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void Too_short_series_are_refused_naming_the_minimum()
    {
        var e = Assert.Throws<ForecastException>(() => new SsaForecaster().Fit([1, 2, 3, 4]));
        Assert.Contains("at least 5", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ForecastException>(() => new SsaForecaster(new SsaOptions { WindowLength = 10 }).Fit(Line(0, 1, 20)));
        Assert.Contains("at least 21", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ForecastException>(() => new SsaForecaster(new SsaOptions { TrainLength = 30 }).Fit(Line(0, 1, 20)));
        Assert.Contains("training length 30", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_and_infinite_values_are_refused()
    {
        double[] y = Line(0, 1, 20);
        y[7] = double.NaN;
        var e = Assert.Throws<ForecastException>(() => new SsaForecaster().Fit(y));
        Assert.Contains("value 8", e.Message, StringComparison.Ordinal);
        y[7] = double.PositiveInfinity;
        Assert.Throws<ForecastException>(() => new SsaForecaster().Fit(y));
        SsaModel model = new SsaForecaster().FitModel(Line(0, 1, 20));
        Assert.Throws<ForecastException>(() => model.Update(double.NaN));
    }

    [Fact]
    public void Horizons_and_options_out_of_range_are_refused()
    {
        IFittedModel model = new SsaForecaster().Fit(Line(0, 1, 20));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Forecast(ForecastLimits.MaxHorizon + 1, [95]));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Forecast(0, [95]));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.SimulatePaths(ForecastLimits.MaxHorizon + 1, new double[ForecastLimits.MaxHorizon + 1], new Random(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SsaForecaster(new SsaOptions { WindowLength = 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SsaForecaster(new SsaOptions { MaxRank = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SsaForecaster(new SsaOptions { MaxGrowthRatio = 0 }));
    }

    [Fact]
    public void The_longest_horizon_is_finite_for_a_series_without_trend()
    {
        double[] y = [.. Enumerable.Range(0, 30).Select(t => 100 + (5 * Math.Sin(t)) + (3 * Math.Cos(t * t)))];
        Forecast f = new SsaForecaster().Fit(y).Forecast(ForecastLimits.MaxHorizon, [95]);
        Assert.All(f.Mean.ToArray(), v => Assert.True(double.IsFinite(v)));
        Assert.All(f.Interval(95).Upper.ToArray(), v => Assert.True(double.IsFinite(v)));
    }

    private static double[] Line(double level, double slope, int n) => [.. Enumerable.Range(0, n).Select(t => level + (slope * t))];
}
