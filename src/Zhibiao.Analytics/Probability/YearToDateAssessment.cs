namespace Zhibiao.Analytics.Probability;

/// <summary>
/// How likely an annual target of a monthly or quarterly flow is to be met, judged from the periods of the year
/// published so far (<see cref="YearToDateAssessor"/>): the year's total is the published year-to-date total plus
/// simulated paths of the remaining periods. Totals are in the indicator's unit; for growth targets the judged
/// quantity is the growth of the year's total over last year's (a fraction).
/// </summary>
/// <param name="Indicator">The indicator.</param>
/// <param name="Target">The annual target (its deadline a year).</param>
/// <param name="AsOf">The latest period used: no figure of a later period was read.</param>
/// <param name="PeriodsPublished">Periods of the target year published by <paramref name="AsOf"/> (k; 0 before January's).</param>
/// <param name="PublishedTotal">The year-to-date total of those periods (0 when none).</param>
/// <param name="LastYearTotal">Last year's total, when all its periods are known by <paramref name="AsOf"/>.</param>
/// <param name="LastYearSamePeriods">Last year's total of the same k periods, when known.</param>
/// <param name="Method">The model that simulated the remaining periods ("published" when none remain).</param>
/// <param name="ProbabilityMet">Share of paths whose year meets the target (by the target's one met rule).</param>
/// <param name="Likelihood">The IPCC words for it.</param>
/// <param name="Median">Median of the judged quantity: the year's total, or its growth for a growth target.</param>
/// <param name="Interval80">Central 80% interval of it.</param>
/// <param name="Interval95">Central 95% interval of it.</param>
/// <param name="RequiredGrowth">
/// The growth of the remaining periods' total over the same periods last year that meets the target: [r, ∞) for a
/// floor, (−∞, r] for a ceiling, a band for "about"; null when last year's periods are not all known or none remain.
/// </param>
/// <param name="ForecastGrowth">The median forecast of that same growth; null when it is not defined.</param>
/// <param name="Totals">
/// Simulated year-to-date totals of the target year's remaining periods: step h is the period
/// <see cref="FirstSimulated"/> + h − 1; published total plus the path's running sum.
/// </param>
/// <param name="PublishedTotals">The target year's year-to-date totals of its periods 1..k.</param>
/// <param name="LastYearTotals">Last year's year-to-date totals of its periods 1..m (NaN where unknown).</param>
/// <param name="Notes">What the reader should know (filled gaps, a model that could not fit).</param>
public sealed record YearToDateAssessment(
    Indicator Indicator,
    Target Target,
    Period AsOf,
    int PeriodsPublished,
    double PublishedTotal,
    double? LastYearTotal,
    double? LastYearSamePeriods,
    string Method,
    double ProbabilityMet,
    Likelihood Likelihood,
    double Median,
    Interval Interval80,
    Interval Interval95,
    Interval? RequiredGrowth,
    double? ForecastGrowth,
    SamplePaths? Totals,
    ReadOnlyMemory<double> PublishedTotals,
    ReadOnlyMemory<double> LastYearTotals,
    IReadOnlyList<string> Notes)
{
    /// <summary>The target year.</summary>
    public int Year => Target.Deadline.Year;

    /// <summary>Periods per year (12 or 4).</summary>
    public int PeriodsPerYear => Indicator.Frequency.PeriodsPerYear();

    /// <summary>The first simulated period of the target year (the period after the last published one).</summary>
    public Period FirstSimulated => Period.Create(Indicator.Frequency, Year, 1) + PeriodsPublished;

    /// <summary>
    /// The year-to-date total at period j (1..m) of the target year on the path the requirement describes: the
    /// published total, then last year's same periods grown at the binding required growth (its lower bound for a
    /// floor or band, its upper for a ceiling); null without a requirement.
    /// </summary>
    public double? RequiredTotalAt(int j)
    {
        if (j < 1 || j > PeriodsPerYear) throw new ArgumentOutOfRangeException(nameof(j), j, $"a period of the year, 1 to {PeriodsPerYear}");
        if (RequiredGrowth is not { } r || LastYearSamePeriods is not { } same) return null;
        if (j <= PeriodsPublished) return PublishedTotals.Span[j - 1];
        double g = double.IsFinite(r.Lower) ? r.Lower : r.Upper;
        return PublishedTotal + ((LastYearTotals.Span[j - 1] - same) * (1 + g));
    }
}
