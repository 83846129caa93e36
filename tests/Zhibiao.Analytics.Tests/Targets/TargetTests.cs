namespace Zhibiao.Analytics.Tests.Targets;

public class TargetTests
{
    private static readonly Indicator Arrivals =
        new("arrivals", "接待游客", "tourist arrivals", Units.PersonTime, Frequency.Yearly, Direction.HigherIsBetter, IndicatorKind.Flow);

    private static readonly Indicator Grain =
        new("grain", "粮食产量", "grain output", Units.Tonne, Frequency.Yearly, Direction.HigherIsBetter, IndicatorKind.Flow);

    private static Target Of(string id, TargetKind kind, string value, TargetComparison c) =>
        new(id, kind, Period.OfYear(2025), Quantity.Parse(value), c, new Source("plan"));

    [Theory]
    [InlineData(TargetComparison.AtLeast, 3.2e8, true)]
    [InlineData(TargetComparison.AtLeast, 3.19e8, false)]
    [InlineData(TargetComparison.AtMost, 3.2e8, true)]
    [InlineData(TargetComparison.AtMost, 3.21e8, false)]
    [InlineData(TargetComparison.About, 3.25e8, true)]
    [InlineData(TargetComparison.About, 3.15e8, true)]
    [InlineData(TargetComparison.About, 3.26e8, false)]
    [InlineData(TargetComparison.About, 3.14e8, false)]
    public void Met_at_the_boundary_by_hand(TargetComparison c, double value, bool met) =>
        // 3.2亿: the default tolerance of "about" is half the last digit, 0.05亿.
        Assert.Equal(met, Of("arrivals", TargetKind.Level, "3.2亿人次", c).Rule(Arrivals).IsMetBy(value));

    [Fact]
    public void A_stated_tolerance_replaces_the_default()
    {
        // 0.1 in the target's unit (亿人次) is 1e7 人次.
        Target t = Of("arrivals", TargetKind.Level, "3.2亿人次", TargetComparison.About) with { Tolerance = 0.1 };
        Assert.Equal(1e7, t.Rule(Arrivals).Tolerance, 6);
        Assert.True(t.Rule(Arrivals).IsMetBy(3.1e8));
        Assert.False(t.Rule(Arrivals).IsMetBy(3.09e8));
    }

    [Theory]
    [InlineData(TargetKind.Level, "level")]
    [InlineData(TargetKind.Growth, "growth")]
    [InlineData(TargetKind.Cumulative, "cumulative")]
    [InlineData(TargetKind.Share, "share")]
    public void Kind_tokens_round_trip(TargetKind kind, string token)
    {
        Assert.Equal(token, Target.ToToken(kind));
        Assert.Equal(kind, Target.ParseKind($" {token} "));
    }

    [Theory]
    [InlineData(TargetComparison.AtLeast, "at_least")]
    [InlineData(TargetComparison.AtMost, "at_most")]
    [InlineData(TargetComparison.About, "about")]
    public void Comparison_tokens_round_trip(TargetComparison c, string token)
    {
        Assert.Equal(token, Target.ToToken(c));
        Assert.Equal(c, Target.ParseComparison($" {token} "));
    }

    [Fact]
    public void Unknown_tokens_name_the_token_and_the_known_ones()
    {
        Assert.Equal("unknown target kind 'total' (known: level, growth, cumulative, share)",
            Assert.Throws<FormatException>(() => Target.ParseKind("total")).Message);
        Assert.Equal("unknown target direction 'more' (known: at_least, at_most, about)",
            Assert.Throws<FormatException>(() => Target.ParseComparison("more")).Message);
    }

    [Fact]
    public void Display_by_kind()
    {
        Assert.Equal("≥3.2亿人次 by 2025", Of("arrivals", TargetKind.Level, "3.2亿人次", TargetComparison.AtLeast).ToString());
        Assert.Equal("growth ≈5% by 2025",
            Of("arrivals", TargetKind.Growth, "5%", TargetComparison.About).ToString());
        Target total = Of("grain", TargetKind.Cumulative, "12亿吨", TargetComparison.AtMost) with { Plan = PlanPeriod.Parse("2021-2025") };
        Assert.Equal("total ≤12亿吨 over 2021-2025", total.ToString());
        Assert.Equal("≤12亿吨 by 2025", (total with { Kind = TargetKind.Share }).ToString());
    }

    [Fact]
    public void Rules_check_the_indicator_the_unit_and_the_plan()
    {
        Target growth = Of("arrivals", TargetKind.Growth, "5%", TargetComparison.AtLeast);
        Assert.Equal(0.05, growth.Rule(Arrivals).Bound, 15);
        Assert.Equal("arrivals: a growth target is in %, not 人次",
            Assert.Throws<IncompatibleUnitsException>(() => Of("arrivals", TargetKind.Growth, "5人次", TargetComparison.AtLeast).Rule(Arrivals)).Message);

        Assert.Equal("target of 'arrivals' given for indicator 'grain'",
            Assert.Throws<AnalyticsException>(() => TargetRules.CheckBelongsTo(Grain, growth)).Message);
        TargetRules.CheckBelongsTo(Arrivals, growth);

        Assert.Equal(2.33e7, Of("grain", TargetKind.Level, "466亿斤", TargetComparison.AtLeast).Rule(Grain).Bound, 6);
        Assert.Equal("grain: target unit 亩 (area) does not fit the indicator's unit 吨 (mass)",
            Assert.Throws<IncompatibleUnitsException>(() => Of("grain", TargetKind.Level, "4440万亩", TargetComparison.AtLeast).Rule(Grain)).Message);

        Target total = Of("grain", TargetKind.Cumulative, "12亿吨", TargetComparison.AtLeast);
        Assert.Equal("grain: a cumulative target needs a plan period such as 2021-2025",
            Assert.Throws<AnalyticsException>(() => TargetRules.RequirePlan(Grain, total)).Message);
        Assert.Equal(PlanPeriod.Parse("2021-2025"), TargetRules.RequirePlan(Grain, total with { Plan = PlanPeriod.Parse("2021-2025") }));
    }
}
