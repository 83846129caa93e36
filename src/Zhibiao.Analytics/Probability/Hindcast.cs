using Zhibiao.Analytics.Data;

namespace Zhibiao.Analytics.Probability;

/// <summary>One target of a setter's history judged with only what was known in its year.</summary>
/// <param name="Target">The target.</param>
/// <param name="Indicator">Its indicator.</param>
/// <param name="Outcome">Its outcome in the record, or null when none is known.</param>
/// <param name="Forecast">The forecast's answer from the history known then, or null.</param>
/// <param name="Record">The margin model's answer from the record known then, with the settings chosen for the year, or null.</param>
/// <param name="Answer">The pooled answer (P(met)), or null when neither input answered.</param>
/// <param name="Choice">The pooling choice of the target's year.</param>
/// <param name="Tracking">The deterministic tracking from the history known then, or null when it could not be formed.</param>
public sealed record HindcastRow(Target Target, Indicator Indicator, RecordedTarget? Outcome, TargetChance? Forecast, TargetChance? Record, TargetChance? Answer, PoolingChoice Choice, TrackingResult? Tracking)
{
    /// <summary>The target's year.</summary>
    public int Year => Target.Deadline.Year;

    /// <summary>Whether the target was met, or null without an outcome.</summary>
    public bool? Met => Outcome?.Met;
}

/// <summary>Settings of <see cref="Hindcast"/>.</summary>
internal sealed record HindcastOptions
{
    /// <summary>The defaults.</summary>
    public static readonly HindcastOptions Default = new();

    /// <summary>Earlier outcomes needed before the margin model's settings or the forecast's weight are chosen on them (default 8, a priori); fewer keep <see cref="PoolingChoice.Default"/>.</summary>
    public int MinimumOutcomes { get; init; } = 8;

    /// <summary>The forecast weights tried (default 0, 0.25, 0.5, 0.75, 1).</summary>
    public IReadOnlyList<double> Weights { get; init; } = [0, 0.25, 0.5, 0.75, 1];

    /// <summary>The margin model settings tried (default <see cref="MarginModel.Grid"/>).</summary>
    public IReadOnlyList<MarginModelOptions> Models { get; init; } = MarginModel.Grid;

    /// <summary>Tracking settings of the deterministic status.</summary>
    public TrackingOptions? Tracking { get; init; }
}

/// <summary>
/// A setter's history judged walk-forward: every target of the dataset's target history is judged with only what was
/// known in its year — the indicator's figures first published by then (their vintages), the outcomes of earlier
/// targets published by then — by a forecast and by the margin model, then pooled. For every year the margin model's
/// settings (<see cref="MarginModel.Grid"/>) and the forecast's weight are chosen, nested, on the log score of the
/// earlier targets' answers, each of which was itself made with the choice of its own year: nothing of year t or later
/// chooses anything for year t. Used by the pipeline (the choice for an open target's year) and by the backtests.
/// </summary>
public sealed class Hindcast
{
    private readonly double[][] _recordByModel;
    private readonly HindcastOptions _options;
    private readonly Dictionary<int, PoolingChoice> _choices = [];
    private readonly List<(int Year, int Row)> _scored;

    private Hindcast(TargetRecord record, List<(Target Target, Indicator Indicator, RecordedTarget? Outcome, TargetChance? Forecast, TrackingResult? Tracking, TargetChance?[] ByModel)> rows, HindcastOptions options)
    {
        Record = record;
        _options = options;
        _recordByModel = [.. rows.Select(r => r.ByModel.Select(c => c?.Probability ?? double.NaN).ToArray())];
        _scored = [.. rows.Select((r, i) => (r.Outcome, i)).Where(x => x.Outcome is not null).Select(x => (x.Outcome!.Known, x.i))];
        var result = new List<HindcastRow>(rows.Count);
        _rows = rows;
        foreach (var r in rows)
        {
            PoolingChoice c = ChoiceFor(r.Target.Deadline.Year);
            int m = IndexOf(c.Model);
            TargetChance? record0 = r.ByModel[m];
            result.Add(new HindcastRow(r.Target, r.Indicator, r.Outcome, r.Forecast, record0, TargetAssessors.Pool(record0, r.Forecast, c), c, r.Tracking));
        }

        Rows = result;
    }

    private readonly List<(Target Target, Indicator Indicator, RecordedTarget? Outcome, TargetChance? Forecast, TrackingResult? Tracking, TargetChance?[] ByModel)> _rows;

    /// <summary>The record judged.</summary>
    public TargetRecord Record { get; }

    /// <summary>Every target of the history, in year order.</summary>
    public IReadOnlyList<HindcastRow> Rows { get; }

    /// <summary>
    /// Judges a dataset's target history walk-forward.
    /// </summary>
    /// <param name="data">The dataset: its target history, its observations (with vintages when known).</param>
    /// <param name="name">The record's name in notes (the dataset's).</param>
    /// <param name="forecast">The forecast assessor (a simulation, or a thin history).</param>
    public static Hindcast Run(Dataset data, string name, ITargetAssessor forecast) => Run(data, name, forecast, null);

    /// <summary>Judges a dataset's target history walk-forward, with the given grids and evidence.</summary>
    /// <param name="data">The dataset: its target history, its observations (with vintages when known).</param>
    /// <param name="name">The record's name in notes (the dataset's).</param>
    /// <param name="forecast">The forecast assessor (a simulation, or a thin history).</param>
    /// <param name="options">Choice grids and tracking settings.</param>
    /// <param name="evidence">Builds a target's evidence from the history known in its year; default <see cref="EvidenceAt"/>.</param>
    internal static Hindcast Run(Dataset data, string name, ITargetAssessor forecast, HindcastOptions? options, Func<Dataset, Target, TargetEvidence?>? evidence = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(forecast);
        options ??= HindcastOptions.Default;
        TargetRecord record = TargetRecord.Of(data, name);
        var outcomes = record.Targets.ToDictionary(r => r.Target, r => r, (IEqualityComparer<Target>)ReferenceEqualityComparer.Instance);
        // Each target's forecast is independent of the others' (seeded per call): they run in parallel, in target order.
        var rows = data.TargetHistory.Where(t => t.Kind != TargetKind.Cumulative && data.Find(t.IndicatorId) is not null).OrderBy(t => t.Deadline.Year)
            .AsParallel().AsOrdered().Select(t =>
            {
                Indicator ind = data.Find(t.IndicatorId)!;
                TargetEvidence? e = null;
                try
                {
                    e = (evidence ?? ((d, x) => EvidenceAt(d, x, options.Tracking)))(data, t);
                }
                catch (AnalyticsException)
                {
                    // A target its history cannot track (a unit that does not fit): the record alone answers.
                }

                TargetChance? f = null;
                if (e is not null)
                {
                    try
                    {
                        f = forecast.Assess(e);
                    }
                    catch (AnalyticsException)
                    {
                        // A history the forecast cannot model: the record alone answers.
                    }
                }

                TargetChance?[] byModel = [.. options.Models.Select(m => MarginModel.Assess(ind.Id, t.Deadline.Year, "", record, m))];
                return (t, ind, outcomes.GetValueOrDefault(t), f, e?.Tracking, byModel);
            }).ToList();

        return new Hindcast(record, rows, options);
    }

    /// <summary>
    /// The evidence of a target from what was known in its year: the indicator's levels and reported changes of earlier
    /// periods first published by then (vintage at most the target's year; a figure without a vintage is taken as
    /// published the year after its period), and the deterministic tracking on them.
    /// </summary>
    /// <exception cref="AnalyticsException">The target does not fit its indicator.</exception>
    public static TargetEvidence EvidenceAt(Dataset data, Target target, TrackingOptions? tracking = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(target);
        int year = target.Deadline.Year;
        bool Known(Observation o) => o.Period < target.Deadline && (o.Vintage?.Year ?? (o.Period.Year + 1)) <= year;
        Indicator ind = data.Get(target.IndicatorId);
        IndicatorSeries series = IndicatorSeries.Create(ind, data.ObservationsOf(ind.Id).Where(o => o.Measure == Measure.Level && !o.IsYearToDate && o.Plan is null && Known(o)));
        Observation[] reported = [.. data.ChangesOf(ind.Id).Where(Known)];
        return new TargetEvidence(target, series, Tracker.Track(series, target, reported, tracking)) { Reported = reported };
    }

    /// <summary>
    /// The pooling choice for targets of a year: among <see cref="HindcastOptions.Models"/> the margin-model settings with
    /// the best mean log score on the record's answers to the targets whose outcomes were published by then, and among
    /// <see cref="HindcastOptions.Weights"/> the forecast weight with the best mean log score of the pooled answers to
    /// them (each made with its own year's settings); the defaults where fewer than
    /// <see cref="HindcastOptions.MinimumOutcomes"/> outcomes can choose or none does better.
    /// </summary>
    public PoolingChoice ChoiceFor(int year)
    {
        if (_choices.TryGetValue(year, out PoolingChoice? known)) return known;
        var earlier = _scored.Where(s => s.Year <= year && _rows[s.Row].Target.Deadline.Year < year).Select(s => s.Row).ToList();
        MarginModelOptions model = PoolingChoice.Default.Model;
        double weight = PoolingChoice.Default.Weight;
        string why = PoolingChoice.Default.Why;
        var forModel = earlier.Where(i => _recordByModel[i].All(double.IsFinite)).ToList();
        if (forModel.Count >= _options.MinimumOutcomes)
        {
            int best = IndexOf(model);
            double bestScore = Score(forModel, i => _recordByModel[i][best]);
            for (int m = 0; m < _options.Models.Count; m++)
            {
                int mm = m;
                double score = Score(forModel, i => _recordByModel[i][mm]);
                if (score > bestScore + 1e-12) (best, bestScore) = (m, score);
            }

            model = _options.Models[best];
            why = $"chosen on {forModel.Count} earlier outcomes";
        }

        // The pooled answers to earlier targets use the settings of their own years (nested).
        var both = earlier.Where(i => _rows[i].Forecast is not null && _rows[i].ByModel[IndexOf(ChoiceFor(_rows[i].Target.Deadline.Year).Model)] is not null).ToList();
        if (both.Count >= _options.MinimumOutcomes)
        {
            double Pooled(int i, double w) => TargetAssessors.Pool(_rows[i].ByModel[IndexOf(ChoiceFor(_rows[i].Target.Deadline.Year).Model)]!.Probability, _rows[i].Forecast!.Probability, w);
            double bestScore = Score(both, i => Pooled(i, weight));
            foreach (double w in _options.Weights)
            {
                double score = Score(both, i => Pooled(i, w));
                if (score > bestScore + 1e-12) (weight, bestScore) = (w, score);
            }

            why = $"chosen on {forModel.Count} earlier outcomes, the weight on {both.Count} with a forecast";
        }

        var choice = new PoolingChoice(model, weight, why);
        _choices[year] = choice;
        return choice;
    }

    private double Score(List<int> rows, Func<int, double> p) => rows.Average(i => TargetAssessors.LogScore(p(i), _rows[i].Outcome!.Met));

    private int IndexOf(MarginModelOptions m)
    {
        for (int i = 0; i < _options.Models.Count; i++)
            if (_options.Models[i] == m) return i;
        return 0;
    }
}
