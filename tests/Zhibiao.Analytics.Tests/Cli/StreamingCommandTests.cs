using Parquet;
using Parquet.Schema;
using Zhibiao.Analytics.Cli;
using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Forecasting.Baselines;
using Zhibiao.Analytics.Tests.Data;

namespace Zhibiao.Analytics.Tests.Cli;

/// <summary>forecast and probability stream their input in batches: the same output as one batch, and bounded batches.</summary>
public class StreamingCommandTests
{
    [Theory]
    [InlineData("theta")]
    [InlineData("ets")]
    public void Forecast_in_small_batches_equals_the_run_on_the_whole_file(string model)
    {
        using var dir = new TempDirectory();
        string input = dir.File("m3like.csv", M3Like.Csv(120));
        var whole = CliRunner.Run("forecast", "--input", input, "--horizon", "6", "--model", model, "--batch-size", "100000");
        var batched = CliRunner.Run("forecast", "--input", input, "--horizon", "6", "--model", model, "--batch-size", "7", "--threads", "2");
        Assert.Equal(0, whole.Exit);
        Assert.Equal(whole, batched);
        Assert.Equal(1 + (120 * 6), whole.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Probability_in_small_batches_equals_the_run_on_the_whole_file_seeds_following_the_series()
    {
        using var dir = new TempDirectory();
        string input = dir.File("m3like.csv", M3Like.Csv(40));
        string[] args = ["probability", "--input", input, "--horizon", "3", "--growth=0,0.05", "--model", "theta", "--paths", "300"];
        var whole = CliRunner.Run([.. args, "--batch-size", "1000"]);
        Assert.Equal(0, whole.Exit);
        Assert.Equal(whole, CliRunner.Run([.. args, "--batch-size", "3"]));
    }

    [Fact]
    public void A_global_model_never_sees_more_series_than_a_batch_and_sees_every_series_once()
    {
        using var dir = new TempDirectory();
        string input = dir.File("m3like.csv", M3Like.Csv(250)), output = Path.Combine(dir.Path, "out.csv");
        var counting = new CountingGlobal();
        var models = ForecasterCatalogue.Core.With("counting", () => counting);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int exit = AnalyticsCli.Run(["forecast", "--input", input, "--horizon", "2", "--model", "counting", "--batch-size", "40", "--output", output], stdout, stderr, models);
        Assert.True(exit == 0, $"exit {exit}: {stderr}");
        Assert.Equal([40, 40, 40, 40, 40, 40, 10], counting.Trained);
        Assert.Equal(1 + (250 * 2), File.ReadAllLines(output).Length);
    }

    [Fact]
    public void A_series_that_appears_again_stops_the_run_naming_it_and_the_line_and_leaves_the_old_output()
    {
        using var dir = new TempDirectory();
        string csv = M3Like.Csv(30) + "S00002,2100,5\n";
        int line = csv.Count(c => c == '\n');
        string input = dir.File("again.csv", csv), output = dir.File("out.csv", "old\n");
        var (exit, stdout, stderr) = CliRunner.Run("forecast", "--input", input, "--horizon", "2", "--model", "naive", "--batch-size", "4", "--output", output);
        Assert.Equal(AnalyticsCli.UserError, exit);
        Assert.Equal("", stdout);
        Assert.Equal($"error: {input}:{line}: column 'unique_id': rows of series 'S00002' are not together: it appears again after other series (the rows of a series must be contiguous)", stderr.Trim());
        Assert.Equal("old\n", File.ReadAllText(output));
        Assert.Equal(["again.csv", "out.csv"], Directory.GetFiles(dir.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task Parquet_output_holds_the_csv_output_and_parquet_input_gives_the_csv_input_result()
    {
        using var dir = new TempDirectory();
        string input = dir.File("m3like.csv", M3Like.Csv(30)), parquet = Path.Combine(dir.Path, "out.parquet");
        var csv = CliRunner.Run("forecast", "--input", input, "--horizon", "3", "--model", "theta", "--batch-size", "8");
        var pq = CliRunner.Run("forecast", "--input", input, "--horizon", "3", "--model", "theta", "--batch-size", "8", "--output", parquet);
        Assert.Equal((0, "", ""), pq);
        string[] lines = csv.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        await using (FileStream stream = File.OpenRead(parquet))
        await using (ParquetReader reader = await ParquetReader.CreateAsync(stream))
        {
            DataField[] fields = reader.Schema.DataFields;
            Assert.Equal(lines[0], string.Join(",", fields.Select(f => f.Name)));
            Assert.Equal(4, reader.RowGroupCount); // a row group per batch of 8 series
            var rows = new List<string>();
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                using ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
                int n = (int)group.RowCount;
                var ids = new string?[n];
                var ds = new string?[n];
                var h = new int[n];
                var mean = new double?[n];
                await group.ReadAsync(fields[0], ids.AsMemory());
                await group.ReadAsync(fields[1], ds.AsMemory());
                await group.ReadAsync(fields[2], h.AsMemory());
                await group.ReadAsync(fields[4], mean.AsMemory());
                for (int i = 0; i < n; i++) rows.Add($"{ids[i]},{ds[i]},{h[i]},{mean[i]!.Value:R}");
            }

            Assert.Equal(lines.Skip(1).Select(l => string.Join(",", l.Split(',').Where((_, i) => i is 0 or 1 or 2 or 4))), rows);
        }

        // The dates fixture written by DuckDB forecasts as the same series written as CSV.
        string dates = Path.Combine(AppContext.BaseDirectory, "Data", "Parquet", "strings.parquet");
        string same = dir.File("strings.csv", "unique_id,ds,y\na,2001,1.5\na,2002,\na,2003,3.25\nb,2020-Q1,10\nb,2020-Q2,11\nb,2020-Q3,12.5\nb,2020-Q4,13\n");
        Assert.Equal(CliRunner.Run("forecast", "--input", same, "--horizon", "2", "--model", "naive"), CliRunner.Run("forecast", "--input", dates, "--horizon", "2", "--model", "naive"));
    }

    [Fact]
    public void Evaluate_and_backtest_targets_in_small_batches_equal_the_run_on_the_whole_file_and_need_the_test_in_the_same_order()
    {
        using var dir = new TempDirectory();
        string csv = M3Like.Csv(50);
        string[] lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var rows = lines.Skip(1).Select(l => l.Split(',')).GroupBy(r => r[0]).ToArray();
        string train = dir.File("train.csv", "unique_id,ds,y\n" + string.Concat(rows.SelectMany(g => g.SkipLast(3)).Select(r => string.Join(",", r) + "\n")));
        string test = dir.File("test.csv", "unique_id,ds,y\n" + string.Concat(rows.SelectMany(g => g.TakeLast(3)).Select(r => string.Join(",", r) + "\n")));
        string[] args = ["evaluate", "--train", train, "--test", test, "--horizon", "3", "--model", "theta,ses", "--format", "csv"];
        var whole = CliRunner.Run([.. args, "--batch-size", "1000"]);
        Assert.Equal(0, whole.Exit);
        Assert.Equal(whole, CliRunner.Run([.. args, "--batch-size", "6"]));

        string[] backtest = ["backtest-targets", "--train", train, "--test", test, "--horizon", "3", "--growth=0,0.04", "--model", "theta", "--paths", "200", "--format", "csv"];
        var scores = CliRunner.Run([.. backtest, "--batch-size", "1000"]);
        Assert.Equal(0, scores.Exit);
        Assert.Equal(scores, CliRunner.Run([.. backtest, "--batch-size", "7"]));

        string swapped = dir.File("swapped.csv", "unique_id,ds,y\n" + string.Concat(rows.Reverse().SelectMany(g => g.TakeLast(3)).Select(r => string.Join(",", r) + "\n")));
        var (exit, _, err) = CliRunner.Run("evaluate", "--train", train, "--test", swapped, "--horizon", "3", "--model", "theta");
        Assert.Equal(AnalyticsCli.UserError, exit);
        Assert.Contains("series S00050 comes where the training file has series S00001 (series 1)", err, StringComparison.Ordinal);
    }

    /// <summary>A global model that records how many series each training saw, then forecasts naively.</summary>
    private sealed class CountingGlobal : IGlobalForecaster
    {
        public List<int> Trained { get; } = [];

        public string Name => "counting";

        public IFittedModel Fit(ReadOnlySpan<double> y, int seasonLength = 1) => new NaiveForecaster().Fit(y, seasonLength);

        public IForecaster Train(IReadOnlyList<double[]> series, int seasonLength, int horizon, int threads = 1)
        {
            Trained.Add(series.Count);
            return new NaiveForecaster();
        }
    }
}
