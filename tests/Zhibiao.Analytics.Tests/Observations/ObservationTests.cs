namespace Zhibiao.Analytics.Tests.Observations;

public class ObservationTests
{
    private static Observation Figure(string value, Qualifier q) =>
        new("x", Period.OfYear(2024), Measure.Level, Quantity.Parse(value), q, new Source("report", "chars 3-9"));

    [Fact]
    public void Bounds_of_each_qualifier_by_hand()
    {
        // 3.2亿 stands for [3.15亿, 3.25亿].
        Assert.Equal(new Interval(3.15e8, 3.25e8), Figure("3.2亿人次", Qualifier.Exact).Bounds);
        Assert.Equal(new Interval(3.15e8, 3.25e8), Figure("3.2亿人次", Qualifier.Approx).Bounds);
        Assert.Equal(new Interval(3.15e8, double.PositiveInfinity), Figure("3.2亿人次", Qualifier.AtLeast).Bounds);
        Assert.Equal(new Interval(double.NegativeInfinity, 3.25e8), Figure("3.2亿人次", Qualifier.AtMost).Bounds);
        Assert.Equal(new Interval(double.NegativeInfinity, 3.25e8), Figure("3.2亿人次", Qualifier.Nearly).Bounds);
    }

    [Fact]
    public void A_derivation_gives_the_bounds_and_marks_the_value_derived()
    {
        Observation reported = Figure("2.37亿吨", Qualifier.Exact);
        Assert.False(reported.IsDerived);
        Observation derived = reported with { Derivation = new Derivation("implied", new Interval(2.1e8, 2.2e8)) };
        Assert.True(derived.IsDerived);
        Assert.Equal(new Interval(2.1e8, 2.2e8), derived.Bounds);
        Assert.Equal(new Interval(2.1e8, double.PositiveInfinity), (derived with { Qualifier = Qualifier.MoreThan }).Bounds);
    }

    [Fact]
    public void Display_of_figures_and_sources()
    {
        Assert.Equal("2024: >3.2亿人次", Figure("3.2亿人次", Qualifier.MoreThan).ToString());
        Assert.Equal("report (chars 3-9)", new Source("report", "chars 3-9").ToString());
        Assert.Equal("report", new Source("report").ToString());
        Assert.Equal("computed", Source.Computed.ToString());
    }
}
