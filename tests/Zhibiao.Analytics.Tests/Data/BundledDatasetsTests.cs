using Zhibiao.Analytics.Data;

namespace Zhibiao.Analytics.Tests.Data;

/// <summary>One test changes the current directory, so this class runs alone.</summary>
[CollectionDefinition(nameof(BundledDatasetsTests), DisableParallelization = true)]
[Collection(nameof(BundledDatasetsTests))]
public class BundledDatasetsTests
{
    private static string DatasetsRoot => Path.Combine(RepositoryPaths.Root, "datasets");

    public static TheoryData<string> Directories() => [.. Directory.GetDirectories(DatasetsRoot).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal)];

    [Fact]
    public void Every_dataset_directory_is_bundled()
    {
        Assert.Equal(Directory.GetDirectories(DatasetsRoot).Select(Path.GetFileName).Order(StringComparer.Ordinal), Dataset.BundledNames);
        Assert.Contains("xinjiang", Dataset.BundledNames);
    }

    [Theory]
    [MemberData(nameof(Directories))]
    public void A_bundled_dataset_loads_by_name_and_equals_its_directory(string name)
    {
        string dir = Path.Combine(DatasetsRoot, name);
        Assert.Equal(Directory.GetFiles(dir, "*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal), BundledDatasets.Files(name));
        foreach (string file in BundledDatasets.Files(name))
        {
            using TextReader text = BundledDatasets.Open(name, file);
            Assert.Equal(File.ReadAllText(Path.Combine(dir, file)), text.ReadToEnd());
        }

        Dataset bundled = Dataset.Load(name);
        Dataset packedFrom = Dataset.Load(dir);
        Assert.NotEmpty(bundled.Indicators);
        Assert.Equal(packedFrom.Indicators, bundled.Indicators);
        Assert.Equal(packedFrom.Observations, bundled.Observations);
        Assert.Equal(packedFrom.Targets, bundled.Targets);
    }

    [Fact]
    public void An_existing_directory_wins_over_a_bundled_name()
    {
        using var dir = new TempDirectory();
        string xinjiang = Path.Combine(dir.Path, "xinjiang");
        Directory.CreateDirectory(xinjiang);
        File.WriteAllText(Path.Combine(xinjiang, "indicators.csv"), "id,name_zh,name_en,unit,frequency,direction,kind\narrivals,接待游客,tourist arrivals,人次,yearly,higher,flow\n");
        File.WriteAllText(Path.Combine(xinjiang, "observations.csv"), "indicator,period,measure,value,unit,qualifier,source\narrivals,2024,level,3,亿人次,exact,report\n");
        string before = Directory.GetCurrentDirectory();
        try
        {
            Directory.SetCurrentDirectory(dir.Path);
            Indicator only = Assert.Single(Dataset.Load("xinjiang").Indicators);
            Assert.Equal("arrivals", only.Id);
        }
        finally
        {
            Directory.SetCurrentDirectory(before);
        }
    }

    [Fact]
    public void Neither_a_directory_nor_a_bundled_name_is_an_error_listing_the_bundled_names()
    {
        var e = Assert.Throws<DataFormatException>(() => Dataset.Load("no-such-dataset-here"));
        Assert.Equal("no-such-dataset-here", e.File);
        Assert.Contains("bundled: " + string.Join(", ", Dataset.BundledNames), e.Message, StringComparison.Ordinal);
        Assert.Contains("xinjiang", e.Message, StringComparison.Ordinal);
    }
}
