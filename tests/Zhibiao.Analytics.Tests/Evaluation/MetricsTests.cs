using Zhibiao.Analytics.Evaluation;
using CsCheck;

namespace Zhibiao.Analytics.Tests.Evaluation;

/// <summary>
/// Metrics on cases worked by hand (metrics-hand.csv). Case a: errors 10, 5, 0 give MAE 5, RMSE √(125/3), MAPE
/// 100·(10/100 + 5/110)/3, sMAPE (200·10/190 + 200·5/225)/3; the naive scale (10 + 10 + 5)/3 gives MASE 0.6; 120 lies
/// below its interval [121, 130], so coverage is 2/3 and the 80% interval score (39 + 10·1)/3. Case b: m = 2, a zero
/// actual value is left out of MAPE and counts 0 in sMAPE. Case c: a constant training series has no MASE or MSIS.
/// Case d: both values miss their 50% intervals (penalty 2/0.5 = 4), 8 by 2 below [10, 12] and 14 by 4 above [6, 10]:
/// interval score (2 + 4 + 4·2 + 4·4)/2 = 15, scale (2 + 3)/2 = 2.5, MSIS 6; MAE 3, RMSE √10, MAPE 100·(2/8 + 4/14)/2,
/// sMAPE (200·2/18 + 200·4/24)/2, MASE 1.2.
/// </summary>
public class MetricsTests
{
    public static TheoryData<string> Cases() => [.. Golden.Rows("Evaluation/metrics-hand.csv").Select(r => r["case"])];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Metrics_match_the_hand_worked_values(string name)
    {
        var row = Golden.Rows("Evaluation/metrics-hand.csv").Single(r => r["case"] == name);
        double[] y = row.Vector("actual"), f = row.Vector("forecast"), lo = row.Vector("lower"), hi = row.Vector("upper"), x = row.Vector("insample");
        int m = (int)row.Number("season_length");
        double level = row.Number("level"), tol = row.Number("tolerance");
        Check(row, "mae", Metrics.Mae(y, f), tol);
        Check(row, "rmse", Metrics.Rmse(y, f), tol);
        Check(row, "mape", Metrics.Mape(y, f), tol);
        Check(row, "smape", Metrics.Smape(y, f), tol);
        Check(row, "mase", Metrics.Mase(y, f, x, m), tol);
        Check(row, "coverage", Metrics.Coverage(y, lo, hi), tol);
        Check(row, "interval_score", Metrics.IntervalScore(y, lo, hi, level), tol);
        Check(row, "msis", Metrics.Msis(y, lo, hi, level, x, m), tol);
    }

    [Fact]
    public void Smape_is_symmetric_and_between_0_and_200() =>
        Gen.Select(Gen.Double[-1e6, 1e6].Array[1, 20], Gen.Double[-1e6, 1e6].Array[1, 20]).SamplePinned((a, b) =>
        {
            int n = Math.Min(a.Length, b.Length);
            double s = Metrics.Smape(a.AsSpan(0, n), b.AsSpan(0, n));
            Assert.Equal(s, Metrics.Smape(b.AsSpan(0, n), a.AsSpan(0, n)), 9);
            Assert.InRange(s, 0, 200 + 1e-9);
        });

    [Fact]
    public void The_in_sample_seasonal_naive_forecast_has_a_mase_of_one() =>
        Gen.Select(Gen.Int[1, 12], Gen.Double[-100, 100].Array[30, 60]).SamplePinned((m, x) =>
        {
            double mase = Metrics.Mase(x.AsSpan(m), x.AsSpan(0, x.Length - m), x, m);
            Assert.Equal(1, mase, 9);
        });

    [Fact]
    public void Rmse_is_at_least_mae_and_interval_scores_at_least_the_width() =>
        Gen.Select(Gen.Double[-100, 100].Array[3], Gen.Double[-100, 100].Array[3], Gen.Double[0, 50].Array[3], Gen.Double[1, 99]).SamplePinned((y, f, w, level) =>
        {
            Assert.True(Metrics.Rmse(y, f) >= Metrics.Mae(y, f) - 1e-12);
            double[] lo = [.. f.Select((v, i) => v - w[i])], hi = [.. f.Select((v, i) => v + w[i])];
            Assert.True(Metrics.IntervalScore(y, lo, hi, level) >= (2 * w.Average()) - 1e-9);
            Assert.InRange(Metrics.Coverage(y, lo, hi), 0, 1);
        });

    [Fact]
    public void Owa_of_naive2_against_itself_is_one() => Assert.Equal(1, Metrics.Owa(17.9, 3.17, 17.9, 3.17), 12);

    [Fact]
    public void Values_on_the_bounds_are_inside_the_interval() =>
        Assert.Equal(1, Metrics.Coverage([1, 3], [1, 0], [2, 3]));

    [Fact]
    public void Every_measure_refuses_spans_of_different_lengths_and_names_the_counts()
    {
        const string Counts = "2 actual values but 1 forecast values";
        double[] two = [1, 2], one = [1];
        Assert.Contains(Counts, Assert.Throws<ArgumentException>(() => Metrics.Rmse(two, one)).Message, StringComparison.Ordinal);
        Assert.Contains(Counts, Assert.Throws<ArgumentException>(() => Metrics.Mape(two, one)).Message, StringComparison.Ordinal);
        Assert.Contains(Counts, Assert.Throws<ArgumentException>(() => Metrics.Coverage(two, one, two)).Message, StringComparison.Ordinal);
        Assert.Contains(Counts, Assert.Throws<ArgumentException>(() => Metrics.Coverage(two, two, one)).Message, StringComparison.Ordinal);
        Assert.Contains(Counts, Assert.Throws<ArgumentException>(() => Metrics.IntervalScore(two, one, two, 80)).Message, StringComparison.Ordinal);
        Assert.Contains(Counts, Assert.Throws<ArgumentException>(() => Metrics.IntervalScore(two, two, one, 80)).Message, StringComparison.Ordinal);
        Assert.Contains("no values to score", Assert.Throws<ArgumentException>(() => Metrics.Rmse([], [])).Message, StringComparison.Ordinal);
        Assert.Contains("no values to score", Assert.Throws<ArgumentException>(() => Metrics.Mape([], [])).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(double.NaN)]
    public void Interval_levels_outside_0_to_100_are_refused(double level)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Metrics.IntervalScore([1], [0], [2], level));
        Assert.Contains("strictly between 0 and 100", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_season_length_below_one_is_refused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Metrics.SeasonalNaiveScale([1, 2, 3], 0));
        Assert.Equal("seasonLength", e.ParamName);
        Assert.Contains("the season length must be at least 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mismatched_or_empty_inputs_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Metrics.Mae([1, 2], [1]));
        Assert.Throws<ArgumentException>(() => Metrics.Smape([], []));
        Assert.Throws<ArgumentOutOfRangeException>(() => Metrics.IntervalScore([1], [0], [2], 100));
        Assert.True(double.IsNaN(Metrics.SeasonalNaiveScale([1, 2, 3], 3)));
    }

    private static void Check(Csv.Row row, string column, double actual, double tolerance)
    {
        double expected = row.Number(column);
        if (double.IsNaN(expected)) Assert.True(double.IsNaN(actual), $"{row["case"]} {column}: expected NaN, got {actual}");
        else Golden.Close(expected, actual, tolerance, $"{row["case"]} {column}");
    }
}
