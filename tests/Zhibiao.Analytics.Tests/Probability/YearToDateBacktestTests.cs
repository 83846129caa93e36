using Zhibiao.Analytics.Cli;
using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Probability;
using Zhibiao.Analytics.Tests.Forecasting;

namespace Zhibiao.Analytics.Tests.Probability;

/// <summary>
/// <see cref="YearToDateBacktest"/> on a collection worked by hand. Series "a": 10 a month in 2022–2023 (training),
/// 11 a month in 2024 (test): last year 120, the year 132. Targets +0% (120, met) and +20% (144, missed). Half the
/// scripted paths bring 9 a month, half 12, tempered (<see cref="YearToDateAssessor.Temper"/>) by f = 1.05^−0.1 =
/// 0.99513: their mean, 10.5 a month, is 5% above last year's 10, and the long-run growth (2022 to 2023) is 0. After
/// k months the year is 11k + 9f(12 − k) or 11k + 12f(12 − k).
/// Series "b" has no whole calendar year in its test window.
/// </summary>
public class YearToDateBacktestTests
{
    private static readonly LongSeries[] Train =
    [
        new("a", Period.OfMonth(2022, 1), Enumerable.Repeat(10.0, 24).ToArray()),
        new("b", Period.OfMonth(2022, 1), Enumerable.Repeat(10.0, 25).ToArray()),
    ];

    private static readonly LongSeries[] Test =
    [
        new("a", Period.OfMonth(2024, 1), Enumerable.Repeat(11.0, 12).ToArray()),
        new("b", Period.OfMonth(2024, 2), Enumerable.Repeat(11.0, 12).ToArray()),
    ];

    private static ScriptedForecaster Script() => new() { Paths = [[9], [12]] };

    private static YearToDateBacktestOptions Options(IForecaster model, int threads = 1) => new() { Growth = [0, 0.2], Forecaster = model, Paths = 2, Threads = threads };

    [Fact]
    public void Scores_by_month_are_worked_by_hand()
    {
        YearToDateBacktest r = YearToDateBacktest.Run(Train, Test, Options(Script()));
        Assert.Equal((2, 1), (r.Series, r.Eligible));
        Assert.Empty(r.Failures);
        Assert.Equal(12, r.Rows.Count);
        foreach (YearToDateScore row in r.Rows)
        {
            int k = row.Months;
            Assert.Equal((2, 0.5), (row.Model.Cases, row.Model.BaseRate));

            // P(≥ 120) is 1/2 until 11k + 9f(12 − k) reaches 120 at k = 7 (119.74 at k = 6, 121.78 at 7), then 1; P(≥ 144)
            // is 0 (143.30 at k = 0).
            double brier = k <= 6 ? 0.125 : 0;
            double ece = k <= 6 ? 0.25 : 0;
            Assert.Equal(brier, row.Model.Brier, 12);
            Assert.Equal(ece, row.Model.Ece, 12);

            // Pro-rata: at k = 0 "met" for both (one wrong); after, 11k ≥ T·k/12 is right for both.
            Assert.Equal(k == 0 ? 0.5 : 0, row.ProRata.Brier, 12);
            Assert.Equal(0.125, row.Annual.Brier, 12);
        }
    }

    /// <summary>
    /// Series "c": 10 a month in 2020–2021, 12 in 2022 and 2023 (the calibration years, 144 each), 11 in 2024 (the
    /// year judged, 132). Target −23.6% of 144: 110.016, met. In the calibration years the scripted remaining months
    /// (9 or 12 a month, tempered by 1.05^−0.1 in 2022 and (√1.2/0.875)^0.1 in 2023) put the actual 12 a month above
    /// their median (z = 1.51 and 1.24 on the paths' scale), so the calibration moves the year judged's paths up. Uncalibrated, its paths (9 or 12 a
    /// month tempered by (12/10.5)^0.1 = 1.0134, as the long-run growth 2020–2023 is 0) give 109.45 and 145.9 at k = 0
    /// (P(met) ½) and meet the target from k = 1 (11 + 99 · 1.0134 = 111.3); calibrated, both paths meet it at every k.
    /// </summary>
    [Fact]
    public void Paths_below_the_earlier_years_actuals_are_moved_up_by_the_calibration_worked_by_hand()
    {
        LongSeries[] train = [new("c", Period.OfMonth(2020, 1), Enumerable.Repeat(10.0, 24).Concat(Enumerable.Repeat(12.0, 24)).ToArray())];
        LongSeries[] test = [new("c", Period.OfMonth(2024, 1), Enumerable.Repeat(11.0, 12).ToArray())];
        ScriptedForecaster script = Script();
        YearToDateBacktest cal = YearToDateBacktest.Run(train, test, new() { Growth = [-0.236], Forecaster = script, Paths = 2, Calibrate = true });
        YearToDateBacktest raw = YearToDateBacktest.Run(train, test, new() { Growth = [-0.236], Forecaster = Script(), Paths = 2 });

        // The target is met, so the Brier score is (1 − P(met))².
        Assert.Equal([0.25, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], raw.Rows.Select(r => r.Model.Brier));
        Assert.Equal(new double[12], cal.Rows.Select(r => r.Model.Brier));

        // The calibration years' first fits see 2020–2021 (24 months) and 2020–2022 (36); the year judged's last 2020–2024-11.
        Assert.Equal(36, script.Seen.Count);
        Assert.Contains(script.Seen, h => h.Length == 24);
        Assert.Equal(59, script.Seen.Max(h => h.Length));
    }

    /// <summary>
    /// The calibration never reads the year judged beyond its first k months: changing its December (no target's
    /// outcome changes) leaves every row as it is; without the calibration the rows differ.
    /// </summary>
    [Fact]
    public void A_calibration_reads_earlier_years_and_not_the_year_judged()
    {
        var model = new Analytics.Forecasting.Theta.ThetaForecaster();
        LongSeries[] train = [.. Enumerable.Range(0, 4).Select(i => new LongSeries($"s{i}", Period.OfMonth(2016, 1), Seasonal(96, i)))];
        LongSeries[] test = [.. Enumerable.Range(0, 4).Select(i => new LongSeries($"s{i}", Period.OfMonth(2024, 1), Seasonal(12, i + 100)))];
        YearToDateBacktestOptions options = Options(model) with { Growth = [-0.2, -0.1, 0, 0.1, 0.2], Paths = 300, Calibrate = true };
        YearToDateBacktest baseline = YearToDateBacktest.Run(train, test, options);

        LongSeries[] december = [.. test.Select(t => t with { Values = t.Values.ToArray()[..11].Append(t.Values.Span[11] * 1.001).ToArray() })];
        YearToDateBacktest changed = YearToDateBacktest.Run(train, december, options);
        Assert.Equal(Scores(baseline), Scores(changed));

        // The calibration does something: without it the scores differ.
        YearToDateBacktest raw = YearToDateBacktest.Run(train, test, options with { Calibrate = false });
        Assert.NotEqual(Scores(baseline), Scores(raw));
    }

    [Fact]
    public void The_ece_floor_is_worked_by_hand()
    {
        // Certain probabilities: outcomes drawn from them are certain, ECE 0.
        Assert.Equal(0, YearToDateBacktest.EceFloor([[1, 0], [0, 1]], 7), 12);

        // One series, P(met) ½ for two targets sharing one draw: both met or both missed, |½ − o| = ½ in every draw.
        Assert.Equal(0.5, YearToDateBacktest.EceFloor([[0.5, 0.5]], 7), 12);

        // In the scripted collection: ½ and 0 up to k = 6 (ECE ½ · ½), 1 and 0 from k = 7.
        YearToDateBacktest r = YearToDateBacktest.Run(Train, Test, Options(Script()));
        Assert.Equal([0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0, 0, 0, 0, 0], r.Rows.Select(row => row.EceFloor));
    }

    private static (double, double)[] Scores(YearToDateBacktest r) => [.. r.Rows.Select(row => (row.Model.Brier, row.Model.Ece))];

    [Fact]
    public void The_history_at_k_is_everything_before_the_year_and_its_first_k_months()
    {
        ScriptedForecaster script = Script();
        YearToDateBacktest.Run(Train, Test, Options(script));
        Assert.Equal([.. Enumerable.Range(24, 12)], script.Seen.Select(h => h.Length).Order());
        Assert.All(script.SeasonLengths, m => Assert.Equal(12, m));
        Assert.Equal([10, 10, 11, 11, 11], script.Seen.Single(h => h.Length == 27)[^5..]);
    }

    [Fact]
    public void Threads_do_not_change_the_scores()
    {
        var model = new Analytics.Forecasting.Theta.ThetaForecaster();
        LongSeries[] train = [.. Enumerable.Range(0, 6).Select(i => new LongSeries($"s{i}", Period.OfMonth(2018, 1), Seasonal(72, i)))];
        LongSeries[] test = [.. Enumerable.Range(0, 6).Select(i => new LongSeries($"s{i}", Period.OfMonth(2024, 1), Seasonal(12, i + 100)))];
        YearToDateBacktest one = YearToDateBacktest.Run(train, test, Options(model) with { Paths = 200 });
        YearToDateBacktest two = YearToDateBacktest.Run(train, test, Options(model, threads: 2) with { Paths = 200 });
        Assert.Equal(one.Rows.Select(r => (r.Model.Brier, r.Model.Ece, r.ProRata.Brier)), two.Rows.Select(r => (r.Model.Brier, r.Model.Ece, r.ProRata.Brier)));
    }

    [Fact]
    public void Files_that_do_not_pair_are_errors_naming_the_series()
    {
        LongSeries[] swapped = [Test[1], Test[0]];
        var e = Assert.Throws<AnalyticsException>(() => YearToDateBacktest.Run(Train, swapped, Options(Script())));
        Assert.Equal("series b of the test data comes where the training data has series a (series 1); list them in the same order", e.Message);
        LongSeries[] late = [Test[0] with { Start = Period.OfMonth(2024, 3) }, Test[1]];
        e = Assert.Throws<AnalyticsException>(() => YearToDateBacktest.Run(Train, late, Options(Script())));
        Assert.Equal("series a: the test data starts at 2024-03, not right after the training data's last period 2023-12", e.Message);
    }

    [Fact]
    public void No_eligible_series_is_an_error()
    {
        var e = Assert.Throws<AnalyticsException>(() => YearToDateBacktest.Run([Train[1]], [Test[1]], Options(Script())));
        Assert.Equal("no series has a whole calendar year in its test window and the whole year before it in its history (1 series)", e.Message);
    }

    [Fact]
    public void The_command_prints_the_columns_of_the_issue_and_the_librarys_numbers()
    {
        string dir = Path.Combine(Path.GetTempPath(), "ytd-backtest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string train = Path.Combine(dir, "train.csv"), test = Path.Combine(dir, "test.csv");
            File.WriteAllText(train, Csv(Train));
            File.WriteAllText(test, Csv(Test));
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            ForecasterCatalogue models = ForecasterCatalogue.Core.With("scripted", Script);
            int exit = AnalyticsCli.Run(["backtest-ytd", "--train", train, "--test", test, "--growth=0,0.2", "--model", "scripted", "--paths", "2", "--format", "csv"], stdout, stderr, models);
            Assert.Equal("", stderr.ToString());
            Assert.Equal(0, exit);
            string[] lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("months,cases,base_rate,brier,ece,brier_prorata,brier_annual,ece_floor", lines[0]);
            Assert.Equal(13, lines.Length);
            Assert.Equal("0,2,0.5,0.125,0.25,0.5,0.125,0.25", lines[1]);
            Assert.Equal("3,2,0.5,0.125,0.25,0,0.125,0.25", lines[4]);
            Assert.Equal("11,2,0.5,0,0,0,0.125,0", lines[12]);

            // --reliability: per k, the bins with cases — 0 (missed) and ½ (met) at k = 0 and 3, 0 and 1 at k = 11.
            using var reliability = new StringWriter();
            exit = AnalyticsCli.Run(["backtest-ytd", "--train", train, "--test", test, "--growth=0,0.2", "--model", "scripted", "--paths", "2", "--reliability", "--format", "csv"], reliability, stderr, models);
            Assert.Equal(0, exit);
            string[] rows = reliability.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("months,lower,upper,cases,mean_probability,observed_frequency", rows[0]);
            Assert.Equal(["0,0,0.1,1,0,0", "0,0.5,0.6,1,0.5,1"], rows.Where(r => r.StartsWith("0,", StringComparison.Ordinal)));
            Assert.Equal(["3,0,0.1,1,0,0", "3,0.5,0.6,1,0.5,1"], rows.Where(r => r.StartsWith("3,", StringComparison.Ordinal)));
            Assert.Equal(["11,0,0.1,1,0,0", "11,0.9,1,1,1,1"], rows.Where(r => r.StartsWith("11,", StringComparison.Ordinal)));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void The_command_refuses_yearly_data_in_one_line()
    {
        string dir = Path.Combine(Path.GetTempPath(), "ytd-backtest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string train = Path.Combine(dir, "train.csv"), test = Path.Combine(dir, "test.csv");
            File.WriteAllText(train, "unique_id,ds,y\ny1,2020,1\ny1,2021,2\n");
            File.WriteAllText(test, "unique_id,ds,y\ny1,2022,3\n");
            Assert.Equal("error: series y1: year-to-date backtests need monthly or quarterly series, not yearly ones\n",
                Cli.CliRunner.Refused("yearly", "backtest-ytd", "--train", train, "--test", test, "--growth=0").ReplaceLineEndings("\n"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static double[] Seasonal(int n, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(t => 100 + (20 * Math.Sin(2 * Math.PI * t / 12)) + (0.3 * t) + (5 * random.NextDouble()))];
    }

    private static string Csv(IEnumerable<LongSeries> series) =>
        "unique_id,ds,y\n" + string.Concat(series.SelectMany(s => s.Values.ToArray().Select((v, i) => $"{s.Id},{s.Start + i},{v}\n")));
}
