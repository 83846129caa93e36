namespace Zhibiao.Analytics;

/// <summary>
/// The checks a target must pass against its indicator, shared by <see cref="Tracker"/> and
/// <see cref="Probability.TargetAssessor"/>: it belongs to the indicator, a growth target is in %, a level target's
/// unit fits the indicator's, a cumulative target has a plan period.
/// </summary>
internal static class TargetRules
{
    /// <summary>The target must be the indicator's.</summary>
    /// <exception cref="AnalyticsException">It belongs to another indicator.</exception>
    public static void CheckBelongsTo(Indicator ind, Target t)
    {
        if (!string.Equals(t.IndicatorId, ind.Id, StringComparison.Ordinal))
            throw new AnalyticsException($"target of '{t.IndicatorId}' given for indicator '{ind.Id}'");
    }

    /// <summary>The growth a growth target asks for, a fraction (5 % → 0.05).</summary>
    /// <exception cref="IncompatibleUnitsException">The target is not in %.</exception>
    public static double GrowthGoal(Indicator ind, Target t)
    {
        if (t.Value.Unit != Units.Percent) throw new IncompatibleUnitsException($"{ind.Id}: a growth target is in %, not {t.Value.Unit}");
        return t.Value.Value / 100;
    }

    /// <summary>The target value in the indicator's unit.</summary>
    /// <exception cref="IncompatibleUnitsException">The target's unit is of another dimension.</exception>
    public static double InIndicatorUnit(Indicator ind, Target t)
    {
        if (!t.Value.Unit.IsCompatibleWith(ind.Unit))
            throw new IncompatibleUnitsException($"{ind.Id}: target unit {t.Value.Unit} ({t.Value.Unit.Dimension}) does not fit the indicator's unit {ind.Unit} ({ind.Unit.Dimension})");
        return t.Value.ConvertTo(ind.Unit).Value;
    }

    /// <summary>The plan period of a cumulative target.</summary>
    /// <exception cref="AnalyticsException">It has none.</exception>
    public static PlanPeriod RequirePlan(Indicator ind, Target t) =>
        t.Plan ?? throw new AnalyticsException($"{ind.Id}: a cumulative target needs a plan period such as 2021-2025");
}
