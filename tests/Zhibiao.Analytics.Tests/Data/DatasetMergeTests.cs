using Zhibiao.Analytics.Data;
using Zhibiao.Analytics.Tests.Extraction;

namespace Zhibiao.Analytics.Tests.Data;

public class DatasetMergeTests
{
    private static Observation Obs(string id, int year, string value, string unit, Measure m = Measure.Level, string doc = "a") =>
        new(id, Period.OfYear(year), m, Quantity.Parse(value, unit), Qualifier.Exact, new Source(doc));

    private static Dataset Held() => new(FactJoinTests.Indicators, [Obs("rail_freight", 2024, "2.37", "亿吨")], []);

    [Fact]
    public void New_figures_are_added_in_indicator_period_measure_order_and_equal_ones_kept_once()
    {
        MergeResult r = DatasetMerge.Merge(Held(),
            [Obs("rail_freight", 2024, "10.6", "%", Measure.Growth), Obs("grain_output", 2024, "466", "亿斤"), Obs("rail_freight", 2024, "23700", "万吨", doc: "b")], []);
        Assert.Equal((2, 1, 0), (r.Added, r.Unchanged, r.Replaced));
        Assert.Empty(r.Conflicts);
        Assert.Equal(["grain_output", "rail_freight", "rail_freight"], r.Dataset.Observations.Select(o => o.IndicatorId));
        Assert.Equal(Measure.Growth, r.Dataset.Observations[2].Measure);
    }

    [Fact]
    public void A_disagreeing_figure_is_a_conflict_unless_overwrite_replaces_it()
    {
        Observation other = Obs("rail_freight", 2024, "2.4", "亿吨", doc: "b");
        MergeResult r = DatasetMerge.Merge(Held(), [other], []);
        MergeConflict c = Assert.Single(r.Conflicts);
        Assert.Equal("rail_freight 2024 level", c.What);
        Assert.Equal(2.37e8, r.Dataset.Observations[0].Value.Value);

        MergeResult o = DatasetMerge.Merge(Held(), [other], [], overwrite: true);
        Assert.Empty(o.Conflicts);
        Assert.Equal((1, 2.4e8), (o.Replaced, o.Dataset.Observations[0].Value.Value));
    }

    [Fact]
    public void Two_disagreeing_figures_in_one_batch_conflict_even_with_overwrite()
    {
        MergeResult r = DatasetMerge.Merge(Held(), [Obs("grain_output", 2024, "1", "吨"), Obs("grain_output", 2024, "2", "吨")], [], overwrite: true);
        Assert.Single(r.Conflicts);
    }

    [Fact]
    public void Targets_merge_by_indicator_deadline_and_kind()
    {
        var t = new Target("tourists", TargetKind.Level, Period.OfYear(2025), Quantity.Parse("3.2", "亿人次"), TargetComparison.AtLeast, new Source("a"));
        MergeResult first = DatasetMerge.Merge(Held(), [], [t]);
        MergeResult same = DatasetMerge.Merge(first.Dataset, [], [t with { Source = new Source("b") }]);
        MergeResult other = DatasetMerge.Merge(first.Dataset, [], [t with { Value = Quantity.Parse("3", "亿人次") }]);
        Assert.Equal((1, 1, 1), (first.Added, same.Unchanged, other.Conflicts.Count));
    }

    [Fact]
    public void LoadForMerge_accepts_a_directory_with_indicators_only_and_Save_writes_all_files()
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "indicators.csv"),
                "id,name_zh,name_en,unit,frequency,direction,kind\nrail_freight,铁路货物发送量,rail freight,吨,yearly,higher,flow\n");
            Dataset d = DatasetMerge.LoadForMerge(dir);
            Assert.Empty(d.Observations);
            DatasetMerge.Merge(d, [Obs("rail_freight", 2024, "2.37", "亿吨")], []).Dataset.Save(dir);
            Assert.Single(Dataset.Load(dir).Observations);
            Assert.Empty(Directory.GetFiles(dir, "*.tmp"));
            Assert.Throws<DataFormatException>(() => Dataset.Load(Path.Combine(dir, "missing")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
