namespace Zhibiao.Analytics.Tests.Growth;

public class GrowthEdgeTests
{
    private static readonly Indicator Grain =
        new("grain", "粮食产量", "grain output", Units.Tonne, Frequency.Yearly, Direction.HigherIsBetter, IndicatorKind.Flow);

    private static Observation Level(int year, string value) =>
        new("grain", Period.OfYear(year), Measure.Level, Quantity.Parse(value), Qualifier.Exact, new Source("test"));

    [Fact]
    public void Cagr_between_two_periods_of_a_series_skips_the_gap()
    {
        // 100 吨 in 2020, 121 吨 in 2022, 2021 missing: (121/100)^(1/2) − 1 = 0.1.
        IndicatorSeries s = IndicatorSeries.Create(Grain, [Level(2020, "100吨"), Level(2022, "121吨")]);
        Assert.Equal(0.1, Zhibiao.Analytics.Growth.Cagr(s, Period.OfYear(2020), Period.OfYear(2022)), 12);
        Assert.Equal("grain: no value for 2021",
            Assert.Throws<AnalyticsException>(() => Zhibiao.Analytics.Growth.Cagr(s, Period.OfYear(2021), Period.OfYear(2022))).Message);
        Assert.Equal("grain: no value for 2023",
            Assert.Throws<AnalyticsException>(() => Zhibiao.Analytics.Growth.Cagr(s, Period.OfYear(2020), Period.OfYear(2023))).Message);
    }

    [Fact]
    public void Annual_change_by_hand_and_its_time_span()
    {
        // 24.8 % to 27.8 % over 2 years: 1.5 percentage points a year.
        Assert.Equal(1.5, Zhibiao.Analytics.Growth.AnnualChange(24.8, 27.8, 2), 12);
        Assert.Equal(-2, Zhibiao.Analytics.Growth.AnnualChange(10, 4, 3), 12);
        Assert.Throws<GrowthUndefinedException>(() => Zhibiao.Analytics.Growth.AnnualChange(1, 2, 0));
        Assert.Throws<GrowthUndefinedException>(() => Zhibiao.Analytics.Growth.AnnualChange(1, 2, double.NaN));
        Assert.Throws<GrowthUndefinedException>(() => Zhibiao.Analytics.Growth.AnnualChange(1, 2, double.PositiveInfinity));
    }

    [Fact]
    public void Negative_values_of_one_sign_have_a_growth()
    {
        // A loss shrinking from −200 to −150: the ratio 0.75 gives −25 %.
        Assert.Equal(-0.25, Zhibiao.Analytics.Growth.YearOnYear(-200, -150), 12);
        Assert.Equal(Math.Log(0.75), Zhibiao.Analytics.Growth.LogGrowth(-200, -150, 1), 12);
        Assert.Equal(0.1, Zhibiao.Analytics.Growth.Required(100, 121, 2), 12);
    }

    [Fact]
    public void Compound_of_nothing_is_no_change_and_index_needs_a_real_base()
    {
        Assert.Equal(0, Zhibiao.Analytics.Growth.Compound([]));
        Assert.Equal(0.21, Zhibiao.Analytics.Growth.Compound([0.1, 0.1]), 12);
        Assert.Equal([50, 100], Zhibiao.Analytics.Growth.Index([1, 2], 1));
        Assert.Equal("an index needs a non-zero base value; the base value is NaN",
            Assert.Throws<GrowthUndefinedException>(() => Zhibiao.Analytics.Growth.Index([double.NaN, 1], 0)).Message);
    }

    [Fact]
    public void Year_on_year_and_log_growth_refuse_what_has_no_ratio()
    {
        // The guards of CAGR hold for every relative growth: 0 → 5 would be +∞, 5 → −5 a "−200 %", never an answer.
        Assert.Contains("a value is zero", Assert.Throws<GrowthUndefinedException>(() => Zhibiao.Analytics.Growth.YearOnYear(0, 5)).Message, StringComparison.Ordinal);
        Assert.Contains("different signs", Assert.Throws<GrowthUndefinedException>(() => Zhibiao.Analytics.Growth.YearOnYear(5, -5)).Message, StringComparison.Ordinal);
        Assert.Contains("finite numbers", Assert.Throws<GrowthUndefinedException>(() => Zhibiao.Analytics.Growth.YearOnYear(double.NaN, 5)).Message, StringComparison.Ordinal);
        Assert.Contains("a value is zero", Assert.Throws<GrowthUndefinedException>(() => Zhibiao.Analytics.Growth.LogGrowth(0, 5, 1)).Message, StringComparison.Ordinal);
        Assert.Contains("different signs", Assert.Throws<GrowthUndefinedException>(() => Zhibiao.Analytics.Growth.LogGrowth(-1, 1, 1)).Message, StringComparison.Ordinal);
        Assert.Contains("time span must be positive", Assert.Throws<GrowthUndefinedException>(() => Zhibiao.Analytics.Growth.LogGrowth(1, 2, 0)).Message, StringComparison.Ordinal);
        Assert.Contains("time span must be positive", Assert.Throws<GrowthUndefinedException>(() => Zhibiao.Analytics.Growth.LogGrowth(1, 2, -1)).Message, StringComparison.Ordinal);
    }
}
