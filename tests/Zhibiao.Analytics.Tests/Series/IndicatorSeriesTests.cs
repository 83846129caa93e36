namespace Zhibiao.Analytics.Tests.Series;

public class IndicatorSeriesTests
{
    private static readonly Source Src = new("test");

    private static readonly Indicator Grain = new("grain", "粮食总产量", "grain output", Zhibiao.Analytics.Units.Tonne, Frequency.Yearly, Direction.HigherIsBetter, IndicatorKind.Flow);

    private static Observation Obs(int year, string value, Measure measure = Measure.Level) =>
        new("grain", Period.OfYear(year), measure, Quantity.Parse(value), Qualifier.Exact, Src);

    [Fact]
    public void Gaps_stay_gaps()
    {
        var s = IndicatorSeries.Create(Grain, [Obs(2024, "2330万吨"), Obs(2020, "1583.4万吨")]);
        Assert.Equal([Period.OfYear(2021), Period.OfYear(2022), Period.OfYear(2023)], s.Gaps);
        Assert.Null(s.Find(Period.OfYear(2022)));
        (Period start, double[] values) = s.ToValues();
        Assert.Equal(Period.OfYear(2020), start);
        Assert.Equal(5, values.Length);
        Assert.True(double.IsNaN(values[2]));
        Assert.Equal(Period.OfYear(2020), s.AtOrBefore(Period.OfYear(2023))!.Period);
    }

    [Fact]
    public void Values_are_converted_to_the_indicator_unit_explicitly()
    {
        var s = IndicatorSeries.Create(Grain, [Obs(2024, "466亿斤")]);
        Assert.Equal(2.33e7, s.Latest!.Value.Value, 6);
        Assert.Equal(Zhibiao.Analytics.Units.Tonne, s.Latest.Value.Unit);
        Assert.Equal(0.5e8 * 0.0005, s.Latest.Value.HalfWidth, 9);
    }

    [Fact]
    public void Interpolation_only_on_request_and_marked_derived()
    {
        var s = IndicatorSeries.Create(Grain, [Obs(2020, "100吨"), Obs(2023, "400吨")]);
        IndicatorSeries linear = s.Interpolate(Interpolation.Linear);
        Assert.Equal(200, linear.Find(Period.OfYear(2021))!.Value.Value, 9);
        Assert.True(linear.Find(Period.OfYear(2021))!.IsDerived);
        Assert.False(linear.Find(Period.OfYear(2020))!.IsDerived);
        IndicatorSeries log = s.Interpolate(Interpolation.LogLinear);
        Assert.Equal(100 * Math.Pow(4, 1.0 / 3), log.Find(Period.OfYear(2021))!.Value.Value, 9);
        Assert.Equal(2, s.Count);
        var withZero = IndicatorSeries.Create(Grain, [Obs(2020, "0吨"), Obs(2023, "400吨")]);
        Assert.Throws<GrowthUndefinedException>(() => withZero.Interpolate(Interpolation.LogLinear));
    }

    [Fact]
    public void Implied_previous_values_fill_only_missing_levels()
    {
        var s = IndicatorSeries.Create(Grain, [Obs(2023, "2119.2万吨"), Obs(2024, "2330万吨")]);
        Observation change = Obs(2024, "42.2亿斤", Measure.Change);
        Assert.Same(s, s.WithImpliedPrevious([change]));
        var lone = IndicatorSeries.Create(Grain, [Obs(2024, "2330万吨")]);
        IndicatorSeries filled = lone.WithImpliedPrevious([change]);
        Observation implied = filled.Find(Period.OfYear(2023))!;
        Assert.True(implied.IsDerived);
        Assert.Equal(2330e4 - 211e4, implied.Value.Value, 3); // 42.2亿斤 = 211万吨
    }

    [Fact]
    public void Bad_observations_are_rejected_with_the_reason()
    {
        Assert.Contains("two values", Assert.Throws<AnalyticsException>(() => IndicatorSeries.Create(Grain, [Obs(2024, "1吨"), Obs(2024, "2吨")])).Message, StringComparison.Ordinal);
        Assert.Throws<IncompatibleUnitsException>(() => IndicatorSeries.Create(Grain, [Obs(2024, "1千瓦")]));
        Assert.Contains("levels", Assert.Throws<AnalyticsException>(() => IndicatorSeries.Create(Grain, [Obs(2024, "5%", Measure.Growth)])).Message, StringComparison.Ordinal);
        var monthly = new Observation("grain", Period.OfMonth(2024, 1), Measure.Level, Quantity.Parse("1吨"), Qualifier.Exact, Src);
        Assert.Contains("monthly period", Assert.Throws<AnalyticsException>(() => IndicatorSeries.Create(Grain, [monthly])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Growth_table_annualises_over_gaps_and_uses_points_for_rates()
    {
        var s = IndicatorSeries.Create(Grain, [Obs(2020, "100吨"), Obs(2021, "110吨"), Obs(2024, "146.41吨")]);
        GrowthTable t = GrowthTable.Of(s);
        Assert.Null(t.Rows[0].Growth);
        Assert.Equal(0.1, t.Rows[1].Growth!.Value, 12);
        Assert.Equal(0.331, t.Rows[2].Growth!.Value, 9);
        Assert.Equal(0.1, t.Rows[2].AnnualGrowth!.Value, 9);
        Assert.Equal(146.41, t.Rows[2].Index!.Value, 9);
        Assert.Equal(Period.OfYear(2021), t.Rows[2].Previous);

        var rate = new Indicator("rate", "落实率", "rate", Zhibiao.Analytics.Units.Percent, Frequency.Yearly, Direction.HigherIsBetter, IndicatorKind.Rate);
        var r = IndicatorSeries.Create(rate, [new("rate", Period.OfYear(2023), Measure.Level, Quantity.Parse("90.5%"), Qualifier.Exact, Src), new("rate", Period.OfYear(2024), Measure.Level, Quantity.Parse("92.18%"), Qualifier.Exact, Src)]);
        GrowthRow row = GrowthTable.Of(r).Rows[1];
        Assert.Equal(1.68, row.Change!.Value, 9);
        Assert.Null(row.Growth);
    }

    [Fact]
    public void Growth_table_states_why_a_growth_is_missing()
    {
        var s = IndicatorSeries.Create(Grain, [Obs(2020, "0吨"), Obs(2021, "110吨")]);
        GrowthRow row = GrowthTable.Of(s).Rows[1];
        Assert.Null(row.Growth);
        Assert.Contains("zero", row.Note, StringComparison.Ordinal);
    }
}
