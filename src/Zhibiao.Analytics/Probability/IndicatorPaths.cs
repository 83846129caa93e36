namespace Zhibiao.Analytics.Probability;

/// <summary>
/// Simulated future levels of an indicator (<see cref="Simulate"/>): step h of <see cref="Paths"/>
/// is the period latest + h, values in the indicator's unit.
/// </summary>
/// <param name="Series">The observed series the paths continue.</param>
/// <param name="Paths">The paths, steps 1..H.</param>
/// <param name="Method">The model that produced them.</param>
/// <param name="Notes">What the reader should know (filled gaps, qualified figures drawn as intervals, short series).</param>
internal sealed record IndicatorPaths(IndicatorSeries Series, SamplePaths Paths, string Method, IReadOnlyList<string> Notes)
{
    /// <summary>
    /// The sample paths of an indicator's levels for the next <paramref name="horizon"/> periods, from the simulation
    /// behind P(met) (gaps filled, qualified and rounded figures drawn as intervals, the same model and seed): with the
    /// horizon of a level target's deadline, the quantiles at the last step are its forecast's median and intervals. For fan charts.
    /// </summary>
    /// <exception cref="AnalyticsException">The series has fewer than two values, or the horizon is out of range.</exception>
    public static IndicatorPaths Simulate(IndicatorSeries series, int horizon, AssessmentOptions? options = null) => TargetAssessor.Simulate(series, horizon, options);

    /// <summary>The latest observed period: step h is this period + h.</summary>
    public Period Origin => Series.Latest!.Period;

    /// <summary>Number of steps.</summary>
    public int Horizon => Paths.Horizon;

    /// <summary>The period of step h (1-based).</summary>
    public Period PeriodOf(int h) => Origin + h;

    /// <summary>The type-7 quantile of the level at step h (1-based): 0.5 the median, 0.1 and 0.9 the central 80% band.</summary>
    public double Quantile(int h, double probability) => Paths.Quantile(h, probability);
}
