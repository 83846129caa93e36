using System.Globalization;
using System.Text.Json;
using Zhibiao.Analytics.Cli.Commands;
using nietras.SeparatedValues;

namespace Zhibiao.Analytics.Tests.Cli;

public class TrackCommandTests
{
    [Fact]
    public void Table_shows_the_tourist_target_with_its_required_growth()
    {
        var (exit, output, err) = CliRunner.Run("track", RepositoryPaths.XinjiangDataset);
        Assert.Equal(0, exit);
        Assert.Equal("", err);
        Assert.Contains("≥3.2亿人次 by 2025", output, StringComparison.Ordinal);
        Assert.Contains("≤6.7%/yr", output, StringComparison.Ordinal);
        Assert.Contains("tourist_arrivals: on track", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_has_the_documented_columns_and_parses()
    {
        var (exit, output, _) = CliRunner.Run("track", RepositoryPaths.XinjiangDataset, "--format", "csv");
        Assert.Equal(0, exit);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(",", TrackCommand.Columns), lines[0]);
        using var reader = Sep.Reader().FromText(output);
        var tourist = reader.Enumerate(row => (Id: row["indicator"].ToString(), Required: row["required_growth"].ToString(), Qualifier: row["required_qualifier"].ToString(), Status: row["status"].ToString()))
            .Single(r => r.Id == "tourist_arrivals");
        Assert.Equal(3.2 / 3 - 1, double.Parse(tourist.Required, CultureInfo.InvariantCulture), 12);
        Assert.Equal("at_most", tourist.Qualifier);
        Assert.Equal("on_track", tourist.Status);
        Assert.Equal(Zhibiao.Analytics.Data.Dataset.Load(RepositoryPaths.XinjiangDataset).Indicators.Count + 1, lines.Length);
    }

    [Fact]
    public void Csv_output_is_stable()
    {
        string first = CliRunner.Run("track", RepositoryPaths.XinjiangDataset, "--format", "csv").Out;
        string second = CliRunner.Run("track", RepositoryPaths.XinjiangDataset, "--format", "csv").Out;
        Assert.Equal(first, second);
    }

    [Fact]
    public void Json_is_an_array_of_rows_with_the_csv_fields()
    {
        var (exit, output, _) = CliRunner.Run("track", RepositoryPaths.XinjiangDataset, "--format", "json");
        Assert.Equal(0, exit);
        using JsonDocument doc = JsonDocument.Parse(output);
        JsonElement tourist = doc.RootElement.EnumerateArray().Single(e => e.GetProperty("indicator").GetString() == "tourist_arrivals");
        Assert.Equal(3e8, tourist.GetProperty("latest_value").GetDouble());
        Assert.Equal("接待游客", tourist.GetProperty("name_zh").GetString());
        Assert.Equal(TrackCommand.Columns.Length, tourist.EnumerateObject().Count());
    }

    [Theory]
    [InlineData(new[] { "track", "/nonexistent" }, "dataset directory not found")]
    [InlineData(new[] { "track", "--format", "xml" }, "xml")]
    [InlineData(new[] { "track", "--window", "0" }, "--window must be between 1 and 1000 years, not 0")]
    [InlineData(new[] { "growth", "no_such_indicator" }, "unknown indicator 'no_such_indicator'")]
    [InlineData(new[] { "frobnicate" }, "frobnicate")]
    public void Mistakes_print_one_line_and_exit_2(string[] args, string expected)
    {
        string[] full = args.Length > 1 && args[0] == "growth" ? [.. args, RepositoryPaths.XinjiangDataset]
            : args.Length == 1 || args[1].StartsWith('-') ? [.. args, RepositoryPaths.XinjiangDataset] : args;
        var (exit, output, err) = CliRunner.Run(full);
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_dataset_file_names_file_line_and_column()
    {
        using var dir = new TempDirectory();
        dir.File("indicators.csv", "id,name_zh,name_en,unit,frequency,direction,kind\nx,x,x,人次,yearly,higher,flow\n");
        dir.File("observations.csv", "indicator,period,measure,value,unit,qualifier,source\nx,2024,level,3,亿zz,exact,r\n");
        var (exit, _, err) = CliRunner.Run("track", dir.Path);
        Assert.Equal(2, exit);
        Assert.StartsWith($"error: {Path.Combine(dir.Path, "observations.csv")}:2: column 'unit': unknown unit '亿zz'", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Growth_table_of_rail_freight_shows_the_implied_2023_value()
    {
        var (exit, output, _) = CliRunner.Run("growth", "rail_freight_dispatched", RepositoryPaths.XinjiangDataset, "--format", "csv");
        Assert.Equal(0, exit);
        using var reader = Sep.Reader().FromText(output);
        var rows = reader.Enumerate(r => (Period: r["period"].ToString(), Value: r["value"].ToString(), Derived: r["derived"].ToString(), Reported: r["reported_value"].ToString())).ToArray();
        var y2023 = rows.Single(r => r.Period == "2023");
        Assert.Equal(2.37e8 / 1.106, double.Parse(y2023.Value, CultureInfo.InvariantCulture), 3);
        Assert.Contains("implied from", y2023.Derived, StringComparison.Ordinal);
        Assert.Equal("10.6", rows.Single(r => r.Period == "2024").Reported);
    }
}
