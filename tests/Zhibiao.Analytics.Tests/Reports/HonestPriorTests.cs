using Zhibiao.Analytics.Reports;

namespace Zhibiao.Analytics.Tests.Reports;

public class HonestPriorTests
{
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
