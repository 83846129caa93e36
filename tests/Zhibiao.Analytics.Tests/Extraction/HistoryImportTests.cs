using Zhibiao.Analytics.Data;
using Zhibiao.Analytics.Extraction;

namespace Zhibiao.Analytics.Tests.Extraction;

public class HistoryImportTests
{
    private const string Url = "http://example.org/a";

    private static HistoryRow Row(string indicator, int year, string value, string unit, string note = "", string name = "", Qualifier q = Qualifier.Exact, string url = Url) =>
        new("h.csv", 2, indicator, name, Period.OfYear(year), Quantity.Parse(value, unit), q, note, url);

    private static Dataset Empty() => new(FactJoinTests.Indicators, [], []);

    [Theory]
    [InlineData("+23%", 23.0, "%")]
    [InlineData("-1.5万吨", -15000.0, "吨")]
    [InlineData("+20.7% (GWR 2022)", 20.7, "%")]
    public void Signed_note_items_are_figures(string item, double value, string unit)
    {
        Quantity q = HistoryImport.ParseSigned(item)!.Value;
        Assert.Equal((value, unit), (q.Value, q.Unit.Symbol));
    }

    [Theory]
    [InlineData("+~14%")]
    [InlineData("国网口径 1220亿 +16%")]
    [InlineData("+16% more")]
    [InlineData("23%")]
    [InlineData("+5 furlongs")]
    public void Other_note_items_are_not(string item) => Assert.Null(HistoryImport.ParseSigned(item));

    [Fact]
    public void Rows_become_levels_sourced_by_host_and_note_items_become_growth()
    {
        HistoryImportResult r = HistoryImport.Merge(Empty(), [Row("tourists", 2012, "4860", "万人次", "+23%; 旅游总收入576亿元(+30%)")], SynonymTable.Empty);
        Assert.Equal(2, r.Added);
        Observation level = Assert.Single(r.Dataset.Observations, o => o.Measure == Measure.Level);
        Assert.Equal(new Source("example.org", Url, "+23%; 旅游总收入576亿元(+30%)"), level.Source);
        Observation growth = Assert.Single(r.Dataset.Observations, o => o.Measure == Measure.Growth);
        Assert.Equal(23, growth.Value.Value);
    }

    [Fact]
    public void Forecast_rows_give_no_growth_and_money_growth_is_not_imported()
    {
        var money = new Indicator("gdp", "地区生产总值", "GDP", Units.Yuan, Frequency.Yearly, Direction.HigherIsBetter, IndicatorKind.Flow);
        var data = new Dataset([.. FactJoinTests.Indicators, money], [], []);
        HistoryImportResult r = HistoryImport.Merge(data,
            [Row("rail_freight", 2012, "1273", "万吨", "预计; +3.9%"), Row("gdp", 2014, "9273.46", "亿元", "+10%")], SynonymTable.Empty);
        Assert.All(r.Dataset.Observations, o => Assert.Equal(Measure.Level, o.Measure));
    }

    [Fact]
    public void A_figure_held_from_another_source_wins_and_the_history_figure_goes_into_its_note()
    {
        var held = new Observation("rail_freight", Period.OfYear(2024), Measure.Level, Quantity.Parse("1.4", "亿吨"), Qualifier.Exact, new Source("报告", "chars 1-5"));
        var data = new Dataset(FactJoinTests.Indicators, [held], []);
        HistoryImportResult r = HistoryImport.Merge(data, [Row("rail_freight", 2024, "1.3", "亿吨", "+5%", q: Qualifier.MoreThan)], SynonymTable.Empty);
        Observation o = Assert.Single(r.Dataset.Observations);
        Assert.Equal("also more_than 1.3亿吨 per " + Url, o.Source.Note);
        Assert.Equal(1.4e8, o.Value.Value);
        Assert.Single(r.Notices);

        HistoryImportResult again = HistoryImport.Merge(r.Dataset, [Row("rail_freight", 2024, "1.3", "亿吨", q: Qualifier.MoreThan)], SynonymTable.Empty);
        Assert.Equal((0, 1), (again.Noted, again.Unchanged));
    }

    [Fact]
    public void Ids_resolve_through_synonyms_or_the_chinese_name_and_unknown_ones_are_an_error()
    {
        var synonyms = SynonymTable.Of([new Synonym("crude", "grain_output")]);
        HistoryImportResult r = HistoryImport.Merge(Empty(),
            [Row("crude", 2020, "1", "万吨"), Row("installed_total", 2021, "2", "万吨", name: "铁路货物发送量 (rail freight)")], synonyms);
        Assert.Equal(["grain_output", "rail_freight"], r.Dataset.Observations.Select(o => o.IndicatorId));
        var e = Assert.Throws<AnalyticsException>(() => HistoryImport.Merge(Empty(), [Row("nothing", 2020, "1", "万吨")], synonyms));
        Assert.Contains("h.csv:2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_source_disagreeing_is_a_conflict()
    {
        HistoryImportResult first = HistoryImport.Merge(Empty(), [Row("grain_output", 2020, "1", "万吨")], SynonymTable.Empty);
        HistoryImportResult second = HistoryImport.Merge(first.Dataset, [Row("grain_output", 2020, "2", "万吨")], SynonymTable.Empty);
        Assert.Single(second.Conflicts);
    }
}
