using MathNet.Numerics.Distributions;
using Zhibiao.Analytics.Forecasting;

namespace Zhibiao.Analytics.Probability;

/// <summary>
/// The forecast of a rate in percent (a growth rate, CPI, an unemployment rate) whose history is too short for a model:
/// a random walk in percentage points, y_{n+h} = y_n + s·√h·T_ν, with s² = the mean of the squared period-to-period
/// changes of the real observations, a change over a gap of g periods counting as one change of Δ/√g (interpolated
/// figures are not data: they would make the spread look small), and Student's t with ν = the number of changes: the
/// predictive of a change with mean 0 and unknown variance under the reference prior 1/σ² (Gelman et al., Bayesian Data
/// Analysis, §3.2), which carries the uncertainty of s. Rates move by points, not by factors, and may be negative, so the log random walk
/// of short level series does not fit them. Paths add one t-distributed step (scale s) per period.
/// </summary>
internal sealed class RateWalkModel : FittedModel
{
    private readonly double[] _y;
    private readonly double[] _fitted;
    private readonly double _scale;
    private readonly double _dof;

    private RateWalkModel(double[] y, double scale, double dof)
    {
        _y = y;
        _scale = scale;
        _dof = dof;
        _fitted = new double[y.Length];
        _fitted[0] = double.NaN;
        for (int t = 1; t < y.Length; t++) _fitted[t] = y[t - 1];
        Parameters = new Dictionary<string, double> { ["scale"] = scale, ["dof"] = dof };
    }

    /// <summary>The step scale s and the degrees of freedom ν from the real observations of a series (gaps stay gaps); null with fewer than two or no spread.</summary>
    public static (double Scale, double Dof)? Spread(IndicatorSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        double sum = 0;
        int n = 0;
        Observation? previous = null;
        foreach (Observation o in series)
        {
            if (previous is not null)
            {
                double change = o.Value.Value - previous.Value.Value;
                sum += change * change / (o.Period - previous.Period);
                n++;
            }

            previous = o;
        }

        return n == 0 || !(sum > 0) ? null : (Math.Sqrt(sum / n), n);
    }

    /// <summary>The walk from the history <paramref name="y"/> (its last value is the start) with the given step scale and degrees of freedom.</summary>
    public static RateWalkModel Fit(ReadOnlySpan<double> y, double scale, double dof) => new(y.ToArray(), scale, dof);

    /// <inheritdoc/>
    public override string Method => "Random walk in points (short history of a rate)";

    /// <inheritdoc/>
    public override IReadOnlyList<double> Fitted => _fitted;

    /// <inheritdoc/>
    public override IReadOnlyDictionary<string, double> Parameters { get; }

    /// <inheritdoc/>
    protected override ReadOnlySpan<double> Observations => _y;

    /// <summary>The last value at every step.</summary>
    protected override void PointForecast(Span<double> mean) => mean.Fill(_y[^1]);

    /// <summary>y_n ± t_ν·s·√h.</summary>
    protected override bool TryIntervals(ReadOnlySpan<double> mean, IReadOnlyList<double> levels, List<PredictionInterval> intervals)
    {
        foreach (double level in levels)
        {
            double t = StudentT.InvCDF(0, 1, _dof, 0.5 + (level / 200));
            var lower = new double[mean.Length];
            var upper = new double[mean.Length];
            for (int h = 1; h <= mean.Length; h++)
            {
                double sd = _scale * Math.Sqrt(h);
                lower[h - 1] = mean[h - 1] - (t * sd);
                upper[h - 1] = mean[h - 1] + (t * sd);
            }

            intervals.Add(new PredictionInterval(level, lower, upper));
        }

        return true;
    }

    /// <inheritdoc/>
    protected override void SimulatePath(Span<double> path, Random random)
    {
        double level = _y[^1];
        for (int h = 0; h < path.Length; h++)
        {
            level += _scale * StudentT.Sample(random, 0, 1, _dof);
            path[h] = level;
        }
    }
}
