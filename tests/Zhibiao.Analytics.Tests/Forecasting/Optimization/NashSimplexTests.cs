using Zhibiao.Analytics.Forecasting.Optimization;
using CsCheck;

namespace Zhibiao.Analytics.Tests.Forecasting.Optimization;

public class NashSimplexTests
{
    private static readonly NelderMeadOptions Nash = new() { MaxIterations = 5000, Tolerance = 1e-12, Variant = NelderMeadVariant.Nash };

    private static double Quadratic(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++) s += (i + 1) * (x[i] - (0.5 * i)) * (x[i] - (0.5 * i));
        return s;
    }

    [Fact]
    public void Finds_the_minimum_of_a_quadratic()
    {
        OptimizationResult r = NelderMead.Minimize(Quadratic, [3, 3, 3], [-10, -10, -10], [10, 10, 10], Nash);
        Assert.True(r.Converged);
        Assert.Equal(0, r.Point[0], 3);
        Assert.Equal(0.5, r.Point[1], 3);
        Assert.Equal(1, r.Point[2], 3);
    }

    [Fact]
    public void Points_outside_the_bounds_are_never_evaluated()
    {
        bool outside = false;
        OptimizationResult r = NelderMead.Minimize(
            x =>
            {
                if (x[0] < 1 || x[0] > 2) outside = true;
                return (x[0] - 5) * (x[0] - 5);
            },
            [1.5], [1], [2], Nash);
        Assert.False(outside);
        Assert.InRange(r.Point[0], 1.99, 2);
    }

    [Fact]
    public void Batch_evaluation_takes_the_same_path_as_one_point_at_a_time()
    {
        Gen.Select(Gen.Double[-5, 5].Array[3], Gen.Double[0.1, 3]).SamplePinned((start, scale) =>
        {
            double F(ReadOnlySpan<double> x) => Quadratic(x) * scale + Math.Sin(3 * x[0]);
            var options = new NelderMeadOptions { MaxIterations = 500, Tolerance = 1e-10, Variant = NelderMeadVariant.Nash };
            OptimizationResult one = NelderMead.Minimize(F, start, [-6, -6, -6], [6, 6, 6], options);
            OptimizationResult batch = NelderMead.Minimize(
                (points, values) =>
                {
                    int k = values.Length, n = points.Length / k;
                    Span<double> x = stackalloc double[n];
                    for (int j = 0; j < k; j++)
                    {
                        for (int i = 0; i < n; i++) x[i] = points[(i * k) + j];
                        values[j] = F(x);
                    }
                },
                start, [-6, -6, -6], [6, 6, 6], options);
            return one.Value == batch.Value && one.Evaluations == batch.Evaluations && one.Point.SequenceEqual(batch.Point);
        }, iter: 100);
    }
}
