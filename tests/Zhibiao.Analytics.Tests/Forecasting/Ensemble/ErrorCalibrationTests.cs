using Zhibiao.Analytics.Forecasting.Ensemble;
using CsCheck;

namespace Zhibiao.Analytics.Tests.Forecasting.Ensemble;

public class ErrorCalibrationTests
{
    [Fact]
    public void Calibrated_errors_round_trip_and_scale_is_never_zero()
    {
        Gen.Select(Gen.Double[-1e6, 1e6], Gen.Double[-1e6, 1e6], Gen.Int[1, 20], Gen.Double[1e-3, 1e4]).SamplePinned((y, f, h, d) =>
            Math.Abs(ErrorCalibration.Apply(f, ErrorCalibration.Normalise(y, f, h, d), h, d) - y) <= 1e-6 * (1 + Math.Abs(y)));
    }

    [Fact]
    public void Calibration_quantiles_are_the_pooled_scores_and_their_mirror_images()
    {
        // Step 1 pools 1..5 and −1..−5; step 2 pools −2..2 twice.
        var c = new ErrorCalibration([[1, -2], [2, -1], [3, 0], [4, 1], [5, 2]], 2);
        Assert.Equal(10, c.Count);
        Assert.Equal(0, c.Quantile(1, 0.5), 12);
        Assert.Equal(-5, c.Quantile(1, 0), 12);
        Assert.Equal(4.55, c.Quantile(1, 0.95), 12); // type 7: position 0.95 × 9 = 8.55 between 4 and 5
        Assert.Equal(-2, c.Quantile(2, 0), 12);
        Assert.Equal(2, c.Quantile(7, 1), 12); // steps beyond the horizon use the last one
        Assert.Throws<ArgumentException>(() => new ErrorCalibration([], 2));
        var e = Assert.Throws<ArgumentException>(() => new ErrorCalibration([[1, 2], [3], [4, 5]], 2)); // one vector short
        Assert.Contains("error vectors of the horizon's length", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_drawn_vector_scores_each_step_and_repeats_its_last_beyond_the_horizon()
    {
        var c = new ErrorCalibration([[1, 2, 3]], 3);
        double[] v = [0.5, -1, 2];
        Assert.Equal(0.5, c.Score(v, 1));
        Assert.Equal(-1, c.Score(v, 2));
        Assert.Equal(2, c.Score(v, 3));
        Assert.Equal(2, c.Score(v, 9));
    }

    [Fact]
    public void The_error_scale_is_the_recent_mean_absolute_seasonal_change()
    {
        // Quarterly: the last max(6, 8) = 8 changes at lag 4 are each 4.
        double[] y = [.. Enumerable.Range(0, 16).Select(t => (double)t + (10 * (t % 4)))];
        Assert.Equal(4, ErrorCalibration.Scale(y, 4), 12);
        Assert.Equal(2, ErrorCalibration.Scale([0, 10, 12, 14, 16, 18, 20, 22]), 12); // yearly: the last 6 changes
        Assert.Equal(0.005, ErrorCalibration.Scale([5, 5, 5, 5]), 12); // a constant series keeps a scale
        Assert.Equal(0.005, ErrorCalibration.Scale([5]), 12); // one value: no change at all, the floor
        Assert.Equal(2.5, ErrorCalibration.Scale([0, 1, 2, 3, 4, 5, 6, 16]), 12); // yearly: the last 6 changes, 1, 1, 1, 1, 1, 10
        Assert.Equal(2.5, ErrorCalibration.Scale([1, 3, 6], 4), 12); // no more values than a season: steps, (2 + 3) / 2
        Assert.Equal(3, ErrorCalibration.Scale([1, 3, 6, 10], 4), 12); // exactly a season: steps, (2 + 3 + 4) / 3
        // Quarterly: lag-4 changes of 4, but 20 at t = 8 and 9; the last 8 changes average (20 + 20 + 6 · 4) / 8 = 8.
        var q = new double[16];
        for (int t = 4; t < 16; t++) q[t] = q[t - 4] + (t is 8 or 9 ? 20 : 4);
        Assert.Equal(8, ErrorCalibration.Scale(q, 4), 12);
    }

    [Fact]
    public void The_length_exponent_of_an_exact_power_law_is_its_exponent_clamped_to_zero_and_one()
    {
        double[] lengths = [10, 20, 40, 80, 160];
        Assert.Equal(0.5, ErrorCalibration.EstimateLengthExponent(lengths, [.. lengths.Select(n => 3 / Math.Sqrt(n))]), 12);
        Assert.Equal(1, ErrorCalibration.EstimateLengthExponent(lengths, [.. lengths.Select(n => 3 / (n * n))]), 12);
        Assert.Equal(0, ErrorCalibration.EstimateLengthExponent(lengths, [.. lengths.Select(n => 3 * Math.Sqrt(n))]), 12); // errors that grow
    }

    [Fact]
    public void The_length_exponent_is_shrunk_by_its_noise()
    {
        // ln n = 0, 1, 2 and ln |s| = 0, −1, −1: slope b = −1/2, residuals 1/6, −1/3, 1/6, se² = (1/6) / 1 / 2 = 1/12,
        // so a = 1/2 · (1 − (1/12) / (1/4)) = 1/3 (worked by hand).
        Assert.Equal(1.0 / 3, ErrorCalibration.EstimateLengthExponent([1, Math.E, Math.E * Math.E], [1, 1 / Math.E, 1 / Math.E]), 12);
        // ln n = 0, 1, 2, 3 and ln |s| = 0, −1, −1, −2: b = −3/5, residuals 0.1, −0.3, 0.3, −0.1, rss 0.2,
        // se² = 0.2 / 2 / 5 = 0.02, so a = 0.6 · (1 − 0.02 / 0.36) = 17/30.
        double e = Math.E;
        Assert.Equal(17.0 / 30, ErrorCalibration.EstimateLengthExponent([1, e, e * e, e * e * e], [1, 1 / e, 1 / e, 1 / (e * e)]), 12);
    }

    [Fact]
    public void Series_with_a_length_or_error_that_is_not_positive_and_finite_are_left_out()
    {
        double[] lengths = [10, 20, 40, 80];
        double[] errors = [.. lengths.Select(n => 3 / Math.Sqrt(n))];
        (double Length, double Error)[] unusable = [(0, 1), (-5, 1), (double.PositiveInfinity, 1), (double.NaN, 1), (30, 0), (30, -1), (30, double.PositiveInfinity), (30, double.NaN)];
        foreach ((double length, double error) in unusable)
            Assert.Equal(0.5, ErrorCalibration.EstimateLengthExponent([.. lengths, length], [.. errors, error]), 12);
        var mismatch = Assert.Throws<ArgumentException>(() => ErrorCalibration.EstimateLengthExponent([10, 20, 40], [1, 0.5]));
        Assert.Contains("3 lengths but 2 mean errors", mismatch.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_length_exponent_is_zero_without_a_spread_of_lengths_or_enough_series()
    {
        Assert.Equal(0, ErrorCalibration.EstimateLengthExponent([30, 30, 30, 30], [0.5, 0.4, 0.9, 0.2]), 12);
        Assert.Equal(0, ErrorCalibration.EstimateLengthExponent([10, 40], [1, 0.5]), 12);
        // Series whose mean error is zero or not finite are left out, so only two remain.
        Assert.Equal(0, ErrorCalibration.EstimateLengthExponent([10, 40, 20, 80], [1, 0.5, 0, double.NaN]), 12);
    }

    [Fact]
    public void The_length_exponent_does_not_depend_on_the_units_of_errors_or_lengths()
    {
        Gen.Select(Gen.Double[0.5, 3].Array[4, 12], Gen.Double[1e-3, 1e3], Gen.Double[0.1, 10]).SamplePinned((noise, c, k) =>
        {
            double[] lengths = [.. noise.Select((_, i) => 10.0 + (7 * i))];
            double[] errors = [.. noise.Select((e, i) => e / Math.Sqrt(lengths[i]))];
            double a = ErrorCalibration.EstimateLengthExponent(lengths, errors);
            double scaled = ErrorCalibration.EstimateLengthExponent([.. lengths.Select(n => n * k)], [.. errors.Select(e => e * c)]);
            return a >= 0 && a <= 1 && Math.Abs(a - scaled) <= 1e-9;
        });
    }

    [Fact]
    public void The_naive_score_is_the_seasonal_naive_error_over_d_root_k()
    {
        // y_t = t + 10·(t mod 4), t = 0..13: from n = 8 values the seasonal naive repeats y_4..y_7, so each step misses
        // by 4 in its first season and by 8 in the next.
        double[] y = [.. Enumerable.Range(0, 14).Select(t => (double)t + (10 * (t % 4)))];
        Assert.Equal(1, ErrorCalibration.NaiveScore(y, 8, 1, 4, 4), 12);
        Assert.Equal(4 / (4 * Math.Sqrt(4)), ErrorCalibration.NaiveScore(y, 8, 4, 4, 4), 12);
        Assert.Equal(8 / (4 * Math.Sqrt(5)), ErrorCalibration.NaiveScore(y, 8, 5, 4, 4), 12);
        // No more values than a season: the naive forecast y_{n−1}; y_3 = 33, y_5 = 15.
        Assert.Equal((15 - 33) / (2 * Math.Sqrt(2)), ErrorCalibration.NaiveScore(y, 4, 2, 4, 2), 12);
        Assert.Equal((y[6] - y[3]) / (3 * Math.Sqrt(3)), ErrorCalibration.NaiveScore(y, 4, 3, 1, 3), 12);
    }

    [Fact]
    public void The_recency_factor_is_the_ratio_of_the_95_percent_quantiles_of_absolute_errors()
    {
        // |latest| 1..5: type 7 at 0.95 is 4 + 0.8 = 4.8; |at validation| 2..10: 9.6; the factor is 0.5. Signs do not
        // matter and errors that are not finite are left out.
        double[] latest = [1, -2, 3, -4, 5, double.NaN], validation = [2, 4, -6, 8, -10, double.PositiveInfinity];
        Assert.Equal(0.5, ErrorCalibration.RecencyFactor(latest, validation, 5), 12);
        Assert.Equal(2, ErrorCalibration.RecencyFactor(validation, latest, 5), 12);
        Assert.Equal(1, ErrorCalibration.RecencyFactor(latest, validation, 6), 12); // five finite errors are too few
        Assert.Equal(1, ErrorCalibration.RecencyFactor(latest, [0, 0, 0, 0, 0], 5), 12); // nothing to divide by
        Assert.Equal(1, ErrorCalibration.RecencyFactor([], [], 0), 12);
        Assert.Equal(1, ErrorCalibration.RecencyFactor(latest, validation[..2], 5), 12); // only the validation side too short
        Assert.Equal(1, ErrorCalibration.RecencyFactor(latest[..2], validation, 5), 12); // only the latest side too short
        Assert.Equal(1, ErrorCalibration.RecencyFactor([0, 0, 0, 0, 0], validation, 5), 12); // latest errors all zero
    }
}
