namespace Zhibiao.Analytics.Reports;

/// <summary>One national target scored as the board would have scored it, seeing only what a provincial report shows.</summary>
/// <param name="Target">The target.</param>
/// <param name="History">Last year's figure and the five-year average, as known in the target's year.</param>
/// <param name="Chance">P(met) and its inputs.</param>
/// <param name="OnTrack">The board's deterministic status: last year's figure already meets the target.</param>
/// <param name="Met">Whether the outcome met the target.</param>
public sealed record BoardBacktestRow(Target Target, ThinHistory History, BoardChance Chance, bool? OnTrack, bool Met);

/// <summary>
/// Checks <see cref="BoardProbability"/> on the national series: every national main target with an outcome, forecast
/// from what a provincial report would have shown in its year — last year's figure and the five-year average — with
/// the spread pooled from the national changes known before that year and the track record of earlier targets only.
/// </summary>
public static class BoardBacktest
{
    /// <summary>The rows, in year order.</summary>
    public static IReadOnlyList<BoardBacktestRow> Run(NationalRecord national, BoardProbabilityOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(national);
        var rows = new List<BoardBacktestRow>();
        foreach (Target t in national.Targets.Where(t => t.IsMain))
        {
            if (national.Met(t) is not { } met) continue;
            int year = t.Deadline.Year;
            double? latest = national.Value(t.IndicatorId, year - 1);
            var five = Enumerable.Range(year - 5, 5).Select(y => national.Value(t.IndicatorId, y)).ToList();
            double? average = five.All(v => v is not null) && ReportIndicators.Find(t.IndicatorId)!.Reads == Measure.Growth ? five.Average(v => v!.Value) : null;
            var history = new ThinHistory(latest, average);
            BoardChance chance = BoardProbability.Assess(t, history, national.Changes(t.IndicatorId, year), national.Record(year), options);
            bool? onTrack = latest is { } l ? t.Rule(ReportIndicators.Find(t.IndicatorId)!.Indicator).IsMetBy(l) : null;
            rows.Add(new BoardBacktestRow(t, history, chance, onTrack, met));
        }

        return rows;
    }

    /// <summary>Brier and log scores of P(met), the forecast alone (0.5 without one), the prior alone and the deterministic status (insufficient data scored 0.5).</summary>
    public static IReadOnlyList<BacktestScore> Scores(IReadOnlyList<BoardBacktestRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        BacktestScore Score(string name, Func<BoardBacktestRow, double> p) => new(name,
            rows.Count == 0 ? double.NaN : rows.Average(r => Math.Pow(p(r) - (r.Met ? 1 : 0), 2)),
            rows.Count == 0 ? double.NaN : rows.Average(r => HonestPrior.LogScore(p(r), r.Met)));
        return
        [
            Score("p_met", r => r.Chance.PMet),
            Score("p_forecast", r => r.Chance.PForecast ?? 0.5),
            Score("p_prior", r => r.Chance.PPrior),
            Score("deterministic", r => r.OnTrack is { } o ? (o ? 1 : 0) : 0.5),
        ];
    }
}
