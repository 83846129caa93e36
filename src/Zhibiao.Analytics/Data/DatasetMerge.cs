namespace Zhibiao.Analytics.Data;

/// <summary>A figure that disagrees with one the dataset (or the same batch) already holds.</summary>
/// <param name="What">Indicator, period and measure: "grain_output 2024 level".</param>
/// <param name="Held">The figure held, with its source.</param>
/// <param name="Incoming">The disagreeing figure, with its source.</param>
internal sealed record MergeConflict(string What, string Held, string Incoming)
{
    /// <summary>"grain_output 2024 level: holds 466亿斤 (…) but got 470亿斤 (…)".</summary>
    public override string ToString() => $"{What}: holds {Held} but got {Incoming}";
}

/// <summary>The outcome of a merge: the merged dataset (written by the caller only when there are no conflicts).</summary>
/// <param name="Dataset">The merged dataset; with conflicts, the held figures are kept.</param>
/// <param name="Added">Figures added.</param>
/// <param name="Unchanged">Figures that were already held (same value and qualifier).</param>
/// <param name="Replaced">Held figures replaced by disagreeing ones (only with overwrite).</param>
/// <param name="Conflicts">Disagreements that were not resolved.</param>
internal sealed record MergeResult(Dataset Dataset, int Added, int Unchanged, int Replaced, IReadOnlyList<MergeConflict> Conflicts);

/// <summary>
/// Merges new observations and targets into a dataset without silently overwriting: a figure for an indicator,
/// period and measure the dataset already holds is either the same (kept once) or a conflict. With overwrite, a
/// conflicting held figure is replaced; two disagreeing figures in the same batch are always a conflict. The merged
/// figures are ordered by indicator (in indicators.csv order), period and measure.
/// </summary>
internal static class DatasetMerge
{
    /// <summary>
    /// Loads a dataset directory to merge into: indicators.csv is required; observations.csv and targets.csv may be
    /// missing (a new dataset).
    /// </summary>
    /// <exception cref="DataFormatException">A file is missing or malformed.</exception>
    public static Dataset LoadForMerge(string directory) => DatasetReader.Read(directory, observationsOptional: true);

    /// <summary>Merges <paramref name="observations"/> and <paramref name="targets"/> into <paramref name="dataset"/>.</summary>
    /// <exception cref="AnalyticsException">A figure refers to an unknown indicator or does not fit its unit.</exception>
    public static MergeResult Merge(Dataset dataset, IEnumerable<Observation> observations, IEnumerable<Target> targets, bool overwrite = false)
    {
        var conflicts = new List<MergeConflict>();
        int added = 0, unchanged = 0, replaced = 0;

        var obs = new List<Observation>(dataset.Observations);
        var index = new Dictionary<(string, Period, Measure, bool), int>();
        for (int i = 0; i < obs.Count; i++) index.TryAdd(Key(obs[i]), i);
        var batch = new Dictionary<(string, Period, Measure, bool), Observation>();
        foreach (Observation o in observations)
        {
            if (o.IsDerived) continue;
            var key = Key(o);
            if (batch.TryGetValue(key, out Observation? same))
            {
                if (DatasetRules.Agree(same, o)) unchanged++;
                else conflicts.Add(new MergeConflict(Describe(o), Show(same), Show(o)));
                continue;
            }

            batch[key] = o;
            if (!index.TryGetValue(key, out int at))
            {
                index[key] = obs.Count;
                obs.Add(o);
                added++;
            }
            else if (DatasetRules.Agree(obs[at], o))
            {
                unchanged++;
            }
            else if (overwrite)
            {
                obs[at] = o;
                replaced++;
            }
            else
            {
                conflicts.Add(new MergeConflict(Describe(o), Show(obs[at]), Show(o)));
            }
        }

        var tgs = new List<Target>(dataset.Targets);
        var tindex = new Dictionary<(string, Period, TargetKind, PlanPeriod?), int>();
        for (int i = 0; i < tgs.Count; i++) tindex.TryAdd(Key(tgs[i]), i);
        var tbatch = new Dictionary<(string, Period, TargetKind, PlanPeriod?), Target>();
        foreach (Target t in targets)
        {
            var key = Key(t);
            if (tbatch.TryGetValue(key, out Target? same))
            {
                if (Agree(same, t)) unchanged++;
                else conflicts.Add(new MergeConflict(Describe(t), Show(same), Show(t)));
                continue;
            }

            tbatch[key] = t;
            if (!tindex.TryGetValue(key, out int at))
            {
                tindex[key] = tgs.Count;
                tgs.Add(t);
                added++;
            }
            else if (Agree(tgs[at], t))
            {
                unchanged++;
            }
            else if (overwrite)
            {
                tgs[at] = t;
                replaced++;
            }
            else
            {
                conflicts.Add(new MergeConflict(Describe(t), Show(tgs[at]), Show(t)));
            }
        }

        return new MergeResult(Ordered(dataset, obs, tgs), added, unchanged, replaced, conflicts);
    }

    /// <summary>
    /// A dataset with its observations ordered by indicator (file order), period and measure (level, change, growth),
    /// and its targets by indicator and deadline; the indicators, target history and verdicts of <paramref name="dataset"/>.
    /// </summary>
    public static Dataset Ordered(Dataset dataset, IEnumerable<Observation> observations, IEnumerable<Target> targets)
    {
        IReadOnlyList<Indicator> indicators = dataset.Indicators;
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < indicators.Count; i++) order[indicators[i].Id] = i;
        int Rank(string id) => order.TryGetValue(id, out int r) ? r : int.MaxValue;
        return new Dataset(
            indicators,
            observations.OrderBy(o => Rank(o.IndicatorId)).ThenBy(o => o.Period.ToString(), StringComparer.Ordinal).ThenBy(o => o.Measure).ThenBy(o => o.IsYearToDate),
            targets.OrderBy(t => Rank(t.IndicatorId)).ThenBy(t => t.Deadline.ToString(), StringComparer.Ordinal).ThenBy(t => t.Kind),
            dataset.TargetHistory)
        {
            Verdicts = dataset.Verdicts,
        };
    }

    /// <summary>Whether two targets say the same: value (in one unit), comparison and plan.</summary>
    public static bool Agree(Target a, Target b) =>
        a.Comparison == b.Comparison && a.Plan == b.Plan && a.Value.Unit.IsCompatibleWith(b.Value.Unit)
        && Math.Abs(a.Value.Value - b.Value.ConvertTo(a.Value.Unit).Value) <= 1e-9 * Math.Max(1, Math.Abs(a.Value.Value));

    private static (string, Period, Measure, bool) Key(Observation o) => (o.IndicatorId, o.Period, o.Measure, o.IsYearToDate);

    private static (string, Period, TargetKind, PlanPeriod?) Key(Target t) => (t.IndicatorId, t.Deadline, t.Kind, t.Plan);

    private static string Describe(Observation o) => $"{o.IndicatorId} {o.Period} {(o.IsYearToDate ? "year-to-date " : "")}{o.Measure.ToString().ToLowerInvariant()}";

    private static string Describe(Target t) => $"{t.IndicatorId} target {t.Plan?.ToString() ?? t.Deadline.ToString()} {Target.ToToken(t.Kind)}";

    private static string Show(Observation o) => $"{o.Qualifier.ToSign()}{o.Value.ToWrittenString()} ({o.Source})";

    private static string Show(Target t) => $"{t} ({t.Source})";
}
