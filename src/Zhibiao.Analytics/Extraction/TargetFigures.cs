namespace Zhibiao.Analytics.Extraction;

/// <summary>The figure of a target as read: its fact, the upper end of a range (5%—5.5%), and its wording.</summary>
/// <param name="Fact">The fact (the lower end of a range).</param>
/// <param name="High">The upper end of a range, else null.</param>
/// <param name="Wording">How it is worded: the one policy of every reading path (<see cref="Target.WordingOf(Qualifier)"/>),
/// a range when two ends are given, and the comparison its subject ends with (…不超过, …低于).</param>
/// <param name="End">Just after the figure (after the upper end of a range).</param>
internal sealed record TargetFigure(Fact Fact, Fact? High, TargetWording Wording, int End);

/// <summary>
/// Target figures from facts, the same for <c>extract --to-dataset</c> (<see cref="FactJoin"/>) and for the report readers
/// (board, extract-series): the two ends of a range (a fact at least and the next at most, same subject, at most two
/// characters apart: 5%—5.5%, 5%至6%) are one target worded as a range; every other target's wording comes from its
/// qualifier (左右, 约, 近: about; 以上, 超过: at least; 以内: at most; none: exact), or from a comparison at the end of its
/// subject.
/// </summary>
internal static class TargetFigures
{
    /// <summary>
    /// The kind of the target a figure states, the one rule of <c>extract</c> and <c>extract-series</c>: a growth in %
    /// of an indicator that is not itself a growth is a growth target (增长10%); a figure over a plan period a cumulative
    /// one; the level of a rate or share (城镇调查失业率5.5%, and 国内生产总值增长5% of gdp_growth, whose growth figures are
    /// its levels) a share target, judged in percentage points; any other level a level target.
    /// </summary>
    /// <param name="measure">What the figure gives of the indicator: its level (a growth figure of a growth indicator too), change or growth.</param>
    /// <param name="value">The figure (a growth target is in %).</param>
    /// <param name="ind">The indicator it is a target of.</param>
    /// <param name="plan">The plan period of a multi-year figure, or null.</param>
    /// <exception cref="AnalyticsException">A change, or a growth not in %: no target kind.</exception>
    public static TargetKind KindOf(Measure measure, Quantity value, Indicator ind, PlanPeriod? plan) => measure switch
    {
        Measure.Growth when value.Unit == Units.Percent => TargetKind.Growth,
        Measure.Level when plan is not null => TargetKind.Cumulative,
        Measure.Level when ind.ChangesInPoints => TargetKind.Share,
        Measure.Level => TargetKind.Level,
        _ => throw new AnalyticsException($"a target for a {measure.ToString().ToLowerInvariant()} in {value.Unit} has no target kind"),
    };

    /// <summary>The target figures among <paramref name="facts"/> that <paramref name="include"/> keeps, in text order.</summary>
    public static IReadOnlyList<TargetFigure> Of(IReadOnlyList<Fact> facts, Func<Fact, bool> include)
    {
        var result = new List<TargetFigure>();
        for (int i = 0; i < facts.Count; i++)
        {
            Fact f = facts[i];
            if (!include(f)) continue;
            if (i + 1 < facts.Count && facts[i + 1] is { } g && IsRangeEnd(f, g) && include(g))
            {
                result.Add(new TargetFigure(f, g, TargetWording.Range, g.End));
                i++;
                continue;
            }

            result.Add(new TargetFigure(f, null, Wording(f.Qualifier, f.Subject), f.End));
        }

        return result;
    }

    /// <summary>Whether <paramref name="g"/> is the upper end of a range whose lower end is <paramref name="f"/>.</summary>
    public static bool IsRangeEnd(Fact f, Fact g) =>
        g.Subject == f.Subject && f.Qualifier == Qualifier.AtLeast && g.Qualifier == Qualifier.AtMost && g.Start - f.End <= 2
        && g.Kind == f.Kind && g.Value.Unit.IsCompatibleWith(f.Value.Unit);

    private static TargetWording Wording(Qualifier q, string subject) => q switch
    {
        Qualifier.Exact when subject.EndsWith("低于", StringComparison.Ordinal) || subject.EndsWith("不超过", StringComparison.Ordinal)
            || subject.EndsWith("不高于", StringComparison.Ordinal) => TargetWording.AtMost,
        Qualifier.Exact when subject.EndsWith("不低于", StringComparison.Ordinal) || subject.EndsWith("高于", StringComparison.Ordinal)
            || subject.EndsWith("超过", StringComparison.Ordinal) => TargetWording.AtLeast,
        _ => Target.WordingOf(q),
    };
}
