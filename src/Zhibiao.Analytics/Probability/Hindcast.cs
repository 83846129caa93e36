using Zhibiao.Analytics.Data;

namespace Zhibiao.Analytics.Probability;

/// <summary>One target of a setter's history judged with only what was known in its year.</summary>
/// <param name="Target">The target.</param>
/// <param name="Indicator">Its indicator.</param>
/// <param name="Outcome">Its outcome in the record, or null when none is known.</param>
/// <param name="Forecast">The forecast's answer from the history known then, or null.</param>
/// <param name="Record">The margin model's answer from the record known then, averaged over the settings of the year (shown under the most probable), or null.</param>
/// <param name="Answer">The pooled answer (P(met)), or null when neither input answered.</param>
/// <param name="Choice">The pooling settings of the target's year and their posterior probabilities.</param>
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

    /// <summary>Earlier outcomes needed before the settings are averaged by their likelihood (default 8, a priori); with fewer, <see cref="PoolingChoice.Default"/>.</summary>
    public int MinimumOutcomes { get; init; } = 8;

    /// <summary>The forecast weights averaged over (default 0, 0.25, 0.5, 0.75, 1).</summary>
    public IReadOnlyList<double> Weights { get; init; } = [0, 0.25, 0.5, 0.75, 1];

    /// <summary>
    /// The prior probability of a forecast weight of 0 (default ½, a priori: the target is the setter's own forecast,
    /// made with more than a univariate series knows, so "the forecast adds nothing" is as likely a priori as all the
    /// other weights together, which share the rest equally). The margin model's settings are equally likely a priori.
    /// </summary>
    public double NoForecastPrior { get; init; } = 0.5;

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
            TargetChance? answer = TargetAssessors.Pool(m => r.ByModel[IndexOf(m)], r.Forecast, c);
            TargetChance? record0 = answer?.Input(TargetChanceSource.Record);
            result.Add(new HindcastRow(r.Target, r.Indicator, r.Outcome, r.Forecast, record0, answer, c, r.Tracking));
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

    /// <summary>
    /// Judges a dataset's target history walk-forward as <c>analytics track</c> and <c>backtest-reports DATASET</c> do: its
    /// own record, the simulated forecast with <paramref name="options"/>, the default grids.
    /// </summary>
    /// <param name="data">The dataset: its target history, its observations (with vintages when known), its verdicts.</param>
    /// <param name="options">The forecast's settings (model, paths, seed) and tracking settings.</param>
    public static Hindcast Run(Dataset data, AssessmentOptions? options) =>
        Run(data, "this dataset's record", new SimulationAssessor(options), new HindcastOptions { Tracking = options?.Tracking });

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
    /// The pooling choice for targets of a year, by Bayesian model averaging over the grid of settings j = (margin-model
    /// settings m, forecast weight w) (<see cref="HindcastOptions.Models"/> × <see cref="HindcastOptions.Weights"/>):
    /// ln π_j = ln prior_j + Σ_y (Σ_{i∈y} ln p_ij(outcome_i)) / √n_y + const over the years y before it, i the n_y targets
    /// of year y whose outcomes were published by then, p_ij the answer setting j gave target i with what was known in
    /// i's year (clipped to [0.01, 0.99]). A year's log score counts √n_y targets' worth, not n_y: the targets of one year
    /// share one economy (a shock misses several at once), so they are not independent evidence for a setting (a
    /// priori; a year of one target counts as before). Each setting's
    /// likelihood is its walk-forward (prequential) score, so nothing of year t or later weighs anything for year t; and
    /// averaging rather than picking the best setting keeps a few outcomes from swinging the answer. The a-priori
    /// choice (<see cref="PoolingChoice.Default"/>: the margin model's settings averaged alike, forecast weight 0) while
    /// fewer than 8 earlier outcomes are known (an internal setting).
    /// </summary>
    public PoolingChoice ChoiceFor(int year)
    {
        lock (_choices) return ChoiceForLocked(year);
    }

    private PoolingChoice ChoiceForLocked(int year)
    {
        if (_choices.TryGetValue(year, out PoolingChoice? known)) return known;
        var earlier = _scored.Where(s => s.Year <= year && _rows[s.Row].Target.Deadline.Year < year && _recordByModel[s.Row].All(double.IsFinite)).Select(s => s.Row).ToList();
        if (earlier.Count < _options.MinimumOutcomes)
        {
            _choices[year] = PoolingChoice.Default;
            return PoolingChoice.Default;
        }

        int models = _options.Models.Count, weights = _options.Weights.Count;
        var byYear = earlier.GroupBy(i => _rows[i].Target.Deadline.Year).ToList();
        var logPost = new double[models * weights];
        for (int m = 0; m < models; m++)
        {
            for (int k = 0; k < weights; k++)
            {
                double w = _options.Weights[k];
                double prior = (1.0 / models) * (weights == 1 ? 1 : w == 0 ? _options.NoForecastPrior : (1 - _options.NoForecastPrior) / (weights - 1));
                double log = Math.Log(prior);
                foreach (var inYear in byYear)
                {
                    double sum = 0;
                    foreach (int i in inYear)
                    {
                        double r = _recordByModel[i][m];
                        double p = _rows[i].Forecast is { } f ? TargetAssessors.Pool(r, f.Probability, w) : r;
                        sum += TargetAssessors.LogScore(p, _rows[i].Outcome!.Met);
                    }

                    log += sum / Math.Sqrt(inYear.Count());
                }

                logPost[(m * weights) + k] = log;
            }
        }

        double max = logPost.Max(), total = logPost.Sum(x => Math.Exp(x - max));
        var members = new List<PoolingMember>(logPost.Length);
        for (int j = 0; j < logPost.Length; j++)
            members.Add(new PoolingMember(_options.Models[j / weights], _options.Weights[j % weights], Math.Exp(logPost[j] - max) / total));
        MarginModelOptions map = members.GroupBy(x => x.Model).MaxBy(g => g.Sum(x => x.Probability))!.Key;
        double meanWeight = members.Sum(x => x.Probability * x.Weight);
        double mapShare = members.Where(x => x.Model == map).Sum(x => x.Probability);
        string why = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"averaged over {logPost.Length} settings by their likelihood on {earlier.Count} earlier outcomes; most probable {map} ({mapShare:0.00})");
        var choice = new PoolingChoice(map, meanWeight, why) { Members = members };
        _choices[year] = choice;
        return choice;
    }

    private int IndexOf(MarginModelOptions m)
    {
        for (int i = 0; i < _options.Models.Count; i++)
            if (_options.Models[i] == m) return i;
        return 0;
    }
}
