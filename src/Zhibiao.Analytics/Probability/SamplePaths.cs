using Zhibiao.Analytics.Forecasting;

namespace Zhibiao.Analytics.Probability;

/// <summary>A condition on one simulated path (its steps 1..H).</summary>
internal delegate bool PathPredicate(ReadOnlySpan<double> path);

/// <summary>
/// Simulated future paths of a series: <see cref="Count"/> paths of <see cref="Horizon"/> steps, path p step h at
/// index p·Horizon + h − 1. Probabilities of events are the share of paths in which they happen (the approach of
/// the UN's probabilistic projections).
/// </summary>
public sealed class SamplePaths
{
    private readonly double[] _values;

    /// <summary>Paths from a flat array (path-major).</summary>
    /// <exception cref="ArgumentException">The array does not hold whole paths.</exception>
    public SamplePaths(double[] values, int horizon)
    {
        if (horizon < 1 || values.Length == 0 || values.Length % horizon != 0)
            throw new ArgumentException("the array must hold one or more whole paths", nameof(values));
        _values = values;
        Horizon = horizon;
    }

    /// <summary>Steps per path.</summary>
    public int Horizon { get; }

    /// <summary>Number of paths.</summary>
    public int Count => _values.Length / Horizon;

    /// <summary>Simulates <paramref name="count"/> paths from a fitted model with a fixed seed (reproducible).</summary>
    public static SamplePaths Simulate(IFittedModel model, int horizon, int count, int seed)
    {
        ForecastLimits.Check(horizon, []);
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "at least one path");
        var values = new double[checked(count * horizon)];
        model.SimulatePaths(horizon, values, new Random(seed));
        return new SamplePaths(values, horizon);
    }

    /// <summary>All paths of several sets one after another (a mixture with weights proportional to their counts).</summary>
    /// <exception cref="ArgumentException">The sets have different horizons, or there are none.</exception>
    public static SamplePaths Concat(IReadOnlyList<SamplePaths> sets)
    {
        if (sets.Count == 0) throw new ArgumentException("no paths", nameof(sets));
        int h = sets[0].Horizon;
        if (sets.Any(s => s.Horizon != h)) throw new ArgumentException("paths of different horizons", nameof(sets));
        return new SamplePaths([.. sets.SelectMany(s => s._values)], h);
    }

    /// <summary>The value of path <paramref name="path"/> at step <paramref name="h"/> (1-based).</summary>
    public double this[int path, int h] => _values[(path * Horizon) + h - 1];

    /// <summary>The values at step h (1-based) over all paths, sorted.</summary>
    public double[] SortedAt(int h)
    {
        RequireStep(h);
        var v = new double[Count];
        for (int p = 0; p < v.Length; p++) v[p] = _values[(p * Horizon) + h - 1];
        Array.Sort(v);
        return v;
    }

    /// <summary>The share of paths with f(path) true, where f sees one path's steps 1..H.</summary>
    internal double Share(PathPredicate f)
    {
        int hits = 0;
        for (int p = 0; p < Count; p++)
            if (f(_values.AsSpan(p * Horizon, Horizon))) hits++;
        return hits / (double)Count;
    }

    /// <summary>The share of paths whose value at step h is at least <paramref name="threshold"/>.</summary>
    public double ShareAtLeast(int h, double threshold)
    {
        RequireStep(h);
        int hits = 0;
        for (int p = 0; p < Count; p++)
            if (_values[(p * Horizon) + h - 1] >= threshold) hits++;
        return hits / (double)Count;
    }

    /// <summary>The type-7 quantile of the values at step h.</summary>
    public double Quantile(int h, double probability) => FittedModel.Quantile(SortedAt(h), probability);

    private void RequireStep(int h)
    {
        if (h < 1 || h > Horizon) throw new ArgumentOutOfRangeException(nameof(h), h, $"step must be between 1 and {Horizon}");
    }
}
