using System.Globalization;
using Zhibiao.Analytics.Cli;

namespace Zhibiao.Analytics.Tests.Cli;

public sealed class EvaluateCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_hold_out_prints_one_row_per_model_with_owa()
    {
        string train = Write("train.csv", Long(("a", 2000, Trend(14, 1)), ("b", 2000, Trend(16, 2))));
        string test = Write("test.csv", Long(("a", 2014, Trend(4, 1, 14)), ("b", 2016, Trend(4, 2, 16))));
        (int code, string stdout, string stderr) = Run("evaluate", "--train", train, "--test", test, "--horizon", "3", "--model", "theta,naive", "--model", "naive2", "--format", "csv");
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        string[] lines = stdout.Trim().Split('\n');
        Assert.Equal("model,series,failed,smape,mase,mape,mae,rmse,owa,coverage-80,msis-80,coverage-95,msis-95", lines[0]);
        Assert.Equal(["theta", "naive", "naive2"], lines.Skip(1).Select(l => l.Split(',')[0]));
        Assert.Equal("1", lines[3].Split(',')[8]);
    }

    [Fact]
    public void Rolling_origin_prints_a_table()
    {
        string train = Write("train.csv", Long(("a", 2000, Trend(20, 1))));
        (int code, string stdout, _) = Run("evaluate", "--train", train, "--origins", "3", "--horizon", "2", "--model", "drift");
        Assert.Equal(0, code);
        Assert.Contains("rolling origin (3 origins, step 1)", stdout, StringComparison.Ordinal);
        Assert.Contains("drift", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_series_a_model_cannot_fit_is_a_warning_and_exit_code_1()
    {
        string train = Write("train.csv", Long(("a", 2000, Trend(14, 1)), ("short", 2000, [1, 2, 3])));
        string test = Write("test.csv", Long(("a", 2014, Trend(2, 1, 14)), ("short", 2003, [4, 5])));
        (int code, _, string stderr) = Run("evaluate", "--train", train, "--test", test, "--horizon", "2", "--model", "theta", "--format", "csv");
        Assert.Equal(1, code);
        Assert.StartsWith("warning: series short, model theta: theta needs at least 4 values", stderr, StringComparison.Ordinal);
    }

    public static TheoryData<string[], string> BadInput() => new()
    {
        { ["--horizon", "2"], "either --test" },
        { ["--horizon", "2", "--test", "TEST", "--origins", "2"], "either --test" },
        { ["--horizon", "0", "--test", "TEST"], "--horizon must be between 1 and 10000" },
        { ["--horizon", "10001", "--test", "TEST"], "--horizon must be between 1 and 10000" },
        { ["--horizon", "2", "--test", "TEST", "--model", "nosuch"], "unknown model 'nosuch'" },
        { ["--horizon", "2", "--test", "MISSING"], "file not found" },
        { ["--horizon", "5", "--test", "TEST"], "the horizon is 5" },
        { ["--horizon", "2", "--test", "OTHER"], "series b comes where the training file has series a (series 1); the test file must list the training file's series in the same order" },
        { ["--horizon", "2", "--origins", "0"], "--origins must be at least 1" },
        { ["--horizon", "2", "--test", "TEST", "--level", "100"], "--level: '100' is not a level in percent strictly between 0 and 100" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public void Bad_input_is_one_line_on_stderr_and_exit_code_2(string[] args, string expected)
    {
        string train = Write("train.csv", Long(("a", 2000, Trend(14, 1))));
        string test = Write("test.csv", Long(("a", 2014, Trend(3, 1, 14))));
        string other = Write("other.csv", Long(("b", 2014, Trend(3, 1, 14))));
        string[] resolved = [.. args.Select(a => a switch { "TEST" => test, "OTHER" => other, "MISSING" => Path.Combine(_dir.Path, "missing.csv"), _ => a })];
        (int code, string stdout, string stderr) = Run(["evaluate", "--train", train, .. resolved]);
        Assert.Equal(AnalyticsCli.UserError, code);
        Assert.Equal("", stdout);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Forecast_timing_is_reported_on_stderr()
    {
        string train = Write("train.csv", Long(("a", 2000, Trend(14, 1))));
        (int code, string stdout, string stderr) = Run("forecast", "--input", train, "--horizon", "2", "--model", "theta", "--threads", "1", "--timing");
        Assert.Equal(0, code);
        Assert.StartsWith("timing: model=theta series=1 threads=1 cold_seconds=", stderr, StringComparison.Ordinal);
        Assert.Contains("series_per_second=", stderr, StringComparison.Ordinal);
        Assert.StartsWith("unique_id,ds,h,model,mean", stdout, StringComparison.Ordinal);
    }

    private static double[] Trend(int n, double slope, int from = 0) =>
        [.. Enumerable.Range(from, n).Select(t => 100 + (slope * t) + (3 * Math.Sin(t)))];

    private static string Long(params (string Id, int Start, double[] Values)[] series)
    {
        var lines = new List<string> { "unique_id,ds,y" };
        foreach ((string id, int start, double[] values) in series)
            lines.AddRange(values.Select((v, i) => string.Create(CultureInfo.InvariantCulture, $"{id},{start + i},{v}")));
        return string.Join('\n', lines) + "\n";
    }

    private string Write(string name, string text) => _dir.File(name, text);

    private static (int Code, string Stdout, string Stderr) Run(params string[] args) => CliRunner.Run(args);
}
