namespace Zhibiao.Analytics.Tests.Growth;

public class GrowthTableTests
{
    private static readonly Source Src = new("test");

    private static readonly Indicator Grain =
        new("grain", "粮食产量", "grain output", Zhibiao.Analytics.Units.Tonne, Frequency.Yearly, Direction.HigherIsBetter, IndicatorKind.Flow);

    private static readonly Indicator Rate =
        new("rate", "就业率", "placement rate", Zhibiao.Analytics.Units.Percent, Frequency.Yearly, Direction.HigherIsBetter, IndicatorKind.Rate);

    private static Observation Obs(int year, string value, Qualifier q = Qualifier.Exact, Measure measure = Measure.Level, string id = "grain") =>
        new(id, Period.OfYear(year), measure, Quantity.Parse(value), q, Src);

    [Fact]
    public void Reported_figures_sit_beside_their_period_and_a_growth_wins_over_a_change()
    {
        IndicatorSeries s = IndicatorSeries.Create(Grain, [Obs(2022, "100吨"), Obs(2023, "100吨"), Obs(2024, "110吨")]);
        Observation change = Obs(2024, "10吨", measure: Measure.Change);
        Observation growth = Obs(2024, "10%", measure: Measure.Growth);
        Observation otherIndicator = Obs(2023, "5%", measure: Measure.Growth, id: "coal");
        Observation level = Obs(2022, "100吨");
        Observation onlyChange = Obs(2023, "0吨", measure: Measure.Change);
        GrowthTable t = GrowthTable.Of(s, [change, growth, otherIndicator, level]);
        Assert.Null(t.Rows[0].Reported);   // a level is not a reported change
        Assert.Null(t.Rows[1].Reported);   // another indicator's growth is not this one's
        Assert.Same(growth, t.Rows[2].Reported);
        Assert.Same(onlyChange, GrowthTable.Of(s, [onlyChange]).Rows[1].Reported);
        Assert.All(GrowthTable.Of(s).Rows, r => Assert.Null(r.Reported));
    }

    [Fact]
    public void The_index_base_is_the_first_value_or_the_period_asked_for()
    {
        IndicatorSeries s = IndicatorSeries.Create(Grain, [Obs(2023, "100吨"), Obs(2024, "125吨")]);
        GrowthTable first = GrowthTable.Of(s);
        Assert.Equal(Period.OfYear(2023), first.IndexBase);
        Assert.Equal([100, 125], first.Rows.Select(r => r.Index!.Value));

        // Based on 2024 = 100: 2023 is 100 · 100 / 125 = 80.
        GrowthTable last = GrowthTable.Of(s, indexBase: Period.OfYear(2024));
        Assert.Equal(Period.OfYear(2024), last.IndexBase);
        Assert.Equal([80, 100], last.Rows.Select(r => r.Index!.Value));

        Assert.Equal("grain: no value for the index base 2022",
            Assert.Throws<AnalyticsException>(() => GrowthTable.Of(s, indexBase: Period.OfYear(2022))).Message);
    }

    [Fact]
    public void No_index_from_a_zero_base_nor_for_rates_and_an_empty_series_has_no_rows()
    {
        GrowthTable zero = GrowthTable.Of(IndicatorSeries.Create(Grain, [Obs(2023, "0吨"), Obs(2024, "5吨")]));
        Assert.Null(zero.IndexBase);
        Assert.All(zero.Rows, r => Assert.Null(r.Index));

        GrowthTable empty = GrowthTable.Of(IndicatorSeries.Create(Grain, []));
        Assert.Null(empty.IndexBase);
        Assert.Empty(empty.Rows);

        // A rate moves in percentage points: one row per year, a change and no relative figures nor index.
        GrowthTable rate = GrowthTable.Of(IndicatorSeries.Create(Rate, [Obs(2023, "90%", id: "rate"), Obs(2024, "92%", id: "rate")]));
        Assert.Null(rate.IndexBase);
        Assert.Equal(2, rate.Rows.Count);
        Assert.Equal(2, rate.Rows[1].Change!.Value, 12);
        Assert.All(rate.Rows, r => Assert.Null(r.Index));
        Assert.All(rate.Rows, r => Assert.Null(r.Growth));
        Assert.All(rate.Rows, r => Assert.Null(r.AnnualGrowth));
        Assert.All(rate.Rows, r => Assert.Null(r.LogGrowth));
    }

    [Fact]
    public void The_note_names_every_qualified_or_derived_value_a_growth_uses()
    {
        // 2022 exact, 2023 "more than 110吨", 2024 derived (an exact figure, implied), 2025 and 2026 exact.
        const string method = "implied from 130吨 (2025) and change 10吨";
        Observation derived = Obs(2024, "120吨") with { Derivation = new Derivation(method, new Interval(119.5, 120.5)) };
        IndicatorSeries s = IndicatorSeries.Create(Grain, [Obs(2022, "100吨"), Obs(2023, "110吨", Qualifier.MoreThan), derived, Obs(2025, "130吨"), Obs(2026, "140吨")]);
        GrowthTable t = GrowthTable.Of(s);
        Assert.Null(t.Rows[0].Note);
        Assert.Equal("growth uses face values: 2023 is more than 110吨", t.Rows[1].Note);
        Assert.Equal($"growth uses face values: 2023 is more than 110吨; 2024 is derived ({method})", t.Rows[2].Note);
        Assert.Equal($"growth uses face values: 2024 is derived ({method})", t.Rows[3].Note);
        Assert.Null(t.Rows[4].Note);
        Assert.Equal(0.1, t.Rows[1].Growth!.Value, 12);   // face values: 110 / 100 − 1
    }
}
