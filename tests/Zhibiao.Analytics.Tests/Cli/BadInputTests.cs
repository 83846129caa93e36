using System.Text;

namespace Zhibiao.Analytics.Tests.Cli;

/// <summary>
/// Regression tests of the hostile run of issue 16: each bad input is one line on stderr, exit code 2, nothing on
/// stdout and nothing written.
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bad-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text) => WriteBytes(name, Encoding.UTF8.GetBytes(text));

    private string WriteBytes(string name, byte[] bytes)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string Yearly(string name = "y.csv", int from = 1970, int to = 1988, string value = "") =>
        Write(name, "unique_id,ds,y\n" + string.Concat(Enumerable.Range(from, to - from + 1).Select(t => $"a,{t},{(value.Length > 0 ? value : (100 + (3 * (t % 7)) + (5 * (t - from))).ToString(System.Globalization.CultureInfo.InvariantCulture))}\n")));

    private static string Refused(string expected, params string[] args) => CliRunner.Refused(expected, args);

    [Fact]
    public void A_horizon_past_the_year_9999_is_refused_up_front()
    {
        Refused("series 'a' ends in 1988; 9000 steps later is past the year 9999", "forecast", "--input", Yearly(), "--horizon", "9000", "--model", "naive");
        Refused("ends in 9999", "forecast", "--input", Yearly("end.csv", 9985, 9999), "--horizon", "1", "--model", "naive");
    }

    [Theory]
    [InlineData("--level", "80", "--level", "80", "--level: 80 is given twice")]
    [InlineData("--level", "80", "--level", "80.0", "--level: 80 is given twice")]
    [InlineData("--level", "80,95,80", "--quantiles", "0.1", "--level: 80 is given twice")]
    [InlineData("--quantiles", "0.5,0.5", "--level", "80", "--quantiles: 0.5 is given twice")]
    [InlineData("--level", "100", "--level", "80", "--level: '100' is not a level in percent")]
    public void Duplicate_or_bad_levels_and_quantiles_are_errors_before_any_output(string o1, string v1, string o2, string v2, string expected) =>
        Refused(expected, "forecast", "--input", Yearly(), "--horizon", "2", "--model", "naive", o1, v1, o2, v2);

    [Fact]
    public void Evaluate_refuses_duplicate_levels_too() =>
        Refused("--level: 80 is given twice", "evaluate", "--train", Yearly(), "--test", Yearly("test.csv", 1989, 1991), "--horizon", "3", "--model", "naive", "--level", "80", "--level", "80");

    [Fact]
    public void Growth_lists_are_checked_in_range_unique_and_finite()
    {
        string y = Yearly();
        Refused("--growth: 0.05 is given twice", "probability", "--input", y, "--horizon", "2", "--growth=0.05,0.05", "--model", "naive");
        Refused("not a finite number", "probability", "--input", y, "--horizon", "2", "--growth=1e308", "--model", "naive");
        Refused("--growth= has no value", "probability", "--input", y, "--horizon", "2", "--growth=", "--model", "theta");
    }

    [Fact]
    public void An_output_that_is_a_directory_or_in_a_missing_directory_names_the_path_given()
    {
        string y = Yearly();
        string outDir = Directory.CreateDirectory(Path.Combine(_dir, "out")).FullName;
        Refused($"{outDir}: is a directory, not a file", "forecast", "--input", y, "--horizon", "2", "--model", "naive", "--output", outDir);
        Refused($"{outDir}: is a directory, not a file", "probability", "--input", y, "--horizon", "2", "--growth", "0.05", "--model", "naive", "--output", outDir);
        string missing = Path.Combine(_dir, "nodir", "out.csv");
        Refused($"{missing}: the directory {Path.Combine(_dir, "nodir")} does not exist", "forecast", "--input", y, "--horizon", "2", "--model", "naive", "--output", missing);
        Assert.Equal([y], Directory.GetFiles(_dir));
    }

    [Fact]
    public void A_window_beyond_the_representable_years_is_refused() =>
        Refused("--window must be between 1 and 1000 years, not 1000000", "track", Path.Combine(RepositoryPaths.Root, "datasets", "xinjiang"), "--window", "1000000", "--no-probability");

    [Fact]
    public void Backtest_targets_checks_that_the_test_starts_right_after_the_training_data()
    {
        Refused("the test data start at 1994, not right after the training data (1988)",
            "backtest-targets", "--train", Yearly(), "--test", Yearly("shifted.csv", 1994, 1996), "--horizon", "3", "--growth", "0.05", "--model", "naive");
        Refused("the test data start at 1986",
            "backtest-targets", "--train", Yearly(), "--test", Yearly("overlap.csv", 1986, 1988), "--horizon", "3", "--growth", "0.05", "--model", "naive");
    }

    [Fact]
    public void A_huge_bad_value_is_quoted_as_a_short_excerpt()
    {
        string err = Refused("is not a finite number", "forecast", "--input", Write("long.csv", "unique_id,ds,y\na,1970," + new string('7', 100_000) + "\n"), "--horizon", "2");
        Assert.True(err.Length < 200, err);
    }

    [Fact]
    public void Data_files_that_are_not_utf8_or_hold_control_characters_are_refused_with_file_and_line()
    {
        byte[] latin1 = [.. "unique_id,ds,y\na,1970,1\n"u8, .. "caf"u8, 0xE9, .. ",1971,2\n"u8];
        string path = WriteBytes("latin1.csv", latin1);
        Refused($"{path}:3: not UTF-8 text", "forecast", "--input", path, "--horizon", "1", "--model", "naive");
        string nul = Write("nul.csv", "unique_id,ds,y\na\0b,1970,1\na\0b,1971,2\n");
        Refused($"{nul}:2: control character U+0000", "forecast", "--input", nul, "--horizon", "1", "--model", "naive");
        string synonyms = WriteBytes("synonyms.csv", [.. "subject,indicator\n"u8, 0xC4, 0xE3, 0xBA, 0xC3, .. ",x\n"u8]);
        string report = Write("report.txt", "2024年工作回顾\n全年铁路货物发送量2.37亿吨。\n2025年工作安排\n力争接待游客3.2亿人次。\n");
        Refused($"{synonyms}:2: not UTF-8 text", "extract", report, "--synonyms", synonyms, "--to-dataset", CopyDataset());
    }

    private string CopyDataset()
    {
        string ds = Path.Combine(_dir, "ds");
        Directory.CreateDirectory(ds);
        foreach (string f in Directory.GetFiles(RepositoryPaths.XinjiangDataset)) File.Copy(f, Path.Combine(ds, Path.GetFileName(f)));
        return ds;
    }

    [Fact]
    public void A_dataset_period_with_fewer_than_four_year_digits_is_an_error()
    {
        string ds = CopyDataset();
        string observations = Path.Combine(ds, "observations.csv");
        string[] lines = File.ReadAllLines(observations);
        lines[1] = lines[1].Replace(",2024,", ",19,", StringComparison.Ordinal);
        File.WriteAllLines(observations, lines);
        Refused($"{observations}:2: column 'period': '19' is not a period: the year 19 is outside 1000–9999", "track", ds, "--no-probability");
    }

    [Fact]
    public void Values_whose_scale_overflows_the_models_are_an_error_naming_the_series() =>
        Refused("series 'a': values up to 1.5E+308 are too large for the models", "forecast", "--input", Yearly(value: "1.5e308"), "--horizon", "2", "--model", "ets");

    [Fact]
    public void Fuzz_crash_a_column_named_twice_is_a_format_error()
    {
        string longFormat = Write("twice.csv", "unique_id,ds,y,ds\na,2020,1,2020\n");
        Refused($"{longFormat}:1: a column name appears twice in the header", "forecast", "--input", longFormat, "--horizon", "1");
        string ds = CopyDataset();
        File.WriteAllText(Path.Combine(ds, "targets.csv"), "indicator,period,value,unit,kind,direction,source,period\n");
        Refused("targets.csv:1: a column name appears twice in the header", "track", ds, "--no-probability");
    }
}
