using Zhibiao.Analytics.Extraction;
using Zhibiao.Analytics.Probability;

namespace Zhibiao.Analytics.Evaluation;

/// <summary>One way of answering P(met) in a backtest, scored beside the others.</summary>
/// <param name="Name">p_met (the answer), record, forecast, hit_rate, constant_0.9, constant_0.95, deterministic.</param>
/// <param name="Probability">Its probability for a hindcast row.</param>
internal sealed record BacktestMethod(string Name, Func<HindcastRow, double> Probability);

/// <summary>Scores of one method over the targets of some years.</summary>
/// <param name="Method">The method's name.</param>
/// <param name="Scores">Brier, log score, calibration and reliability.</param>
public sealed record BacktestScores(string Method, ProbabilityScores Scores)
{
    /// <summary>
    /// This method's mean Brier score minus P(met)'s over the same targets (positive: P(met) is better), with its
    /// standard error clustered by year (<see cref="TargetBacktest.PairedDifference"/>); (0, 0) for P(met) itself.
    /// </summary>
    public (double Mean, double StandardError) BrierDifference { get; init; }

    /// <summary>
    /// This method's mean log score minus P(met)'s over the same targets (negative: P(met) is better), with its
    /// standard error clustered by year; (0, 0) for P(met) itself.
    /// </summary>
    public (double Mean, double StandardError) LogDifference { get; init; }
}

/// <summary>
/// Scores a walk-forward <see cref="Hindcast"/> of a setter's targets: P(met) beside the baselines an analyst has —
/// the setter's hit rate known at the time (the share of its earlier targets whose outcomes were published that were
/// met; ½ before any), the constants 0.9 and 0.95, the forecast alone (½ without one), the record alone (½ without
/// one) and the deterministic rule (1 when the status is achieved or on track, 0 when not, ½ with insufficient data).
/// </summary>
public static class TargetBacktest
{
    /// <summary>
    /// The hindcast of a report series: its reports read into one dataset (first-published figures with their vintage,
    /// every target in the target history, <see cref="SeriesDataset.Build"/>), each target judged with the simulated
    /// forecast of what was known in its year pooled with the record (<see cref="Hindcast"/>).
    /// </summary>
    public static Hindcast Reports(ReportSeries series, AssessmentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        return Hindcast.Run(SeriesDataset.Build(series), "the reports' record", new SimulationAssessor(options), new HindcastOptions { Tracking = options?.Tracking });
    }

    /// <summary>The rows whose outcome figure and the next report's own statement (met / missed) disagree, and how many were checked.</summary>
    public static (int Checked, IReadOnlyList<HindcastRow> Disagreeing) CheckStatements(ReportSeries series, IEnumerable<HindcastRow> rows)
    {
        ArgumentNullException.ThrowIfNull(series);
        return CheckStatements(series.StatedVerdict, rows);
    }

    /// <summary>As <see cref="CheckStatements(ReportSeries, IEnumerable{HindcastRow})"/>, with a dataset's verdicts (verdicts.csv) as the next report's statements.</summary>
    internal static (int Checked, IReadOnlyList<HindcastRow> Disagreeing) CheckStatements(Data.Dataset data, IEnumerable<HindcastRow> rows)
    {
        ArgumentNullException.ThrowIfNull(data);
        return CheckStatements(t => ReportVerdict.On(data.Verdicts.Where(v => v.ReportYear == t.Deadline.Year + 1), t, blanket: true)?.Met, rows);
    }

    private static (int Checked, IReadOnlyList<HindcastRow> Disagreeing) CheckStatements(Func<Target, bool?> stated, IEnumerable<HindcastRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var both = rows.Where(r => r.Outcome?.Outcome is not null && stated(r.Target) is not null).ToList();
        return (both.Count, [.. both.Where(r => stated(r.Target) != r.Met)]);
    }

    /// <summary>The methods compared, in print order.</summary>
    internal static IReadOnlyList<BacktestMethod> Methods(Hindcast hindcast)
    {
        ArgumentNullException.ThrowIfNull(hindcast);
        var hitRate = new Dictionary<int, double>();
        double HitRate(HindcastRow r)
        {
            if (hitRate.TryGetValue(r.Year, out double h)) return h;
            var known = hindcast.Record.KnownBy(r.Year).Targets;
            return hitRate[r.Year] = known.Count == 0 ? 0.5 : known.Count(x => x.Met) / (double)known.Count;
        }

        return
        [
            new("p_met", r => r.Answer?.Probability ?? 0.5),
            new("record", r => r.Record?.Probability ?? 0.5),
            new("forecast", r => r.Forecast?.Probability ?? 0.5),
            new("hit_rate", HitRate),
            new("constant_0.9", _ => 0.9),
            new("constant_0.95", _ => 0.95),
            new("deterministic", r => r.Tracking?.Status switch
            {
                ProgressStatus.TargetAchieved or ProgressStatus.OnTrack => 1,
                null or ProgressStatus.InsufficientData => 0.5,
                _ => 0,
            }),
        ];
    }

    /// <summary>Each method's scores over the rows with an outcome whose year is in [from, to] (all when null); null when there is none.</summary>
    /// <exception cref="ArgumentException">from is after to.</exception>
    public static IReadOnlyList<BacktestScores>? Score(Hindcast hindcast, int? from = null, int? to = null, Func<HindcastRow, bool>? where = null)
    {
        ArgumentNullException.ThrowIfNull(hindcast);
        if (from > to) throw new ArgumentException($"the first year {from} is after the last {to}", nameof(from));
        var rows = Scored(hindcast, from, to).Where(r => where?.Invoke(r) ?? true).ToList();
        if (rows.Count == 0) return null;
        IReadOnlyList<BacktestMethod> methods = Methods(hindcast);
        int[] years = [.. rows.Select(r => r.Year)];
        double[] answer = [.. rows.Select(r => Math.Clamp(methods[0].Probability(r), 0, 1))];
        return [.. methods.Select(m =>
        {
            var tally = new ProbabilityTally();
            var brier = new double[rows.Count];
            var log = new double[rows.Count];
            for (int i = 0; i < rows.Count; i++)
            {
                double p = Math.Clamp(m.Probability(rows[i]), 0, 1);
                bool met = rows[i].Met!.Value;
                tally.Add(p, met);
                double o = met ? 1 : 0;
                brier[i] = ((p - o) * (p - o)) - ((answer[i] - o) * (answer[i] - o));
                log[i] = TargetAssessors.LogScore(p, met) - TargetAssessors.LogScore(answer[i], met);
            }

            return new BacktestScores(m.Name, tally.Scores()) { BrierDifference = PairedDifference(brier, years), LogDifference = PairedDifference(log, years) };
        })];
    }

    /// <summary>
    /// The mean d̄ of paired score differences d_i and its standard error clustered by year — targets of one year share
    /// one economy, so their differences are not independent: SE² = G/(G − 1) · Σ_g (Σ_{i∈g} (d_i − d̄))² / n², G the
    /// number of years (the cluster-robust variance of a mean, Liang and Zeger 1986); 0 with fewer than two years.
    /// </summary>
    /// <param name="differences">d_i, one per target.</param>
    /// <param name="years">The year of each target (its cluster).</param>
    internal static (double Mean, double StandardError) PairedDifference(ReadOnlySpan<double> differences, ReadOnlySpan<int> years)
    {
        if (differences.Length != years.Length) throw new ArgumentException("one year per difference", nameof(years));
        int n = differences.Length;
        if (n == 0) return (0, 0);
        double mean = 0;
        foreach (double d in differences) mean += d;
        mean /= n;
        var byYear = new Dictionary<int, double>();
        for (int i = 0; i < n; i++) byYear[years[i]] = byYear.GetValueOrDefault(years[i]) + (differences[i] - mean);
        int g = byYear.Count;
        if (g < 2) return (mean, 0);
        double sum = 0;
        foreach (double s in byYear.Values) sum += s * s;
        return (mean, Math.Sqrt(g / (g - 1.0) * sum) / n);
    }

    /// <summary>The rows with an outcome whose year is in [from, to] (all when null): the rows a backtest scores.</summary>
    internal static IEnumerable<HindcastRow> Scored(Hindcast hindcast, int? from, int? to) =>
        hindcast.Rows.Where(r => r.Met is not null && (from is null || r.Year >= from) && (to is null || r.Year <= to));
}
