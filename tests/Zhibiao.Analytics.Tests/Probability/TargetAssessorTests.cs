using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Forecasting.Baselines;
using Zhibiao.Analytics.Probability;
using MathNet.Numerics.Distributions;

namespace Zhibiao.Analytics.Tests.Probability;

public class TargetAssessorTests
{
    private static readonly Source Src = new("test");

    private static readonly Indicator Flow = new("x", "指标", "indicator", Zhibiao.Analytics.Units.Tonne, Frequency.Yearly, Direction.HigherIsBetter, IndicatorKind.Flow);

    /// <summary>Exact computed values (no rounding interval), so one history is drawn.</summary>
    private static IndicatorSeries Exact(params double[] values) =>
        IndicatorSeries.Create(Flow, values.Select((v, i) => new Observation("x", Period.OfYear(2015 + i), Measure.Level, Quantity.Of(v, Zhibiao.Analytics.Units.Tonne), Qualifier.Exact, Src)));

    private static Target AtLeast(int year, double value) =>
        new("x", TargetKind.Level, Period.OfYear(year), Quantity.Of(value, Zhibiao.Analytics.Units.Tonne), TargetComparison.AtLeast, Src);

    private static readonly double[] Noisy = [10, 12, 9, 11, 10, 13, 8, 11, 10, 12];

    [Fact]
    public void Mean_model_gives_the_Student_t_probability_within_Monte_Carlo_error()
    {
        // y ~ ȳ + s·√(1 + 1/n)·t(n−1): P(y ≥ ȳ + q) with q the 80% point of that distribution is 0.2.
        double mean = Noisy.Average(), sd = Math.Sqrt(Noisy.Sum(v => (v - mean) * (v - mean)) / (Noisy.Length - 1));
        double q = StudentT.InvCDF(0, 1, Noisy.Length - 1, 0.8) * sd * Math.Sqrt(1 + (1.0 / Noisy.Length));
        var options = new AssessmentOptions { Forecaster = new MeanForecaster(), Paths = 20000, Seed = 7 };
        TargetAssessment a = TargetAssessor.Assess(Exact(Noisy), AtLeast(2026, mean + q), options);
        Assert.Equal(0.2, a.ProbabilityMet, 0.01); // Monte-Carlo sd √(0.16/20000) = 0.003
        Assert.Equal(mean, a.Median, 0.05);
        Assert.Equal(Likelihood.Unlikely, a.Likelihood);
    }

    [Fact]
    public void Equal_seeds_give_equal_answers()
    {
        var options = new AssessmentOptions { Forecaster = new DriftForecaster(), Seed = 11 };
        TargetAssessment a = TargetAssessor.Assess(Exact(Noisy), AtLeast(2027, 12), options);
        TargetAssessment b = TargetAssessor.Assess(Exact(Noisy), AtLeast(2027, 12), options);
        Assert.Equal(a.ProbabilityMet, b.ProbabilityMet);
        Assert.Equal(a.Interval95, b.Interval95);
    }

    [Fact]
    public void Two_points_widen_honestly_and_say_so()
    {
        // Log random walk with drift d = ln(110/100): log y_2017 ~ N(ln 110 + d, 2σ²) with σ = 0.15 (one step, drift from one difference).
        TargetAssessment a = TargetAssessor.Assess(Exact(100, 110), AtLeast(2017, 121), new AssessmentOptions { Paths = 20000 });
        Assert.Equal(0.5, a.ProbabilityMet, 0.015);
        double sd = 0.15 * Math.Sqrt(2);
        Assert.Equal(121 * Math.Exp(sd * Normal.InvCDF(0, 1, 0.975)), a.Interval95.Upper, 121 * 0.03);
        Assert.Contains(a.Notes, n => n.Contains("only 2 observations", StringComparison.Ordinal));
        Assert.Equal("Log random walk with drift", a.Method);
    }

    private static readonly Indicator Rate = new("cpi", "居民消费价格", "consumer prices", Zhibiao.Analytics.Units.Percent, Frequency.Yearly, Direction.LowerIsBetter, IndicatorKind.Rate);

    private static IndicatorSeries RateSeries(params (int Year, double Value)[] points) =>
        IndicatorSeries.Create(Rate, points.Select(p => new Observation("cpi", Period.OfYear(p.Year), Measure.Level, Quantity.Of(p.Value, Zhibiao.Analytics.Units.Percent), Qualifier.Exact, Src)));

    [Fact]
    public void A_short_rate_with_a_gap_walks_in_points_with_its_real_changes()
    {
        // Real figures 2001 0.7, 2005 1.8, 2006 1.5 (the gap 2002–2004 is filled for the model, but filled figures are
        // not data): changes 1.1 over 4 years → 1.1/√4 = 0.55, and −0.3; s = √((0.55² + 0.3²)/2) = 0.443, ν = 2.
        // P(CPI 2007 ≤ 3) = F_t2(x), x = (3 − 1.5)/0.443 = 3.386: ½ + x/(2·√(2 + x²)) = ½ + 3.386/7.339 = 0.961.
        // A model fitted to the filled series said 1.00 (the example of issue 28).
        var cpi = RateSeries((2001, 0.7), (2005, 1.8), (2006, 1.5));
        var ceiling = new Target("cpi", TargetKind.Level, Period.OfYear(2007), Quantity.Of(3, Zhibiao.Analytics.Units.Percent), TargetComparison.AtMost, Src);
        // One history at face value (figures to 0.1 point would otherwise be drawn within their rounding).
        TargetAssessment a = TargetAssessor.Assess(cpi, ceiling, new AssessmentOptions { Paths = 20000, Histories = 1 });
        Assert.Equal(0.961, a.ProbabilityMet, 0.005); // Monte-Carlo sd √(0.037/20000) = 0.0014
        Assert.Equal("Random walk in points (short history of a rate)", a.Method);
        Assert.Contains(a.Notes, n => n.Contains("only 3 observations of a rate", StringComparison.Ordinal));
    }

    [Fact]
    public void A_short_rate_may_be_negative_and_its_intervals_are_t_quantiles_in_points()
    {
        // Changes +1.5 and −0.7: s = √((2.25 + 0.49)/2) = 1.170, ν = 2; two steps ahead the 95% interval is
        // −0.2 ± t_2(0.975)·s·√2 = −0.2 ± 4.303·1.655.
        var rate = RateSeries((2020, -1), (2021, 0.5), (2022, -0.2));
        IndicatorPaths paths = TargetAssessor.Simulate(rate, 2, new AssessmentOptions { Paths = 4000 });
        Assert.Equal("Random walk in points (short history of a rate)", paths.Method);
        var ceiling = new Target("cpi", TargetKind.Level, Period.OfYear(2024), Quantity.Of(-0.2, Zhibiao.Analytics.Units.Percent), TargetComparison.AtMost, Src);
        Assert.Equal(0.5, TargetAssessor.Assess(rate, ceiling, new AssessmentOptions { Paths = 20000 }).ProbabilityMet, 0.015);
        Assert.Equal((1.170, 2.0), RateWalkModel.Spread(rate) is { } sp ? (Math.Round(sp.Scale, 3), sp.Dof) : default);
        Zhibiao.Analytics.Forecasting.IFittedModel model = RateWalkModel.Fit([-1, 0.5, -0.2], 1.170, 2);
        PredictionInterval i95 = model.Forecast(2, [95]).Intervals[0];
        Assert.Equal(-0.2 + (4.303 * 1.170 * Math.Sqrt(2)), i95.Upper.Span[1], 0.01);
        Assert.Equal(-0.2 - (4.303 * 1.170 * Math.Sqrt(2)), i95.Lower.Span[1], 0.01);
    }

    [Fact]
    public void Qualified_latest_values_enter_as_intervals()
    {
        Observation O(int year, string v, Qualifier q) => new("x", Period.OfYear(year), Measure.Level, Quantity.Parse(v), q, Src);
        var exact = IndicatorSeries.Create(Flow, [O(2022, "100吨", Qualifier.Exact), O(2023, "100吨", Qualifier.Exact), O(2024, "100吨", Qualifier.Exact)]);
        var more = IndicatorSeries.Create(Flow, [O(2022, "100吨", Qualifier.Exact), O(2023, "100吨", Qualifier.Exact), O(2024, "100吨", Qualifier.MoreThan)]);
        var options = new AssessmentOptions { Paths = 8000 };
        TargetAssessment e = TargetAssessor.Assess(exact, AtLeast(2025, 100), options);
        TargetAssessment m = TargetAssessor.Assess(more, AtLeast(2025, 100), options);
        Assert.True(m.ProbabilityMet > e.ProbabilityMet + 0.05, $"{m.ProbabilityMet} vs {e.ProbabilityMet}");
        Assert.Contains(m.Notes, n => n.Contains("histories", StringComparison.Ordinal));
    }

    [Fact]
    public void Growth_targets_are_judged_on_the_growth_rate()
    {
        // Drift model on a straight line 100, 110, ..., 190: next growth is 200/190 − 1 = 5.26% with almost no spread.
        double[] line = [.. Enumerable.Range(0, 10).Select(i => 100.0 + (10 * i))];
        line[5] += 0.5;
        var t = new Target("x", TargetKind.Growth, Period.OfYear(2025), Quantity.Parse("5%"), TargetComparison.AtLeast, Src);
        TargetAssessment a = TargetAssessor.Assess(Exact(line), t, new AssessmentOptions { Forecaster = new DriftForecaster() });
        Assert.Equal(10.0 / 190, a.Median, 0.002);
        Assert.True(a.ProbabilityMet > 0.9);
        Assert.Equal(0.05, a.Goal, 12);
    }

    [Fact]
    public void Cumulative_targets_sum_observed_and_simulated_years()
    {
        var plan = PlanPeriod.Parse("2021-2025");
        IndicatorSeries s = Exact(98, 102, 99, 101, 100, 100, 97, 103); // 2015..2022, mean exactly 100
        var t = new Target("x", TargetKind.Cumulative, plan.End, Quantity.Of(500, Zhibiao.Analytics.Units.Tonne), TargetComparison.AtLeast, Src) { Plan = plan };
        TargetAssessment a = TargetAssessor.Assess(s, t, new AssessmentOptions { Forecaster = new MeanForecaster(), Paths = 20000 });
        // 2021 and 2022 observed (200), 2023-2025 drawn around 100 each: the total is about 500, P ≈ 0.5.
        Assert.Equal(500, a.Median, 0.5);
        Assert.Equal(0.5, a.ProbabilityMet, 0.05);
    }

    [Fact]
    public void Bad_targets_are_clear_errors()
    {
        IndicatorSeries s = Exact(Noisy);
        Assert.Contains("is not after the latest observation 2024", Assert.Throws<AnalyticsException>(() => TargetAssessor.Assess(s, AtLeast(2024, 5))).Message, StringComparison.Ordinal);
        Assert.Contains("is not after", Assert.Throws<AnalyticsException>(() => TargetAssessor.Assess(s, AtLeast(2010, 5))).Message, StringComparison.Ordinal);
        var wrongUnit = new Target("x", TargetKind.Level, Period.OfYear(2026), Quantity.Parse("5千瓦"), TargetComparison.AtLeast, Src);
        Assert.Throws<IncompatibleUnitsException>(() => TargetAssessor.Assess(s, wrongUnit));
        Assert.Contains("at least two observations", Assert.Throws<AnalyticsException>(() => TargetAssessor.Assess(Exact(5), AtLeast(2026, 5))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sample_paths_give_probabilities_and_quantiles()
    {
        IFittedModel m = new DriftForecaster().Fit(Noisy);
        SamplePaths p = SamplePaths.Simulate(m, 3, 5000, 1);
        Assert.Equal(5000, p.Count);
        Assert.Equal(0.5, p.ShareAtLeast(2, p.Quantile(2, 0.5)), 0.01);
        Assert.Equal(1, GrowthProbabilities.ShareAtLeast([1, 2, 3], 0.5));
        Assert.Equal(1.0 / 3, GrowthProbabilities.ShareAtLeast([1, 2, 3], 3), 12);
        Assert.Equal(0, GrowthProbabilities.ShareAtLeast([1, 2, 3], 3.5));
    }
}

public class LogDriftForecasterTests
{
    [Fact]
    public void Analytic_intervals_agree_with_the_simulated_paths()
    {
        double[] y = [100, 108, 113, 125, 131, 140];
        Zhibiao.Analytics.Forecasting.IFittedModel fit = new Zhibiao.Analytics.Forecasting.Baselines.LogDriftForecaster().Fit(y);
        Zhibiao.Analytics.Forecasting.Forecast f = fit.Forecast(3, [80]);
        SamplePaths paths = SamplePaths.Simulate(fit, 3, 40000, 5);
        for (int h = 1; h <= 3; h++)
        {
            Assert.Equal(f.Interval(80).Lower.Span[h - 1], paths.Quantile(h, 0.1), f.Mean.Span[h - 1] * 0.01);
            Assert.Equal(f.Interval(80).Upper.Span[h - 1], paths.Quantile(h, 0.9), f.Mean.Span[h - 1] * 0.01);
        }
    }
}
