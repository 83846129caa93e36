using Zhibiao.Analytics.Probability;

namespace Zhibiao.Analytics.Tests.Probability;

/// <summary><see cref="YearToDateCalibration"/>: the errors, the correction and the adjusted paths worked by hand.</summary>
public class YearToDateCalibrationTests
{
    [Fact]
    public void The_correction_is_worked_by_hand()
    {
        // No earlier year: the paths as they are.
        Assert.Equal((1.0, 0.0), YearToDateCalibration.Correction([]));

        // Two years three half-spreads out on either side (E = 1): s = √((2 + 9 + 9)/(2 + 2)) = √5, no shift.
        (double s, double b) = YearToDateCalibration.Correction([(3, 1), (-3, 1)]);
        Assert.Equal(Math.Sqrt(5), s, 12);
        Assert.Equal(0, b, 12);

        // Two years one half-spread above: s = √((2 + 1 + 1)/4) = 1, b = 2/(5 + 2).
        (s, b) = YearToDateCalibration.Correction([(1, 1), (1, 1)]);
        Assert.Equal(1, s, 12);
        Assert.Equal(2.0 / 7, b, 12);

        // Errors smaller than the paths' own (z² = ¼ of E = 1): narrowed, √((2 + ¼ + ¼)/4).
        Assert.Equal(Math.Sqrt(2.5 / 4), YearToDateCalibration.Correction([(0.5, 1), (-0.5, 1)]).Scale, 12);
    }

    /// <summary>
    /// Remaining parts e⁻¹, 1, e (published 10): on the log scale −1, 0, 1, median 0, half-spread
    /// (0.6826 − (−0.6826))/2 = 0.6826 (interpolated quantiles of three values).
    /// </summary>
    [Fact]
    public void Errors_and_adjusted_paths_are_on_the_log_scale_of_the_remaining_part()
    {
        double[] totals = [10 + Math.Exp(-1), 11, 10 + Math.E];
        const double half = 0.6826;
        (double z, double e) = YearToDateCalibration.Error(totals, 10, 10 + Math.Exp(2 * half))!.Value;
        Assert.Equal(2, z, 9);
        Assert.Equal(2 / (3 * half * half), e, 9);

        // Stretched twice about the median: e⁻², 1, e²; moved up by one half-spread: e^(x + 0.6826).
        double[] wide = YearToDateCalibration.Adjust(totals, 10, (2, 0));
        Assert.Equal([10 + Math.Exp(-2), 11, 10 + Math.Exp(2)], wide, (x, y) => Math.Abs(x - y) < 1e-9);
        double[] up = YearToDateCalibration.Adjust(totals, 10, (1, 1));
        Assert.Equal([10 + Math.Exp(-1 + half), 10 + Math.Exp(half), 10 + Math.Exp(1 + half)], up, (x, y) => Math.Abs(x - y) < 1e-9);

        // No correction: the same totals.
        Assert.Equal(totals, YearToDateCalibration.Adjust(totals, 10, (1, 0)));
    }

    [Fact]
    public void A_remaining_part_that_is_not_positive_keeps_the_linear_scale()
    {
        // Remaining −1, 0, 1: linear, median 0, half-spread 0.6826; stretched twice: −2, 0, 2.
        double[] totals = [9, 10, 11];
        Assert.Equal([8, 10, 12], YearToDateCalibration.Adjust(totals, 10, (2, 0)), (x, y) => Math.Abs(x - y) < 1e-9);
        Assert.Equal(1 / 0.6826, YearToDateCalibration.Error(totals, 10, 11)!.Value.Z, 9);

        // Paths without spread: no error, and nothing to stretch.
        Assert.Null(YearToDateCalibration.Error([12, 12, 12], 10, 13));
        Assert.Equal([12.0, 12, 12], YearToDateCalibration.Adjust([12, 12, 12], 10, (2, 1)));
    }
}
