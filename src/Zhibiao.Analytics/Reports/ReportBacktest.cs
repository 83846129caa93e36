using Zhibiao.Analytics.Probability;

namespace Zhibiao.Analytics.Reports;

/// <summary>One target of a report backtested with what was known in its year.</summary>
/// <param name="Target">The target.</param>
/// <param name="Indicator">Its indicator.</param>
/// <param name="PMet">P(met): the forecast combined with the prior (<see cref="HonestPrior.Combine"/>).</param>
/// <param name="PForecast">P(met) of the forecast alone, null when the history is too short.</param>
/// <param name="PPrior">P(met) of the prior alone (the track record).</param>
/// <param name="BaseRate">The share of the indicator's earlier targets that were met, as known then.</param>
/// <param name="Status">The deterministic status, empty without a forecast.</param>
/// <param name="OnTrack">Whether the deterministic rule says met.</param>
/// <param name="Outcome">The figure the next report gives, or null.</param>
/// <param name="Met">Whether the outcome meets the target (<see cref="Target.Rule"/>), or null.</param>
/// <param name="Stated">What the next report says of it (met / missed), or null.</param>
public sealed record BacktestRow(
    Target Target, ReportIndicator Indicator, double PMet, double? PForecast, double PPrior, double BaseRate, string Status, bool OnTrack,
    Observation? Outcome, bool? Met, bool? Stated);

/// <summary>Brier and log score of one probability over rows with an outcome.</summary>
/// <param name="Name">p_met, p_forecast, p_prior, base_rate, deterministic.</param>
/// <param name="Brier">Mean (p − met)²; lower is better.</param>
/// <param name="Log">Mean ln p(outcome), p clipped to [0.01, 0.99]; higher is better.</param>
public sealed record BacktestScore(string Name, double Brier, double Log);

/// <summary>One bin of a reliability table.</summary>
/// <param name="Low">Lower edge of the bin of P(met).</param>
/// <param name="High">Upper edge.</param>
/// <param name="Count">Targets in it.</param>
/// <param name="MeanP">Mean P(met).</param>
/// <param name="Observed">Share met.</param>
public sealed record ReportReliabilityBin(double Low, double High, int Count, double MeanP, double Observed);

/// <summary>
/// Backtests the targets of a report series: for every target of the report of year t, only figures published in
/// reports up to t (first-published vintages), the forecast of <see cref="AssessmentAdapter"/>, the honest prior of
/// <see cref="HonestPrior"/> and their combination; the outcome from the report of t + 1.
/// </summary>
public static class ReportBacktest
{
    /// <summary>The rows, in year and text order.</summary>
    public static IReadOnlyList<BacktestRow> Run(ReportSeries series, int? from = null, int? to = null, AssessmentOptions? assessment = null, PriorOptions? prior = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        var rows = new List<BacktestRow>();
        var all = new List<BacktestRow>();
        foreach (ReportContent report in series.Reports)
        {
            int t = report.Year;
            // What was known in year t: targets of earlier years whose outcome a report up to t states.
            var known = all.Where(r => r.Target.Deadline.Year < t && r.Met is not null && r.Target.Deadline.Year + 1 <= t).ToList();
            var record = known.Select(r => (r.Target.IndicatorId, r.Met!.Value)).ToList();
            double weight = HonestPrior.LearnWeight(known.Select(r => (r.PPrior, r.PForecast, r.Met!.Value)), prior);
            foreach (Target target in report.Targets)
            {
                ReportIndicator ind = ReportIndicators.Find(target.IndicatorId)!;
                double pPrior = HonestPrior.Prior(ind.Id, record, prior);
                double baseRate = HonestPrior.BaseRate(ind.Id, record);
                ForecastSide? f = null;
                try
                {
                    f = AssessmentAdapter.Assess(ind, series.History(ind.Id, t), target, assessment);
                }
                catch (AnalyticsException)
                {
                    // A history the assessor cannot model (e.g. a unit that does not fit): the prior alone answers.
                }

                Observation? outcome = series.Outcome(target);
                bool? met = outcome is null ? null : target.Rule(ind.Indicator).IsMetBy(outcome.Value.ConvertTo(ind.Indicator.Unit).Value);
                var row = new BacktestRow(target, ind, HonestPrior.Combine(pPrior, f?.Probability, weight), f?.Probability, pPrior, baseRate,
                    f?.Status ?? "", f?.OnTrack ?? false, outcome, met, series.StatedVerdict(target));
                all.Add(row);
                if ((from is null || t >= from) && (to is null || t <= to)) rows.Add(row);
            }
        }

        return rows;
    }

    /// <summary>Brier and log scores of P(met), the forecast alone, the prior alone, the base rate and the deterministic rule, over rows with an outcome.</summary>
    public static IReadOnlyList<BacktestScore> Scores(IEnumerable<BacktestRow> rows)
    {
        var scored = rows.Where(r => r.Met is not null).ToList();
        BacktestScore Score(string name, Func<BacktestRow, double> p) => new(name,
            scored.Count == 0 ? double.NaN : scored.Average(r => Math.Pow(p(r) - (r.Met!.Value ? 1 : 0), 2)),
            scored.Count == 0 ? double.NaN : scored.Average(r => HonestPrior.LogScore(p(r), r.Met!.Value)));
        return
        [
            Score("p_met", r => r.PMet),
            Score("p_forecast", r => r.PForecast ?? 0.5),
            Score("p_prior", r => r.PPrior),
            Score("base_rate", r => r.BaseRate),
            Score("deterministic", r => r.OnTrack ? 1 : 0),
        ];
    }

    /// <summary>Reliability of P(met) in five bins of width 0.2.</summary>
    public static IReadOnlyList<ReportReliabilityBin> Reliability(IEnumerable<BacktestRow> rows)
    {
        var scored = rows.Where(r => r.Met is not null).ToList();
        var bins = new List<ReportReliabilityBin>();
        for (int b = 0; b < 5; b++)
        {
            double lo = b * 0.2, hi = lo + 0.2;
            var inBin = scored.Where(r => r.PMet >= lo && (r.PMet < hi || (b == 4 && r.PMet <= 1))).ToList();
            bins.Add(new ReportReliabilityBin(lo, hi, inBin.Count, inBin.Count == 0 ? double.NaN : inBin.Average(r => r.PMet),
                inBin.Count == 0 ? double.NaN : inBin.Count(r => r.Met!.Value) / (double)inBin.Count));
        }

        return bins;
    }
}
