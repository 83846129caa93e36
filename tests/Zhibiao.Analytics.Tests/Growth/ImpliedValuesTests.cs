namespace Zhibiao.Analytics.Tests.Growth;

public class ImpliedValuesTests
{
    private static readonly Source Src = new("test");

    private static Observation Figure(string id, int year, Measure measure, string value) =>
        new(id, Period.OfYear(year), measure, Quantity.Parse(value), Qualifier.Exact, Src);

    [Fact]
    public void An_implied_value_starts_from_a_level()
    {
        Observation growth = Figure("freight", 2024, Measure.Growth, "10.6%");
        AnalyticsException e = Assert.Throws<AnalyticsException>(() => ImpliedValues.Previous(growth, growth));
        Assert.Equal("freight 2024: an implied value starts from a level, not a growth", e.Message);
    }

    [Fact]
    public void The_change_must_be_a_change_of_the_same_indicator_and_period()
    {
        Observation level = Figure("freight", 2024, Measure.Level, "2.37亿吨");
        Assert.Equal("freight 2024: freight 2024 level is not a change of this level",
            Assert.Throws<AnalyticsException>(() => ImpliedValues.Previous(level, Figure("freight", 2024, Measure.Level, "2.1亿吨"))).Message);
        Assert.Equal("freight 2024: coal 2024 growth is not a change of this level",
            Assert.Throws<AnalyticsException>(() => ImpliedValues.Previous(level, Figure("coal", 2024, Measure.Growth, "10.6%"))).Message);
        Assert.Equal("freight 2024: freight 2023 growth is not a change of this level",
            Assert.Throws<AnalyticsException>(() => ImpliedValues.Previous(level, Figure("freight", 2023, Measure.Growth, "10.6%"))).Message);
    }

    [Fact]
    public void An_exact_fall_of_one_hundred_percent_is_the_boundary()
    {
        // An exact −100 % (no rounding interval) leaves y_{t−1} = y_t / 0: refused, exactly at the bound.
        Observation level = Figure("freight", 2024, Measure.Level, "3吨");
        var fall = new Observation("freight", Period.OfYear(2024), Measure.Growth, Quantity.Of(-100, Zhibiao.Analytics.Units.Percent), Qualifier.Exact, Src);
        GrowthUndefinedException e = Assert.Throws<GrowthUndefinedException>(() => ImpliedValues.Previous(level, fall));
        Assert.StartsWith("freight 2024: a growth of ", e.Message, StringComparison.Ordinal);
        Assert.EndsWith(" leaves no previous value", e.Message, StringComparison.Ordinal);

        // Just above it, −99.9 % (exact): y_{t−1} = 3 / 0.001 = 3000.
        var almost = fall with { Value = Quantity.Of(-99.9, Zhibiao.Analytics.Units.Percent) };
        Assert.Equal(3000, ImpliedValues.Previous(level, almost).Value.Value, 6);
    }
}
