using Zhibiao.Analytics.Forecasting;

namespace Zhibiao.Analytics.Tests.Forecasting;

/// <summary>Means and variances of a fitted model's simulated sample paths, to check them against its intervals.</summary>
internal static class PathMoments
{
    /// <summary>The paths of <paramref name="count"/> draws, path p's step h at [p·horizon + h − 1].</summary>
    public static double[] Simulate(IFittedModel fit, int horizon, int count, int seed)
    {
        var paths = new double[count * horizon];
        fit.SimulatePaths(horizon, paths, new Random(seed));
        return paths;
    }

    /// <summary>Mean and (population) variance of values: Σv/n and Σv²/n − mean².</summary>
    public static (double Mean, double Variance) Of(IEnumerable<double> values)
    {
        double sum = 0, squares = 0;
        int n = 0;
        foreach (double v in values)
        {
            sum += v;
            squares += v * v;
            n++;
        }

        double mean = sum / n;
        return (mean, (squares / n) - (mean * mean));
    }

    /// <summary>Mean and variance at each step over <paramref name="count"/> simulated paths, of the values or of transform(value).</summary>
    public static (double[] Mean, double[] Variance) PerStep(IFittedModel fit, int horizon, int count, int seed, Func<double, double>? transform = null)
    {
        double[] paths = Simulate(fit, horizon, count, seed);
        var mean = new double[horizon];
        var variance = new double[horizon];
        for (int h = 0; h < horizon; h++)
        {
            int step = h;
            (mean[h], variance[h]) = Of(Enumerable.Range(0, count).Select(p => paths[(p * horizon) + step]).Select(transform ?? (v => v)));
        }

        return (mean, variance);
    }
}
