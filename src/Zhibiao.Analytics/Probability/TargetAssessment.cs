namespace Zhibiao.Analytics.Probability;

/// <summary>Settings of <see cref="TargetAssessor"/>.</summary>
public sealed record AssessmentOptions
{
    /// <summary>The defaults.</summary>
    public static readonly AssessmentOptions Default = new();

    /// <summary>The model; null for the catalogue's default (<see cref="Forecasting.Forecasters.Default"/>).</summary>
    public Forecasting.IForecaster? Forecaster { get; init; }

    /// <summary>Sample paths in all (default 4000).</summary>
    public int Paths { get; init; } = 4000;

    /// <summary>Histories drawn when observations are qualified or rounded (default 40); each is refitted.</summary>
    public int Histories { get; init; } = 40;

    /// <summary>
    /// How far a qualified figure may lie from its face value, relative (default 0.05): "more than 3亿" is drawn
    /// from (3亿, 3.15亿], "nearly 1000万" from [950万, 1000万), "about" within ±2.5%.
    /// </summary>
    public double QualifierWidth { get; init; } = 0.05;

    /// <summary>Below this many real observations (filled gaps do not count) a short-history model is used (default 5): a random walk in points for a rate in percent, else the log random walk with drift and a prior volatility.</summary>
    public int MinimumForModel { get; init; } = 5;

    /// <summary>The seed of the simulation; equal seeds give equal answers.</summary>
    public int Seed { get; init; } = 2025;

    /// <summary>Options of the deterministic tracking reported beside the probability.</summary>
    public TrackingOptions? Tracking { get; init; }
}

/// <summary>
/// How likely a target is to be met, from simulated paths of a forecast to its deadline, beside the deterministic
/// status. Values are in the indicator's unit; for growth targets the judged quantity is the growth rate (a
/// fraction), for cumulative targets the total over the plan period.
/// </summary>
/// <param name="Indicator">The indicator.</param>
/// <param name="Target">The target.</param>
/// <param name="Latest">The latest observation the forecast starts from.</param>
/// <param name="Method">The model that produced the paths.</param>
/// <param name="Steps">Periods from the latest observation to the deadline.</param>
/// <param name="ProbabilityMet">Share of paths that meet the target.</param>
/// <param name="Likelihood">The IPCC words for it.</param>
/// <param name="Median">Median of the judged quantity at the deadline.</param>
/// <param name="Interval80">Central 80% interval of it.</param>
/// <param name="Interval95">Central 95% interval of it.</param>
/// <param name="Goal">The target value in the indicator's unit (a fraction for growth targets).</param>
/// <param name="ForecastGrowth">Growth per remaining year of the median forecast (pp per year for shares and rates; the median growth for growth targets).</param>
/// <param name="ExpectedMargin">Mean of (value − goal) in the target's favourable direction: positive means met on average.</param>
/// <param name="ExpectedShortfall">Mean shortfall max(0, −margin): how far short the paths fall, counting the met ones as 0.</param>
/// <param name="Deterministic">The growth-ratio tracking of the same target.</param>
/// <param name="Notes">What the reader should know (short series, qualified values, filled gaps).</param>
public sealed record TargetAssessment(
    Indicator Indicator,
    Target Target,
    Observation Latest,
    string Method,
    int Steps,
    double ProbabilityMet,
    Likelihood Likelihood,
    double Median,
    Interval Interval80,
    Interval Interval95,
    double Goal,
    double ForecastGrowth,
    double ExpectedMargin,
    double ExpectedShortfall,
    TrackingResult Deterministic,
    IReadOnlyList<string> Notes)
{
    /// <summary>The growth per year the target requires from the latest value (from the deterministic tracking).</summary>
    public QualifiedValue? RequiredGrowth => Deterministic.Required;
}
