using CsCheck;

namespace Zhibiao.Analytics.Tests.Series;

/// <summary>
/// <see cref="YearToDate"/>: the cumulative ↔ increment identities as property tests, growth both ways, and the
/// missing-period and bad-input rules worked by hand.
/// </summary>
public class YearToDateTests
{
    private static LongSeries Monthly(int year, int month, params double[] values) => new("arrivals", Period.OfMonth(year, month), values);

    /// <summary>Monthly values from a January: 1–4 years of non-negative values, some of them missing.</summary>
    private static readonly Gen<double[]> Flows = Gen.Int[1, 4].SelectMany(years =>
        Gen.Double[0, 1e6].Array[12 * years]);

    [Fact]
    public void Increments_of_cumulated_values_are_the_values() =>
        Flows.SamplePinned(x =>
        {
            double[] back = YearToDate.Increments(YearToDate.Cumulate(Monthly(2020, 1, x))).Values.ToArray();
            for (int i = 0; i < x.Length; i++) Assert.Equal(x[i], back[i], 1e-9 * Math.Max(1, x.Sum()));
        }, seed: "0ytd00cumul1");

    [Fact]
    public void Cumulated_increments_of_totals_are_the_totals() =>
        Flows.SamplePinned(x =>
        {
            // Totals that never fall within a year are what Cumulate makes of non-negative values.
            double[] totals = YearToDate.Cumulate(Monthly(2020, 1, x)).Values.ToArray();
            double[] back = YearToDate.Cumulate(YearToDate.Increments(Monthly(2020, 1, totals))).Values.ToArray();
            for (int i = 0; i < x.Length; i++) Assert.Equal(totals[i], back[i], 1e-9 * Math.Max(1, totals[i]));
        }, seed: "0ytd00cumul2");

    [Fact]
    public void A_total_is_the_sum_of_the_years_values_so_far_and_restarts_each_january() =>
        Gen.Double[0, 1000].Array[24].SamplePinned(x =>
        {
            double[] y = YearToDate.Cumulate(Monthly(2023, 1, x)).Values.ToArray();
            for (int i = 0; i < 24; i++) Assert.Equal(x.Skip(i / 12 * 12).Take((i % 12) + 1).Sum(), y[i], 1e-9 * Math.Max(1, y[i]));
        }, seed: "0ytd00cumul3");

    [Fact]
    public void Growth_of_totals_and_totals_from_growth_are_inverse() =>
        Gen.Select(Gen.Double[1, 1000].Array[24], Gen.Double[-0.5, 0.5].Array[12]).SamplePinned((x, g) =>
        {
            // The second year's totals are last year's times (1 + g); growth recovers g, and g recovers those totals.
            double[] lastYear = YearToDate.Cumulate(Monthly(2023, 1, x[..12])).Values.ToArray();
            double[] totals = [.. lastYear, .. lastYear.Select((v, i) => v * (1 + g[i]))];
            double[] growth = YearToDate.Growth(Monthly(2023, 1, totals)).Values.ToArray();
            for (int i = 0; i < 12; i++) Assert.Equal(g[i], growth[12 + i], 1e-9);
            LongSeries filled = YearToDate.FromGrowth(Monthly(2023, 1, lastYear), Monthly(2024, 1, g));
            Assert.Equal(Period.OfMonth(2024, 12), filled.End);
            for (int i = 0; i < 24; i++) Assert.Equal(totals[i], filled.Values.Span[i], 1e-9 * totals[i]);
        }, seed: "0ytd00growth");

    [Fact]
    public void A_missing_value_leaves_the_rest_of_its_years_totals_missing_and_the_next_year_whole()
    {
        double[] y = YearToDate.Cumulate(Monthly(2024, 11, 5, double.NaN, 1, 2)).Values.ToArray();
        // The series starts inside 2024: no total for November; December's value is missing; 2025 starts afresh.
        Assert.True(double.IsNaN(y[0]) && double.IsNaN(y[1]));
        Assert.Equal([1, 3], y[2..]);
    }

    [Fact]
    public void Quarterly_totals_cover_the_quarters_so_far()
    {
        // 前三季度 (the first three quarters) is the third quarter's year-to-date total.
        LongSeries y = YearToDate.Cumulate(new LongSeries("gdp", Period.OfQuarter(2024, 1), new double[] { 10, 12, 13, 15, 11 }));
        Assert.Equal([10, 22, 35, 50, 11], y.Values.ToArray());
        Assert.Equal([10, 12, 13, 15, 11], YearToDate.Increments(y).Values.ToArray());
    }

    [Fact]
    public void January_and_february_published_together_share_their_total_by_last_years_months()
    {
        // 2024: Jan 30, Feb 10 (shares 3/4, 1/4). 2025 publishes 1–2月 = 60 only: Jan 45, Feb 15; March 20.
        double[] totals = [30, 40, 60, 80, 90, 100, 110, 120, 130, 140, 150, 160, double.NaN, 60, 80];
        double[] x = YearToDate.Increments(Monthly(2024, 1, totals)).Values.ToArray();
        Assert.Equal([30, 10, 20], x[..3]);
        Assert.Equal([45, 15, 20], x[12..]);
    }

    [Fact]
    public void Leading_months_without_last_year_share_their_total_equally()
    {
        double[] x = YearToDate.Increments(Monthly(2025, 1, double.NaN, double.NaN, 90, 100)).Values.ToArray();
        Assert.Equal([30, 30, 30, 10], x);
    }

    [Fact]
    public void A_year_the_series_starts_inside_gives_no_value_for_its_first_total()
    {
        double[] x = YearToDate.Increments(Monthly(2024, 10, 100, 130, 150, 20)).Values.ToArray();
        Assert.True(double.IsNaN(x[0]));
        Assert.Equal([30, 20, 20], x[1..]);
    }

    [Fact]
    public void A_total_that_falls_is_an_error_naming_the_indicator_and_period()
    {
        var e = Assert.Throws<AnalyticsException>(() => YearToDate.Increments(Monthly(2025, 1, 10, 25, 24, 30)));
        Assert.Equal("arrivals 2025-03: the year-to-date total 24 is below 25 of 2025-02; a flow's year-to-date total cannot fall", e.Message);
    }

    [Fact]
    public void A_month_missing_between_published_totals_is_an_error_naming_the_indicator_and_period()
    {
        var e = Assert.Throws<AnalyticsException>(() => YearToDate.Increments(Monthly(2025, 1, 10, 25, double.NaN, 40)));
        Assert.Equal("arrivals 2025-03: no year-to-date value between 2025-02 and 2025-04, so the values of 2025-03 to 2025-04 cannot be told apart", e.Message);
    }

    [Fact]
    public void Months_missing_at_the_end_of_a_year_are_not_published_yet_and_no_error()
    {
        double[] x = YearToDate.Increments(Monthly(2025, 1, 10, 25, double.NaN, double.NaN)).Values.ToArray();
        Assert.Equal([10, 15], x[..2]);
        Assert.True(double.IsNaN(x[2]) && double.IsNaN(x[3]));
    }

    [Fact]
    public void Yearly_series_have_no_year_to_date_values()
    {
        var e = Assert.Throws<AnalyticsException>(() => YearToDate.Cumulate(new LongSeries("gdp", Period.OfYear(2020), new double[] { 1, 2 })));
        Assert.Equal("gdp: year-to-date values need monthly or quarterly periods, not yearly ones", e.Message);
    }

    [Fact]
    public void Growth_of_minus_100_percent_or_below_is_an_error_naming_the_period()
    {
        var e = Assert.Throws<AnalyticsException>(() => YearToDate.FromGrowth(Monthly(2024, 1, 10), Monthly(2025, 1, -1.0)));
        Assert.StartsWith("arrivals 2025-01: year-to-date growth of -100%", e.Message, StringComparison.Ordinal);
    }
}
