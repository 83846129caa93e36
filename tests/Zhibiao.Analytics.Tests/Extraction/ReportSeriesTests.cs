using System.Globalization;
using Zhibiao.Analytics.Data;
using Zhibiao.Analytics.Extraction;

namespace Zhibiao.Analytics.Tests.Extraction;

public sealed class ReportSeriesTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    // Synthetic snippets in the style of the reports (not copies of them).
    private const string Report2020 =
        "政府工作报告\n一、2019年工作回顾\n2019年，国内生产总值增长6.1%，居民消费价格上涨2.9%，城镇新增就业1352万人。\n" +
        "过去五年，国内生产总值年均增长6.6%。\n二、2020年工作安排\n今年经济社会发展的主要预期目标是：国内生产总值增长6%－6.5%，" +
        "居民消费价格涨幅3.5%左右，城镇新增就业1100万人以上，城镇登记失业率4.5%以内；单位国内生产总值能耗降低3%左右。\n";

    private const string Report2021 =
        "政府工作报告\n一、2020年工作回顾\n全面完成了年初确定的主要目标。2020年，国内生产总值增长2.3%，居民消费价格上涨2.5%，城镇新增就业1186万人。" +
        "2019年国内生产总值增长6.0%。\n二、2021年工作安排\n今年发展的主要预期目标是：国内生产总值增长6%以上。\n";

    [Fact]
    public void A_range_is_one_target_with_two_bounds_and_a_five_year_average_a_period_figure()
    {
        ReportContent r = ReportReader.Read(Report2020, "r-2020.txt", 2020);
        Target gdp = Assert.Single(r.Targets, t => t.IndicatorId == "gdp_growth");
        Assert.Equal(TargetWording.Range, gdp.Wording);
        Assert.Equal(6, gdp.Value.Value, 9);
        Assert.Equal(6.5, gdp.High!.Value.Value, 9);
        Assert.True(gdp.IsMain);
        Assert.Equal(5, r.Targets.Count);
        Observation avg = Assert.Single(r.Figures, f => f.Plan == PlanPeriod.Parse("2015-2019"));
        Assert.Equal(6.6, avg.Value.Value, 9);
        Assert.Equal(Period.OfYear(2020), avg.Vintage);
        Assert.Equal(6.1, Assert.Single(r.Figures, f => f.IndicatorId == "gdp_growth" && f.Plan is null && f.Period == Period.OfYear(2019)).Value.Value, 9);
        Assert.Equal(13_520_000, Assert.Single(r.Figures, f => f.IndicatorId == "urban_new_jobs").Value.Value, 6);
        Assert.Equal(-3, Assert.Single(r.Targets, t => t.IndicatorId == "energy_intensity").Value.Value, 9);
    }

    [Fact]
    public void Full_width_digits_read_like_ascii_ones()
    {
        const string text = "政府工作报告\n２００１年，国内生产总值增长７．３％，居民消费价格总水平上升０．７％。\n今年经济增长预期目标为７％左右。\n";
        ReportContent r = ReportReader.Read(text, "r-2002.txt", 2002);
        Assert.Equal(7.3, Assert.Single(r.Figures, f => f.IndicatorId == "gdp_growth").Value.Value, 9);
        Assert.Equal(0.7, Assert.Single(r.Figures, f => f.IndicatorId == "cpi").Value.Value, 9);
        Target t = Assert.Single(r.Targets);
        Assert.Equal(("gdp_growth", 7.0, TargetWording.About), (t.IndicatorId, t.Value.Value, t.Wording));
    }

    [Fact]
    public void A_report_without_a_targets_section_has_no_targets_and_no_statement()
    {
        const string text = "政府工作报告\n去年国内生产总值增长8.0%。要继续深化改革，扩大开放。\n";
        ReportContent r = ReportReader.Read(text, "r-2001.txt", 2001);
        Assert.Null(r.MainStatement);
        Assert.Empty(r.Targets);
        Assert.Single(r.Figures);
    }

    [Fact]
    public void A_later_different_figure_is_a_revision_and_the_first_published_one_the_vintage()
    {
        string a = _dir.File("r-2020.txt", Report2020), b = _dir.File("r-2021.txt", Report2021);
        ReportSeries s = ReportSeries.Load([b, a]);
        Assert.Equal([2020, 2021], s.Reports.Select(r => r.Year));
        Observation first = Assert.Single(s.Figures(), f => f.IndicatorId == "gdp_growth" && f.Plan is null && f.Period == Period.OfYear(2019));
        Assert.Equal(6.1, first.Value.Value, 9);
        Assert.Equal(Period.OfYear(2020), first.Vintage);
        Observation revision = Assert.Single(s.Revisions());
        Assert.Equal((6.0, Period.OfYear(2021)), (revision.Value.Value, revision.Vintage));
        Assert.Equal(6.1, Assert.Single(s.History("gdp_growth", 2020)).Value.Value, 9);
        // The outcome of 2020's range target comes from the 2021 report, and the report says all main targets were met.
        Target gdp = s.Reports[0].Targets.First(t => t.IndicatorId == "gdp_growth");
        Assert.Equal(2.3, s.Outcome(gdp)!.Value.Value, 9);
        Assert.True(s.StatedVerdict(gdp));
        using var dataset = new TempDirectory();
        SeriesDataset.Write(s, dataset.Path, ReportIndicators.DefaultSynonyms);
        Assert.Contains("gdp_growth,2019,level,6.0,%,exact,r-2021.txt", File.ReadAllText(Path.Combine(dataset.Path, "revisions.csv")), StringComparison.Ordinal);
        Assert.Contains("revised: 6.0% in the 2021 report", File.ReadAllText(Path.Combine(dataset.Path, "observations.csv")), StringComparison.Ordinal);
        Dataset d = Dataset.Load(dataset.Path);
        Assert.Contains(d.Targets, t => t.IndicatorId == "gdp_growth" && t.Comparison == TargetComparison.AtLeast);
        // The target history holds every report's targets, as read: the 2020 range with both bounds.
        Target range = Assert.Single(d.TargetHistory, t => t.IndicatorId == "gdp_growth" && t.Deadline == Period.OfYear(2020));
        Assert.Equal((TargetWording.Range, 6.5, true), (range.Wording, range.High!.Value.Value, range.IsMain));
    }

    [Fact]
    public void Two_reports_of_one_year_are_an_error_naming_the_file()
    {
        string a = _dir.File("a-2020.txt", Report2020), b = _dir.File("b-2020.txt", Report2020);
        var e = Assert.Throws<AnalyticsException>(() => ReportSeries.Load([a, b]));
        Assert.Contains("b-2020.txt", e.Message, StringComparison.Ordinal);
        Assert.Contains("a second report of 2020", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_report_and_an_unreadable_file_are_errors_naming_the_file()
    {
        string notReport = _dir.File("notes-2020.txt", "shopping list: milk, bread\n");
        var e = Assert.Throws<AnalyticsException>(() => ReportSeries.Load([notReport]));
        Assert.Contains("notes-2020.txt", e.Message, StringComparison.Ordinal);
        Assert.Contains("not a government work report", e.Message, StringComparison.Ordinal);
        string binary = Path.Combine(_dir.Path, "bad-2020.txt");
        File.WriteAllBytes(binary, [0xff, 0xfe, 0x00, 0x41]);
        var u = Assert.Throws<AnalyticsException>(() => ReportSeries.Load([binary]));
        Assert.Contains("bad-2020.txt", u.Message, StringComparison.Ordinal);
        var m = Assert.Throws<AnalyticsException>(() => ReportSeries.Load([Path.Combine(_dir.Path, "missing-2020.txt")]));
        Assert.Contains("missing-2020.txt", m.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missed_target_named_by_the_next_report_is_a_verdict_for_its_indicator()
    {
        const string text = "政府工作报告\n节能减排、物价调控目标没有完成。\n今年发展的主要预期目标是：国内生产总值增长7%左右。\n";
        ReportContent r = ReportReader.Read(text, "r-2012.txt", 2012);
        Assert.Equal(["energy_intensity", "cpi"], r.Verdicts.Select(v => v.IndicatorId));
        Assert.All(r.Verdicts, v => Assert.False(v.Met));
        Assert.All(r.Verdicts, v => Assert.Equal(2011, v.Year));
    }

    [Fact]
    public void The_committed_dataset_holds_the_hand_typed_targets_of_five_reports()
    {
        var golden = Csv(RepositoryPaths.TestData("Extraction", "Fixtures", "golden-targets.csv"));
        var found = CommittedMainTargets();
        foreach (int year in golden.Select(g => int.Parse(g["year"], CultureInfo.InvariantCulture)).Distinct())
        {
            var want = golden.Where(g => g["year"] == year.ToString(CultureInfo.InvariantCulture))
                .Select(g => $"{g["indicator"]} {g["wording"]} {g["value"]} {g["high"]} {g["unit"]}").Order().ToList();
            var got = found.Where(t => t.Deadline.Year == year).Select(t => Assessment.ProvincialBoardTests.Row(t.IndicatorId, t)).Order().ToList();
            Assert.Equal(want, got);
        }
    }

    [Fact]
    public void The_committed_dataset_finds_as_many_main_targets_per_year_as_a_hand_count()
    {
        var counts = Csv(RepositoryPaths.TestData("Extraction", "Fixtures", "main-target-counts.csv"));
        var found = CommittedMainTargets();
        foreach (var c in counts)
            Assert.Equal((c["year"], int.Parse(c["main_targets"], CultureInfo.InvariantCulture)), (c["year"], found.Count(f => f.Deadline.Year.ToString(CultureInfo.InvariantCulture) == c["year"])));
    }

    private static List<Dictionary<string, string>> Csv(string path) => Tests.Csv.Records(path);

    private static List<Target> CommittedMainTargets() =>
        [.. Dataset.Load(Path.Combine(RepositoryPaths.Root, "datasets", "china-national")).TargetHistory.Where(t => t.IsMain)];

}
