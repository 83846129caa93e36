using CsCheck;
using Zhibiao.Analytics.Probability;
using Zhibiao.Analytics.Tests.Forecasting;

namespace Zhibiao.Analytics.Tests.Targets;

/// <summary>
/// Tracking, the probability and the record judge a target by the one met rule: for random targets (level, growth,
/// share and cumulative; more or less is better; every wording, ranges and "about" included, or a side and tolerance
/// given directly) and random outcomes (many on the rule's edges), tracking's status at the deadline, the simulation's
/// judged event (P(met) of paths that all reach the outcome: 1 or 0) and a recorded target's verdict all equal
/// <c>Target.Rule(indicator).IsMetBy(outcome)</c>.
/// </summary>
public class TargetAgreementTests
{
    private const int Deadline = 2025;
    private static readonly Source Src = new("property");
    private static readonly PlanPeriod Plan = new(Period.OfYear(2021), Period.OfYear(Deadline));

    private static Indicator IndicatorOf(TargetKind kind, Direction direction) => kind switch
    {
        TargetKind.Level => new("x", "接待游客", "arrivals", Units.Get("人次"), Frequency.Yearly, direction, IndicatorKind.Flow),
        TargetKind.Share => new("x", "占比", "share", Units.Percent, Frequency.Yearly, direction, IndicatorKind.Share),
        _ => new("x", "投资", "investment", Units.Yuan, Frequency.Yearly, direction, IndicatorKind.Flow),
    };

    /// <summary>The target figure as written: 亿人次 for a level, % for a share or growth, 元 for a plan total.</summary>
    private static Quantity Figure(TargetKind kind, double written) => kind switch
    {
        TargetKind.Level => Quantity.Reported(written, "亿人次", 1),
        TargetKind.Cumulative => Quantity.Reported(written, Magnitude.One, Units.Yuan, 1),
        _ => Quantity.Reported(written, Magnitude.One, Units.Percent, 1),
    };

    private static double Written(TargetKind kind, double u) => Math.Round(kind switch
    {
        TargetKind.Level => 1 + (8 * u),          // 1–9亿人次
        TargetKind.Share => 5 + (75 * u),         // 5–80%
        TargetKind.Growth => -3 + (13 * u),       // −3% to 10%
        _ => 500 + (500 * u),                     // a 500–1000元 total over 2021-2025
    }, 1);

    [Fact]
    public void Tracking_the_probability_and_the_record_agree_with_the_met_rule() =>
        Gen.Select(Gen.Select(Gen.Int[0, 3], Gen.Bool, Gen.Int[0, 4], Gen.Int[0, 3], Gen.Double[0, 1]),
                   Gen.Select(Gen.Double[0.1, 2], Gen.Int[0, 4], Gen.Double[-3, 3], Gen.Double[0, 0.3]))
        .SamplePinned((drawn, outcome) =>
        {
            (int k, bool higher, int w, int how, double u) = drawn;
            (double spread, int edge, double t, double tol) = outcome;
            var kind = (TargetKind)k;
            var wording = (TargetWording)w;
            Direction direction = higher ? Direction.HigherIsBetter : Direction.LowerIsBetter;
            Indicator ind = IndicatorOf(kind, direction);
            Quantity figure = Figure(kind, Written(kind, u));

            // The side and tolerance from the one wording policy, or given directly (a dataset's comparison, "about" a band).
            (TargetComparison side, double? tolerance) = how < 2
                ? Target.FromWording(wording, direction, figure)
                : ((TargetComparison)(how == 2 ? 2 : (int)(tol * 10) % 3), how == 2 || tol > 0.15 ? tol : null);
            Quantity? high = wording == TargetWording.Range ? Figure(kind, figure.Written + Math.Round(spread, 1)) : null;
            var target = new Target(ind.Id, kind, Period.OfYear(Deadline), figure, side, Src)
            {
                Wording = wording,
                Tolerance = tolerance,
                High = high,
                Plan = kind == TargetKind.Cumulative ? Plan : null,
            };
            TargetRule rule = target.Rule(ind);

            // The judged quantity: on an edge of the rule (bound, bound ± tolerance) or anywhere near it.
            double width = Math.Max(rule.Tolerance, 0.01 * Math.Max(1e-3, Math.Abs(rule.Bound)));
            double aimed = edge < 3 ? rule.Bound + ((edge - 1) * rule.Tolerance) : rule.Bound + (t * width);

            // A history 2017–2024 and the deadline's value that gives the judged quantity.
            double[] history = new double[8];
            for (int i = 0; i < history.Length; i++)
                history[i] = kind switch
                {
                    TargetKind.Level => 1e8 * (1 + (0.1 * i)),
                    TargetKind.Share => 3 + i,
                    TargetKind.Growth => 100 * Math.Pow(1.05, i),
                    _ => 100 + (5 * i),
                };
            double last = kind switch
            {
                TargetKind.Growth => history[^1] * (1 + aimed),
                TargetKind.Cumulative => aimed - history[4] - history[5] - history[6] - history[7],
                _ => aimed,
            };
            // The quantity as every judge forms it from the values (growth from two levels, a total summed in year order).
            double judged = kind switch
            {
                TargetKind.Growth => (last / history[^1]) - 1,
                TargetKind.Cumulative => history[4] + history[5] + history[6] + history[7] + last,
                _ => last,
            };
            bool met = rule.IsMetBy(judged);

            Observation Level(int year, double v) => new(ind.Id, Period.OfYear(year), Measure.Level, Quantity.Of(v, ind.Unit), Qualifier.Exact, Src);
            Observation[] before = [.. history.Select((v, i) => Level(2017 + i, v))];

            // Tracking with the deadline's value published.
            TrackingResult tracked = Tracker.Track(IndicatorSeries.Create(ind, [.. before, Level(Deadline, last)]), target);
            Assert.True(tracked.Status is ProgressStatus.TargetAchieved or ProgressStatus.TargetMissed, $"{target}: {tracked.Status}");
            Assert.True(met == (tracked.Status == ProgressStatus.TargetAchieved), $"{target}, judged {judged}: rule {met}, tracking {tracked.Status}");

            // The simulation's judged event: every path reaches the deadline's value.
            var options = new AssessmentOptions { Forecaster = new ScriptedForecaster { Paths = [[last]] }, Paths = 8 };
            TargetAssessment assessed = TargetAssessor.Assess(IndicatorSeries.Create(ind, before), target, options);
            Assert.True(assessed.ProbabilityMet == (met ? 1 : 0), $"{target}, judged {judged}: rule {met}, P(met) {assessed.ProbabilityMet}");

            // The record's verdict on the outcome.
            Assert.Equal(met, new RecordedTarget(target, ind, judged, 1, Deadline + 1, "").Met);
        }, seed: "0api00agree1");
}
