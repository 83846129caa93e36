using Zhibiao.Analytics.Reports;

namespace Zhibiao.Analytics.Tests.Reports;

public class TargetSemanticsTests
{
    private static ReportTarget T(string id, double value, TargetWording w, double? high = null) =>
        new(2010, id, id, value, high, w, true, "r.txt", 0, 1, "");

    private static bool Met(string id, double value, TargetWording w, double outcome, double? high = null) =>
        TargetSemantics.IsMet(T(id, value, w, high), ReportIndicators.Find(id)!.Indicator, outcome);

    [Theory]
    [InlineData("gdp_growth", 8, TargetWording.About, 7.96, true)]   // rounding
    [InlineData("gdp_growth", 8, TargetWording.About, 11.4, true)]   // a floor
    [InlineData("gdp_growth", 7.5, TargetWording.About, 7.4, true)]  // one published digit below "about"
    [InlineData("gdp_growth", 8, TargetWording.About, 7.8, false)]
    [InlineData("gdp_growth", 7.5, TargetWording.Exact, 7.4, false)]
    [InlineData("cpi", 3, TargetWording.About, 0.2, true)]           // a ceiling
    [InlineData("cpi", 4, TargetWording.About, 5.4, false)]
    [InlineData("registered_unemployment", 4.5, TargetWording.AtMost, 4.5, true)]
    [InlineData("registered_unemployment", 4.6, TargetWording.Exact, 4.7, false)]
    [InlineData("urban_new_jobs", 11_000_000, TargetWording.AtLeast, 10_900_000, false)]
    [InlineData("urban_new_jobs", 10_000_000, TargetWording.About, 13_000_000, true)]
    [InlineData("energy_intensity", -4, TargetWording.About, -4.2, true)]
    [InlineData("energy_intensity", -4, TargetWording.About, -1.79, false)]
    public void Verdicts_follow_the_indicator_direction(string id, double value, TargetWording w, double outcome, bool met) =>
        Assert.Equal(met, Met(id, value, w, outcome));

    [Fact]
    public void A_range_is_met_at_its_lower_bound_when_higher_is_better_and_at_its_upper_bound_when_lower_is()
    {
        Assert.True(Met("gdp_growth", 6.5, TargetWording.Range, 6.5, 7));
        Assert.False(Met("gdp_growth", 6.5, TargetWording.Range, 6.3, 7));
        Assert.True(Met("cpi", 2, TargetWording.Range, 3, 3));
        Assert.False(Met("cpi", 2, TargetWording.Range, 3.2, 3));
    }

    [Fact]
    public void The_prior_starts_from_the_pooled_record_and_follows_the_indicators_own()
    {
        // Pooled r = (1 + 3) / (2 + 4) = 2/3; gdp's own 2 of 2; k = 4: (4·2/3 + 2) / 6 = 0.7778.
        var earlier = new[] { ("gdp_growth", true), ("gdp_growth", true), ("cpi", false), ("cpi", true) };
        Assert.Equal(0.7778, HonestPrior.Prior("gdp_growth", earlier), 4);
        Assert.Equal(1.0, HonestPrior.BaseRate("gdp_growth", earlier), 9);
        Assert.Equal(0.5, HonestPrior.BaseRate("m2_growth", []), 9);
        Assert.Equal(0.7, HonestPrior.Combine(0.7, null, 0.5), 9);
        Assert.Equal(0.5, HonestPrior.Combine(0.8, 0.2, 0.5), 9);
    }

    [Fact]
    public void The_weight_is_fixed_unless_asked_to_learn_it_from_earlier_outcomes()
    {
        // Earlier rows where the forecast was right and the prior lukewarm: learning picks w = 1, the fixed rule keeps 0.5.
        var earlier = new (double, double?, bool)[] { (0.6, 0.95, true), (0.6, 0.05, false), (0.6, 0.9, true) };
        Assert.Equal(0.5, HonestPrior.LearnWeight(earlier), 9);
        Assert.Equal(0.25, HonestPrior.LearnWeight(earlier, new PriorOptions { Weight = 0.25 }), 9);
        Assert.Equal(1.0, HonestPrior.LearnWeight(earlier, new PriorOptions { Learn = true }), 9);
        Assert.Equal(0.5, HonestPrior.LearnWeight([], new PriorOptions { Learn = true }), 9);
        // logit p = 0.5·logit 0.6 + 0.5·logit 0.95 = 0.5·(0.405465 + 2.944439) = 1.674952 → p = 0.842235.
        Assert.Equal(0.842235, HonestPrior.Combine(0.6, 0.95, 0.5), 6);
    }
}
