using System.Globalization;
using Zhibiao.Analytics.Data;
using Zhibiao.Analytics.Extraction;

namespace Zhibiao.Analytics.Tests.Assessment;

public sealed class ProvincialBoardTests
{
    // Synthetic reports in the style of the provincial reports (not copies of them).
    internal const string Spread =
        "SOURCE: test\n2026年某某省政府工作报告\n——2026年1月20日在某某省第十四届人民代表大会第四次会议上\n" +
        "一、2025年主要工作和“十四五”发展成就\n2025年是“十四五”收官之年。一年来，全省地区生产总值增长5.2%，城镇新增就业52万人，" +
        "城镇和农村居民人均可支配收入分别增长4.6%、6.1%。“十四五”时期，地区生产总值年均增长5.6%。\n" +
        "二、“十五五”时期的目标任务\n“十五五”时期经济社会发展的主要目标是：地区生产总值年均增长5%左右，城镇新增就业每年50万人以上。\n" +
        "三、2026年重点工作\n今年是“十五五”开局之年。政府工作的总体要求是：坚持稳中求进，实现“十五五”良好开局。\n" +
        "经济社会发展的主要预期目标是：全省地区生产总值增长5%—5.5%，在实际工作中努力争取更好结果；城镇调查失业率5.5%左右，" +
        "城镇新增就业50万人以上。城乡居民人均可支配收入分别增长5%、6.5%左右；居民消费价格涨幅2%左右；粮食产量稳定在1300万吨以上。" +
        "这些目标兼顾了需要和可能。\n重点做好以下工作。规上工业增加值增长7%。\n";

    internal const string NoStatement =
        "SOURCE: test\n2026年某某市政府工作报告\n——在某某市第十六届人民代表大会第四次会议上\n一、2025年工作回顾\n全市地区生产总值增长5%。\n" +
        "二、2026年工作安排\n坚持稳中求进，办好民生实事。\n";

    [Fact]
    public void Targets_spread_over_several_sentences_are_read_and_the_five_year_plan_is_not()
    {
        RegionTargets r = ProvincialBoard.Read(Spread, "moumou-2026.txt");
        Assert.Equal("moumou-2026", r.Region); // 某某省 is a placeholder, no region: the file name tells
        Assert.Null(r.Note);
        string[] want =
        [
            "gdp_growth range 5 5.5 %", "surveyed_unemployment about 5.5  %", "urban_new_jobs at_least 500000  人",
            "urban_income_growth about 5  %", "rural_income_growth about 6.5  %", "cpi about 2  %", "grain_output at_least 26000000000  斤",
        ];
        Assert.Equal(want, r.Main.Select(Row));
        // the industrial target after the statement is a plan figure, not a main target
        Assert.DoesNotContain(r.Main, t => t.IndicatorId == "industrial_value_added_growth");
        Assert.Contains(r.Content.Targets, t => t.IndicatorId == "industrial_value_added_growth" && !t.IsMain);
    }

    [Fact]
    public void The_review_gives_last_year_and_the_five_year_average()
    {
        RegionTargets r = ProvincialBoard.Read(Spread, "moumou-2026.txt");
        Assert.Equal(5.2, ProvincialBoard.Latest(r.Content, "gdp_growth")!.Value.Value, 9);
        Assert.Equal(5.6, ProvincialBoard.Average(r.Content, "gdp_growth")!.Value.Value, 9);
        Assert.Equal(520_000, ProvincialBoard.Latest(r.Content, "urban_new_jobs")!.Value.Value, 6);
        Assert.Equal(4.6, ProvincialBoard.Latest(r.Content, "urban_income_growth")!.Value.Value, 9);
        Assert.Equal(6.1, ProvincialBoard.Latest(r.Content, "rural_income_growth")!.Value.Value, 9);
    }

    [Fact]
    public void A_report_without_a_main_targets_statement_gives_a_note_and_no_rows()
    {
        RegionTargets r = ProvincialBoard.Read(NoStatement, "moushi-2026.txt");
        Assert.Equal("moushi-2026", r.Region); // 某某市 is a placeholder, no region: the file name tells
        Assert.Empty(r.Main);
        Assert.StartsWith("no main-targets statement found", r.Note, StringComparison.Ordinal);
        ProvincialBoard board = ProvincialBoard.Build([r], new Dataset([], [], []));
        Assert.Empty(board.Rows);
        Assert.Single(board.Regions);
    }

    [Fact]
    public void A_cue_of_the_past_year_or_of_the_plan_period_is_not_the_statement()
    {
        const string text = "政府工作报告\n过去一年，主要预期目标是：地区生产总值增长6%左右。\n未来五年，主要目标是：地区生产总值增长5%左右。\n";
        Assert.Null(ReportReader.MainStatement(text, 2026));
        const string list = "政府工作报告\n一、2025年工作回顾\n地区生产总值增长5%。\n二、2026年工作安排\n今年全省地区生产总值增长5%左右，一般公共预算收入增长2%，居民消费价格涨幅2%左右。\n";
        Assert.NotNull(ReportReader.MainStatement(list, 2026));
        RegionTargets r = ProvincialBoard.Read(list, "x-2026.txt");
        Assert.Equal(["gdp_growth", "budget_revenue_growth", "cpi"], r.Main.Select(t => t.IndicatorId));
    }

    [Fact]
    public void The_region_is_named_from_the_congress_or_the_title()
    {
        Assert.Equal("广西壮族自治区", ProvincialBoard.RegionOf("SOURCE: x\n政府工作报告\n——2026年2月2日在广西壮族自治区第十四届人民代表大会第四次会议上\n", "g.txt"));
        Assert.Equal("陕西省", ProvincialBoard.RegionOf("SOURCE: x\n陕西省2026年政府工作报告\n", "s.txt"));
        Assert.Equal("unknown-2026", ProvincialBoard.RegionOf("SOURCE: x\n政府工作报告\n", "unknown-2026.txt"));
    }

    [Fact]
    public void The_committed_dataset_holds_the_hand_typed_main_targets_of_thirteen_reports()
    {
        var golden = Csv(RepositoryPaths.TestData("Extraction", "Fixtures", "provincial-main-targets.csv"));
        var found = Dataset.Load(Path.Combine(RepositoryPaths.Root, "datasets", "china-provinces-2026")).TargetHistory;
        string[] files = [.. golden.Select(g => g["file"]).Distinct()];
        Assert.True(files.Length >= 8);
        foreach (string file in files)
        {
            var want = golden.Where(g => g["file"] == file).Select(g => $"{g["indicator"]} {g["wording"]} {g["value"]} {g["high"]} {g["unit"]}").Order().ToList();
            var got = found.Where(t => t.Source.Document == file).Select(t => Row(t.IndicatorId[..t.IndicatorId.IndexOf('.', StringComparison.Ordinal)], t)).Order().ToList();
            Assert.Equal(file + ": " + string.Join("; ", want), file + ": " + string.Join("; ", got));
            // the direction of the fixture is the indicator's
            foreach (var g in golden.Where(g => g["file"] == file))
                Assert.Equal(g["direction"], Indicator.ToToken(ReportIndicators.Find(g["indicator"])!.Indicator.Direction));
        }
    }

    [Fact]
    public void Every_committed_region_has_main_targets()
    {
        var regions = Csv(Path.Combine(RepositoryPaths.Root, "datasets", "china-provinces-2026", "regions.csv"));
        Assert.Equal(25, regions.Count);
        Assert.All(regions, r => Assert.True(int.Parse(r["main_targets"], CultureInfo.InvariantCulture) > 0, r["file"]));
    }

    private static string Row(Target t) => Row(t.IndicatorId, t);

    /// <summary>"gdp_growth range 5 5.5 %": a target as the fixtures write it, values in the canonical indicator's unit.</summary>
    internal static string Row(string canonicalId, Target t)
    {
        Unit unit = ReportIndicators.Find(canonicalId)!.Indicator.Unit;
        return string.Create(CultureInfo.InvariantCulture, $"{canonicalId} {Target.ToToken(t.Wording)} {t.Value.ConvertTo(unit).Value} {t.High?.ConvertTo(unit).Value} {unit.Symbol}");
    }

    internal static List<Dictionary<string, string>> Csv(string path)
    {
        string[] lines = File.ReadAllLines(path);
        string[] header = lines[0].Split(',');
        return [.. lines.Skip(1).Where(l => l.Length > 0).Select(l =>
        {
            string[] cells = l.Split(',');
            return header.Select((h, i) => (h, v: i < cells.Length ? cells[i] : "")).ToDictionary(x => x.h, x => x.v);
        })];
    }
}
