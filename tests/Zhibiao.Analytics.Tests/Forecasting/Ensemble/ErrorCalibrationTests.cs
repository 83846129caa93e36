using Zhibiao.Analytics.Forecasting.Ensemble;
using CsCheck;

namespace Zhibiao.Analytics.Tests.Forecasting.Ensemble;

public class ErrorCalibrationTests
{
    [Fact]
    public void Calibrated_errors_round_trip_and_scale_is_never_zero()
    {
        Gen.Select(Gen.Double[-1e6, 1e6], Gen.Double[-1e6, 1e6], Gen.Int[1, 20], Gen.Double[1e-3, 1e4]).Sample((y, f, h, d) =>
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
    }

    [Fact]
    public void The_error_scale_is_the_recent_mean_absolute_seasonal_change()
    {
        // Quarterly: the last max(6, 8) = 8 changes at lag 4 are each 4.
        double[] y = [.. Enumerable.Range(0, 16).Select(t => (double)t + (10 * (t % 4)))];
        Assert.Equal(4, ErrorCalibration.Scale(y, 4), 12);
        Assert.Equal(2, ErrorCalibration.Scale([0, 10, 12, 14, 16, 18, 20, 22]), 12); // yearly: the last 6 changes
        Assert.Equal(0.005, ErrorCalibration.Scale([5, 5, 5, 5]), 12); // a constant series keeps a scale
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
    }

    [Fact]
    public void The_length_exponent_is_zero_without_a_spread_of_lengths_or_enough_series()
    {
        Assert.Equal(0, ErrorCalibration.EstimateLengthExponent([30, 30, 30, 30], [0.5, 0.4, 0.9, 0.2]), 12);
        Assert.Equal(0, ErrorCalibration.EstimateLengthExponent([10, 40], [1, 0.5]), 12);
        // Series whose mean error is zero or not finite are left out, so only two remain.
        Assert.Equal(0, ErrorCalibration.EstimateLengthExponent([10, 40, 20, 80], [1, 0.5, 0, double.NaN]), 12);
        Assert.Throws<ArgumentException>(() => ErrorCalibration.EstimateLengthExponent([10, 20, 40], [1, 0.5]));
    }

    [Fact]
    public void The_length_exponent_does_not_depend_on_the_units_of_errors_or_lengths()
    {
        Gen.Select(Gen.Double[0.5, 3].Array[4, 12], Gen.Double[1e-3, 1e3], Gen.Double[0.1, 10]).Sample((noise, c, k) =>
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
    }
}
