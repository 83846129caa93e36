using Zhibiao.Analytics.Cli;
using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Probability;
using Zhibiao.Analytics.Tests.Forecasting;

namespace Zhibiao.Analytics.Tests.Probability;

/// <summary>
/// <see cref="YearToDateBacktest"/> on a collection worked by hand. Series "a": 10 a month in 2022–2023 (training),
/// 11 a month in 2024 (test): last year 120, the year 132. Targets +0% (120, met) and +20% (144, missed). Half the
/// scripted paths bring 9 a month, half 12: after k months the year is 11k + 9(12 − k) = 108 + 2k or 144 − k.
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

            // P(≥ 120) is 1/2 until 108 + 2k reaches 120 at k = 6, then 1; P(≥ 144) is 1/2 at k = 0 (144 − 0), then 0.
            double brier = k == 0 ? 0.25 : k < 6 ? 0.125 : 0;
            double ece = k is > 0 and < 6 ? 0.25 : 0;
            Assert.Equal(brier, row.Model.Brier, 12);
            Assert.Equal(ece, row.Model.Ece, 12);

            // Pro-rata: at k = 0 "met" for both (one wrong); after, 11k ≥ T·k/12 is right for both.
            Assert.Equal(k == 0 ? 0.5 : 0, row.ProRata.Brier, 12);
            Assert.Equal(0.25, row.Annual.Brier, 12);
        }
    }

    /// <summary>
    /// Series "c": 10 a month in 2021–2022, 13 in 2023 (the calibration year, total 156), 11 in 2024 (the year judged,
    /// 132). Target −10%: 140.4, missed. In 2023 the scripted years 108 + 2k and 144 − k both fall below 156: PIT
    /// (2 + ½)/(2 + 1) = 5/6 at every k. In 2024 144 − k meets 140.4 up to k = 3: one path of two below, u = 1½/3 = ½,
    /// below the PIT: P(below) = (1 · 0 + 10 · ½)/(1 + 10) = 5/11 and P(met) = 6/11. From k = 4 both paths are below:
    /// u = 5/6 ties the PIT (counted half), P(below) = (1 · ½ + 10 · 1)/11 = 21/22 and P(met) = 1/22 — not 0, as the
    /// calibration year's actual beyond every path says.
    /// </summary>
    [Fact]
    public void Probabilities_are_calibrated_on_the_year_before_worked_by_hand()
    {
        LongSeries[] train = [new("c", Period.OfMonth(2021, 1), Enumerable.Repeat(10.0, 24).Concat(Enumerable.Repeat(13.0, 12)).ToArray())];
        LongSeries[] test = [new("c", Period.OfMonth(2024, 1), Enumerable.Repeat(11.0, 12).ToArray())];
        ScriptedForecaster script = Script();
        YearToDateBacktest r = YearToDateBacktest.Run(train, test, new() { Growth = [-0.1], Forecaster = script, Paths = 2, Calibrate = true });
        foreach (YearToDateScore row in r.Rows)
        {
            double p = row.Months <= 3 ? 6.0 / 11 : 1.0 / 22;
            Assert.Equal(p * p, row.Model.Brier, 12);
        }

        // Without calibration, the raw ½ up to k = 3 and 0 after.
        YearToDateBacktest raw = YearToDateBacktest.Run(train, test, new() { Growth = [-0.1], Forecaster = Script(), Paths = 2 });
        foreach (YearToDateScore row in raw.Rows) Assert.Equal(row.Months <= 3 ? 0.25 : 0, row.Model.Brier, 12);

        // 24 fits for the two years; the calibration year's first sees 2021–2022 only, the year judged's last 2021–2024-11.
        Assert.Equal(24, script.Seen.Count);
        Assert.Contains(script.Seen, h => h.Length == 24);
        Assert.Equal(47, script.Seen.Max(h => h.Length));
    }

    [Fact]
    public void A_calibration_uses_no_year_of_the_year_judged_or_later()
    {
        (int, double[])[] pits = [(2019, [0.25, 0.5]), (2023, [1, 1]), (2020, [0.75, 0])];
        YearToDateCalibration c2020 = YearToDateBacktest.Calibration(pits, 2020, 2);
        Assert.Equal((1, 1), (c2020.Count(0), c2020.Count(1)));

        // G(½) at k = 0 from the one PIT ¼: (1 · 1 + 10 · ½) / 11.
        Assert.Equal(6.0 / 11, c2020.Map(0, 0.5), 12);
        YearToDateCalibration c2024 = YearToDateBacktest.Calibration(pits, 2024, 2);
        Assert.Equal(3, c2024.Count(1));
    }

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
            Assert.Equal("months,cases,base_rate,brier,ece,brier_prorata,brier_annual", lines[0]);
            Assert.Equal(13, lines.Length);
            Assert.Equal("0,2,0.5,0.25,0,0.5,0.25", lines[1]);
            Assert.Equal("3,2,0.5,0.125,0.25,0,0.25", lines[4]);
            Assert.Equal("11,2,0.5,0,0,0,0.25", lines[12]);
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
