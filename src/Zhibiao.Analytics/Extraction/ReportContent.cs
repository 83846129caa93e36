namespace Zhibiao.Analytics.Extraction;

/// <summary>What one report gives: its year, its targets, its figures for past periods and its verdicts on last year's targets.</summary>
/// <param name="File">The report file.</param>
/// <param name="Year">The report's year (the year of its targets).</param>
/// <param name="Targets">
/// Targets of canonical indicators for the report's year, in text order, one per indicator (the main statement's
/// first): side and tolerance by <see cref="Target.FromWording"/>, values in the indicator's unit as written, the
/// source address "chars START-END" of the figure (to the upper bound of a range).
/// </param>
/// <param name="Figures">
/// Figures of past periods (outcomes) of canonical indicators, first per indicator and period, with the report's year
/// as their vintage; a plan period's yearly average (年均增长, 2021-2025) has <see cref="Observation.Plan"/> set.
/// </param>
/// <param name="Verdicts">The report's statements on last year's targets.</param>
/// <param name="MainStatement">The character span of the main-targets statement, or null when the report has none.</param>
public sealed record ReportContent(
    string File, int Year, IReadOnlyList<Target> Targets, IReadOnlyList<Observation> Figures, IReadOnlyList<ReportVerdict> Verdicts, (int Start, int End)? MainStatement);

