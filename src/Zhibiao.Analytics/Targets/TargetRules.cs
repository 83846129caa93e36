namespace Zhibiao.Analytics;

/// <summary>
/// The checks a target must pass against its indicator, shared by <see cref="Tracker"/> and the probability
/// assessors: it belongs to the indicator and a cumulative target has a plan period. Units are checked by
/// <see cref="Target.Rule"/>.
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

    /// <summary>The plan period of a cumulative target.</summary>
    /// <exception cref="AnalyticsException">It has none.</exception>
    public static PlanPeriod RequirePlan(Indicator ind, Target t) =>
        t.Plan ?? throw new AnalyticsException($"{ind.Id}: a cumulative target needs a plan period such as 2021-2025");
}
