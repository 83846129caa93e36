using Zhibiao.Analytics.Data;

namespace Zhibiao.Analytics.Extraction;

/// <summary>A fact that could not join the model, and why.</summary>
/// <param name="Fact">The fact.</param>
/// <param name="Reason">Why: no indicator for its subject, a unit that does not fit, a multi-year figure …</param>
public sealed record SkippedFact(Fact Fact, string Reason);

/// <summary>Facts joined to indicators: observations, targets, implied previous values, and what did not join.</summary>
/// <param name="Observations">Reported outcomes (levels, changes, growth), each with its source address "chars START-END".</param>
/// <param name="Targets">Goals for a future period.</param>
/// <param name="Implied">Previous-period levels implied by a reported level and its change or growth, marked derived.</param>
/// <param name="Unmatched">Facts whose subject is in neither the synonym table nor the indicators' names.</param>
/// <param name="Skipped">Facts whose subject is known but which do not fit the indicator.</param>
public sealed record JoinedFacts(
    IReadOnlyList<Observation> Observations,
    IReadOnlyList<Target> Targets,
    IReadOnlyList<Observation> Implied,
    IReadOnlyList<Fact> Unmatched,
    IReadOnlyList<SkippedFact> Skipped);

/// <summary>
/// Joins extracted facts to the indicator model through a <see cref="SynonymTable"/>: outcomes become
/// <see cref="Observation"/>s with <c>Source(document, "chars START-END", note)</c>, goals become <see cref="Target"/>s,
/// and a level reported with its change or growth gives the previous level through
/// <see cref="ImpliedValues.Previous"/> (marked derived).
/// </summary>
public static class FactJoin
{
    private static readonly WordList GrowthNameTails = ReadingData.Words("GrowthNameTails");

    /// <summary>Joins facts to the indicators.</summary>
    /// <param name="facts">The facts, as extracted.</param>
    /// <param name="indicators">The indicators they may belong to.</param>
    /// <param name="synonyms">Report subjects → indicator ids; the indicators' ids and Chinese names are added.</param>
    /// <param name="document">The document recorded as the source (新疆维吾尔自治区2025年政府工作报告).</param>
    /// <exception cref="AnalyticsException">A synonym names an indicator that is not among <paramref name="indicators"/>.</exception>
    public static JoinedFacts Join(IEnumerable<Fact> facts, IReadOnlyCollection<Indicator> indicators, SynonymTable synonyms, string document)
    {
        var byId = indicators.ToDictionary(i => i.Id, StringComparer.Ordinal);
        SynonymTable table = synonyms.WithIndicators(indicators);
        foreach (Synonym s in synonyms.Entries)
        {
            if (!byId.ContainsKey(s.IndicatorId))
                throw new AnalyticsException($"synonym '{s.Subject}' maps to indicator '{s.IndicatorId}', which the dataset does not define (add it to indicators.csv)");
        }

        var observations = new List<Observation>();
        var targets = new List<Target>();
        var unmatched = new List<Fact>();
        var skipped = new List<SkippedFact>();
        IReadOnlyList<Fact> all = facts as IReadOnlyList<Fact> ?? [.. facts];
        // Targets are worded by the one policy of every reading path; the two ends of a range are one target.
        var figures = new Dictionary<Fact, TargetFigure>(ReferenceEqualityComparer.Instance);
        var upperEnds = new HashSet<Fact>(ReferenceEqualityComparer.Instance);
        foreach (TargetFigure t in TargetFigures.Of(all, f => f.IsTarget))
        {
            figures[t.Fact] = t;
            if (t.High is { } h) upperEnds.Add(h);
        }

        foreach (Fact f in all)
        {
            if (upperEnds.Contains(f)) continue;
            if (table.Find(f.Subject) is not { } synonym)
            {
                unmatched.Add(f);
                continue;
            }

            Indicator ind = byId[synonym.IndicatorId];
            Measure measure = f.Kind == Measure.Growth && f.Value.Unit == Units.Percent && IsGrowthIndicator(ind) ? Measure.Level : f.Kind;
            Quantity value = f.Value;
            if (synonym.Unit is { } u && f.Kind != Measure.Growth && !value.Unit.IsCompatibleWith(ind.Unit))
                value = Quantity.Reported(value.Written, value.Magnitude, u, value.Decimals);
            var source = new Source(document, f.Address, f.Note) { Subject = f.Subject };
            try
            {
                if (f.IsTarget)
                {
                    TargetFigure figure = figures[f];
                    Quantity? high = figure.High is { } h ? InUnitOf(h.Value, synonym, ind) : null;
                    if (high is not null) source = source with { Address = FormattableString.Invariant($"chars {f.Start}-{figure.End}") };
                    targets.Add(ToTarget(f, measure, ind, value, high, figure.Wording, source));
                }
                else
                {
                    if (f.Plan is not null) throw new AnalyticsException($"a figure over {f.Plan} is not an observation of one year");
                    var o = new Observation(ind.Id, f.Period, measure, value, f.Qualifier, source) { IsYearToDate = f.IsYearToDate };
                    DatasetRules.Check(ind, o);
                    observations.Add(o);
                }
            }
            catch (AnalyticsException e)
            {
                skipped.Add(new SkippedFact(f, $"{ind.Id}: {e.Message}"));
            }
        }

        return new JoinedFacts(observations, targets, Implied(observations), unmatched, skipped);
    }

    /// <summary>The previous level implied by each reported level with a change or growth of the same period.</summary>
    public static IReadOnlyList<Observation> Implied(IEnumerable<Observation> observations)
    {
        var result = new List<Observation>();
        foreach (var group in observations.GroupBy(o => (o.IndicatorId, o.Period)))
        {
            Observation? level = group.FirstOrDefault(o => o.Measure == Measure.Level);
            if (level is null) continue;
            foreach (Observation change in group.Where(o => o.Measure != Measure.Level))
            {
                try
                {
                    result.Add(ImpliedValues.Previous(level, change));
                }
                catch (AnalyticsException)
                {
                    // A growth of −100% or a unit that does not combine implies nothing.
                }
            }
        }

        return result;
    }

    private static Quantity InUnitOf(Quantity value, Synonym synonym, Indicator ind) =>
        synonym.Unit is { } u && !value.Unit.IsCompatibleWith(ind.Unit) ? Quantity.Reported(value.Written, value.Magnitude, u, value.Decimals) : value;

    /// <summary>
    /// Whether an indicator is itself a growth in % (国内生产总值增长, 居民消费价格涨幅): a growth figure of its subject
    /// (地区生产总值增长5%) is then its level, as <c>extract-series</c> reads it — not a growth of the growth. An indicator is
    /// one when its Chinese name ends in a growth word (the [GrowthNameTails] of reading/words.txt), as the names of the
    /// canonical growth indicators do (<see cref="ReportIndicators"/>).
    /// </summary>
    internal static bool IsGrowthIndicator(Indicator ind) =>
        ind.Unit == Units.Percent && GrowthNameTails.AtEnd(ind.NameZh) is not null;

    private static Target ToTarget(Fact f, Measure measure, Indicator ind, Quantity value, Quantity? high, TargetWording wording, Source source)
    {
        TargetKind kind = TargetFigures.KindOf(measure, value, ind, f.Plan);
        (TargetComparison comparison, double? tolerance) = Target.FromWording(wording, ind.Direction, value);
        var t = new Target(ind.Id, kind, f.Period, value, comparison, source) { Plan = f.Plan, Wording = wording, High = high, Tolerance = tolerance };
        DatasetRules.Check(ind, t);
        return t;
    }
}
