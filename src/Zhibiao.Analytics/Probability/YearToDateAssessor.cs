using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Forecasting.Baselines;
using Zhibiao.Analytics.Forecasting.Ets;

namespace Zhibiao.Analytics.Probability;

/// <summary>
/// P(met) of an annual target of a monthly or quarterly flow from the periods of the year published so far. The
/// year's total is the published year-to-date total plus the remaining periods, simulated as sample paths by a
/// seasonal model fitted on everything published up to then (the history before the year and its first k periods);
/// each path's year is judged by the target's met rule, and P(met) is the share of paths that meet it. Also the
/// requirement: the growth the remaining periods need over the same periods last year. Growth targets are judged on
/// the growth of the year's total over last year's.
/// </summary>
public static class YearToDateAssessor
{
    /// <summary>
    /// The model used when the options name none: automatic ETS (<c>ets</c>), its form chosen on the history before
    /// the target year (<see cref="ForYear"/>). Chosen on M3 monthly (every fourth series) with <c>backtest-ytd</c>
    /// over <c>theta</c>: a lower Brier score at 8 of the 12 k with the tempered paths (10 before them; docs/year-to-date.md),
    /// not on the collections the figures report.
    /// </summary>
    public const string DefaultModel = "ets";

    /// <summary>
    /// Whether a target is judged from year-to-date data: a level or growth target for a year of a monthly or
    /// quarterly flow.
    /// </summary>
    public static bool Judges(Indicator indicator, Target target)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(target);
        return indicator.Frequency != Frequency.Yearly && indicator.Kind == IndicatorKind.Flow
            && target.Deadline.Frequency == Frequency.Yearly && target.Kind is TargetKind.Level or TargetKind.Growth;
    }

    /// <summary>
    /// Assesses an annual target of a flow from its period values published up to <paramref name="asOf"/>; no
    /// figure of a later period is read.
    /// </summary>
    /// <param name="series">The period values (monthly or quarterly) of the indicator.</param>
    /// <param name="target">A level or growth target whose deadline is a year: the year's total, or its growth.</param>
    /// <param name="asOf">The last period whose figures may be used.</param>
    /// <param name="options">The model (<see cref="DefaultModel"/> when none), paths and seed.</param>
    /// <exception cref="AnalyticsException">
    /// The target belongs to another indicator, is not a level or growth target for a year, the indicator is not a
    /// monthly or quarterly flow; a period of the target year before the latest published one has no value; a
    /// growth target without last year's periods; no figure up to <paramref name="asOf"/>. The message names the
    /// indicator and the period.
    /// </exception>
    public static YearToDateAssessment Assess(IndicatorSeries series, Target target, Period asOf, AssessmentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(target);
        options ??= AssessmentOptions.Default;
        Indicator ind = series.Indicator;
        int m = Check(ind, target, asOf);
        int year = target.Deadline.Year;
        Period yearStart = Period.Create(ind.Frequency, year, 1), yearEnd = yearStart + (m - 1);
        Period cut = asOf < yearEnd ? asOf : yearEnd;
        Observation[] known = [.. series.Where(o => o.Period <= cut)];
        if (known.Length == 0) throw new AnalyticsException($"{ind.Id}: no figure up to {asOf}");
        var notes = new List<string>();
        IndicatorSeries history = IndicatorSeries.Create(ind, known);
        if (history.Gaps.Count > 0)
        {
            bool positive = history.All(o => o.Value.Value > 0);
            RequireYearComplete(ind, history, yearStart);
            notes.Add($"gaps {string.Join(", ", history.Gaps)} filled by {(positive ? "log-linear" : "linear")} interpolation for the model");
            history = history.Interpolate(positive ? Interpolation.LogLinear : Interpolation.Linear);
        }

        (Period first, double[] values) = history.ToValues();
        var frame = new YearFrame(first, values, yearStart, m);
        if (frame.Published > 0 && first > yearStart)
            throw new AnalyticsException($"{ind.Id} {yearStart}: no value, but {year} is published up to {frame.Origin}; the year-to-date total of {year} cannot be formed (the series starts at {first})");
        if (target.Kind == TargetKind.Growth && frame.LastYearStart < 0)
            throw new AnalyticsException($"{ind.Id} {yearStart - m}: a growth target for {year} needs every period of {year - 1}, and the series starts at {first}");

        YearRule judge = Judgement(ind, target);
        IForecaster forecaster = options.Forecaster ?? Forecasters.Create(DefaultModel);
        double[] judged;
        double[]? paths = null;
        string method;
        int steps = frame.Steps;
        if (steps == 0)
        {
            judged = [frame.Judged(judge.Growth, [])];
            method = "published";
        }
        else
        {
            // The model's form is chosen on the history before the year (as the backtest does at k = 0), then fitted on everything published.
            int beforeYear = (yearStart - 1) - first + 1;
            if (frame.Published > 0 && beforeYear >= 2)
            {
                try
                {
                    forecaster = ForYear(forecaster, forecaster.Fit(values.AsSpan(0, beforeYear), m));
                }
                catch (ForecastException)
                {
                    // The history before the year is too short for the model: it is fitted on everything as it is.
                }
            }

            (paths, method, _) = Simulate(values, m, steps, forecaster, options.Paths, options.Seed, notes);
            judged = new double[paths.Length / steps];
            for (int p = 0; p < judged.Length; p++) judged[p] = frame.Judged(judge.Growth, paths.AsSpan(p * steps, steps));
        }

        int met = 0;
        foreach (double x in judged)
            if (judge.IsMet(x)) met++;
        double probability = met / (double)judged.Length;
        double[] sorted = [.. judged];
        Array.Sort(sorted);
        double? lastYear = frame.LastYearTotal;
        double? same = frame.LastYearSamePeriods;
        Interval? required = null;
        double? forecastGrowth = null;
        if (steps is > 0 && lastYear is { } ly && same is { } s && ly - s > 0)
        {
            double rest = ly - s;
            Interval goal = judge.MetInterval;
            Interval total = target.Kind == TargetKind.Growth ? new Interval(ly * (1 + goal.Lower), ly * (1 + goal.Upper)) : goal;
            required = new Interval(((total.Lower - frame.PublishedTotal) / rest) - 1, ((total.Upper - frame.PublishedTotal) / rest) - 1);
            var restGrowth = new double[judged.Length];
            for (int p = 0; p < restGrowth.Length; p++)
            {
                double sum = 0;
                foreach (double v in paths.AsSpan(p * steps, steps)) sum += v;
                restGrowth[p] = (sum / rest) - 1;
            }

            Array.Sort(restGrowth);
            forecastGrowth = FittedModel.Quantile(restGrowth, 0.5);
        }

        return new YearToDateAssessment(ind, target, frame.Origin, frame.Published, frame.PublishedTotal, lastYear, same, method,
            probability, LikelihoodScale.Of(probability), FittedModel.Quantile(sorted, 0.5),
            new Interval(FittedModel.Quantile(sorted, 0.1), FittedModel.Quantile(sorted, 0.9)),
            new Interval(FittedModel.Quantile(sorted, 0.025), FittedModel.Quantile(sorted, 0.975)),
            required, forecastGrowth, paths is null ? null : frame.YearTotals(paths), frame.PublishedTotals(), frame.LastYearTotals(), notes);
    }

    /// <summary>The checks of the target, indicator and as-of period; the periods per year.</summary>
    private static int Check(Indicator ind, Target target, Period asOf)
    {
        TargetRules.CheckBelongsTo(ind, target);
        if (ind.Frequency == Frequency.Yearly)
            throw new AnalyticsException($"{ind.Id}: year-to-date judging needs a monthly or quarterly indicator, {ind.Id} is yearly");
        if (ind.Kind != IndicatorKind.Flow)
            throw new AnalyticsException($"{ind.Id}: year-to-date judging sums the periods of a year, which needs a flow; {ind.Id} is a {Indicator.ToToken(ind.Kind)} indicator");
        if (target.Deadline.Frequency != Frequency.Yearly)
            throw new AnalyticsException($"{ind.Id} target {target.Deadline}: an annual target's deadline is a year (2025), not a {target.Deadline.Frequency.ToToken()} period");
        if (target.Kind is not (TargetKind.Level or TargetKind.Growth))
            throw new AnalyticsException($"{ind.Id} target {target.Deadline}: a {Target.ToToken(target.Kind)} target is not judged from year-to-date data (level and growth targets are)");
        if (asOf.Frequency != ind.Frequency)
            throw new AnalyticsException($"{ind.Id}: as-of period {asOf} is not a {ind.Frequency.ToToken()} period");
        return ind.Frequency.PeriodsPerYear();
    }

    /// <summary>A period of the target year up to the latest published one must have a value (no gap filled there).</summary>
    private static void RequireYearComplete(Indicator ind, IndicatorSeries history, Period yearStart)
    {
        Period latest = history.Latest!.Period;
        foreach (Period gap in history.Gaps)
            if (gap >= yearStart)
                throw new AnalyticsException($"{ind.Id} {gap}: no value, but {gap.Year} is published up to {latest}; the year-to-date total of {gap.Year} cannot be formed");
    }

    /// <summary>
    /// The forecaster of the months of a target year, from the model fitted on the history before it: for ETS the form
    /// it selected there (error, trend and season types), whose parameters each month's fit estimates again — every
    /// fit of the year is then one model rather than a new selection, about a seventh of the work; other models as
    /// they are.
    /// </summary>
    internal static IForecaster ForYear(IForecaster forecaster, IFittedModel selected) =>
        forecaster is EtsForecaster ets && selected is EtsFittedModel { IsFallback: false } fit
            ? new EtsForecaster(ets.Options with { Model = fit.Model.Code })
            : forecaster;

    /// <summary>
    /// Fits the model on <paramref name="history"/> and simulates <paramref name="count"/> paths of
    /// <paramref name="steps"/> periods (path-major). A model that cannot fit gives way to the seasonal naive model
    /// (a log random walk with drift for less than a year and a period), with a note.
    /// </summary>
    /// <exception cref="AnalyticsException">Fewer than two values, or the paths are not finite.</exception>
    internal static (double[] Paths, string Method, IFittedModel Model) Simulate(ReadOnlySpan<double> history, int m, int steps, IForecaster forecaster, int count, int seed, List<string> notes)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "at least one path");
        IFittedModel model;
        try
        {
            model = forecaster.Fit(history, m);
        }
        catch (ForecastException e)
        {
            IForecaster fallback = history.Length > m ? new SeasonalNaiveForecaster() : new LogDriftForecaster();
            AddOnce(notes, $"{forecaster.Name} could not fit ({e.Message}): {fallback.Name} instead");
            model = fallback.Fit(history, m);
        }

        var paths = new double[checked(count * steps)];
        model.SimulatePaths(steps, paths, new Random(seed));
        Rescale(paths, steps, RecentScale(model, m));
        Temper(paths, history, m, steps);
        foreach (double v in paths)
            if (!double.IsFinite(v)) throw new AnalyticsException($"{model.Method} simulated values that are not finite");
        return (paths, model.Method, model);
    }

    /// <summary>
    /// Years of the latest residuals whose scale the paths take (2): chosen on M3 monthly (every fourth series) among 1,
    /// 2, 3 years and the whole history, by the mean calibration error over k (docs/year-to-date.md); not on tourism or M1.
    /// </summary>
    internal const int RecentYears = 2;

    /// <summary>
    /// The factor that brings a model's simulated spread to the scale of its latest residuals:
    /// s = √(mean e² over the last <see cref="RecentYears"/> years ÷ mean e² over the whole fit), e the one-step residual
    /// as the model's error term has it — relative (e = (y − ŷ)/ŷ) for ETS with multiplicative error, else y − ŷ. A model's
    /// σ is the error's mean square over its whole history, but the noise of a series is not constant: when it grew
    /// relative to the level (additive errors on a series that grew), paths drawn with the average σ are too narrow, when
    /// it shrank (relative errors that fell as the series grew), too wide. 1 when there are no finite residuals or either
    /// mean square is 0.
    /// </summary>
    internal static double RecentScale(IFittedModel model, int m)
    {
        bool relative = model is EtsFittedModel { Model.Error: EtsError.Multiplicative };
        IReadOnlyList<double> residuals = model.Residuals, fitted = model.Fitted;
        int from = residuals.Count - (RecentYears * m);
        double all = 0, recent = 0;
        int allCount = 0, recentCount = 0;
        for (int i = 0; i < residuals.Count; i++)
        {
            double e = relative ? residuals[i] / fitted[i] : residuals[i];
            if (!double.IsFinite(e)) continue;
            all += e * e;
            allCount++;
            if (i < from) continue;
            recent += e * e;
            recentCount++;
        }

        return recentCount == 0 || all <= 0 || recent <= 0 ? 1 : Math.Sqrt(recent / recentCount / (all / allCount));
    }

    /// <summary>
    /// Weight of the model's own forecast of the remaining periods' growth in <see cref="Temper"/> (0.9); the rest goes to
    /// the series' long-run growth. Chosen on M3 monthly (every fourth series) among 1, 0.9, 0.8, 0.7, 0.6 and 0.5 by the
    /// mean Brier score over k (docs/year-to-date.md); not on tourism or M1.
    /// </summary>
    internal const double ModelWeight = 0.9;

    /// <summary>
    /// Tempers the growth the paths forecast for the remaining periods of the year with the series' long-run growth:
    /// every path is multiplied by exp((1 − w)·(ḡ − g)), where g = ln(F / L) is the model's forecast growth of the
    /// remaining periods over the same periods last year (F the paths' mean sum of them, L last year's sum), ḡ the
    /// median of ln(Y(j) / Y(j − 1)) over the complete calendar-year totals Y of the history before the year, and
    /// w = <see cref="ModelWeight"/>. A seasonal model's forecast growth of a year over the last is too extreme: on M3,
    /// tourism and M1 monthly the actual growth rose by 0.8, 0.4 and 0.5 of each unit of forecast growth (a forecast
    /// fall came out a smaller fall or a rise), as its level takes the noise of the latest periods for a lasting
    /// change. The paths stay as they are when the year has more than <paramref name="steps"/> periods left to
    /// forecast beyond it (steps &gt; m), the history holds fewer than two complete years before it, or a total, F
    /// or L is not positive.
    /// </summary>
    internal static void Temper(double[] paths, ReadOnlySpan<double> history, int m, int steps)
    {
        if (steps > m) return;
        int yearStart = history.Length - (m - steps);
        int years = yearStart / m;
        if (years < 2) return;
        double last = 0;
        for (int j = yearStart - steps; j < yearStart; j++) last += history[j];
        var growth = new double[years - 1];
        double later = 0;
        for (int y = 0; y < years; y++)
        {
            double total = 0;
            for (int j = yearStart - ((y + 1) * m); j < yearStart - (y * m); j++) total += history[j];
            if (!(total > 0)) return;
            if (y > 0) growth[y - 1] = Math.Log(later / total);
            later = total;
        }

        int count = paths.Length / steps;
        double forecast = 0;
        foreach (double v in paths) forecast += v;
        forecast /= count;
        if (!(forecast > 0) || !(last > 0)) return;
        Array.Sort(growth);
        double longRun = FittedModel.Quantile(growth, 0.5);
        double factor = Math.Exp((1 - ModelWeight) * (longRun - Math.Log(forecast / last)));
        if (!double.IsFinite(factor)) return;
        for (int i = 0; i < paths.Length; i++) paths[i] *= factor;
    }

    /// <summary>Moves each step's simulated values about their mean over the paths: x' = x̄ + s·(x − x̄) (path-major).</summary>
    internal static void Rescale(double[] paths, int steps, double scale)
    {
        if (scale == 1) return;
        int count = paths.Length / steps;
        for (int h = 0; h < steps; h++)
        {
            double mean = 0;
            for (int p = 0; p < count; p++) mean += paths[(p * steps) + h];
            mean /= count;
            for (int p = 0; p < count; p++) paths[(p * steps) + h] = mean + (scale * (paths[(p * steps) + h] - mean));
        }
    }

    /// <summary>How a target judges a year: on its total or its growth, by the target's met rule.</summary>
    internal sealed class YearRule(bool growth, Func<double, bool> isMet, Interval metInterval)
    {
        /// <summary>Whether the judged quantity is the growth of the year's total (a fraction) rather than the total.</summary>
        public bool Growth => growth;

        /// <summary>The target's met rule on the judged quantity.</summary>
        public bool IsMet(double judged) => isMet(judged);

        /// <summary>The judged values that meet the target, an interval (half-lines for a floor or a ceiling).</summary>
        public Interval MetInterval => metInterval;
    }

    /// <summary>
    /// The target's one met rule (<see cref="Target.Rule"/>) on the judged quantity — the total in the indicator's
    /// unit, or the growth as a fraction — and the interval of judged values it accepts.
    /// </summary>
    /// <exception cref="IncompatibleUnitsException">The target's unit does not fit the indicator.</exception>
    internal static YearRule Judgement(Indicator ind, Target t)
    {
        TargetRule rule = t.Rule(ind);
        return new YearRule(t.Kind == TargetKind.Growth, rule.IsMetBy, rule.Accepted);
    }

    private static void AddOnce(List<string> notes, string note)
    {
        if (!notes.Contains(note)) notes.Add(note);
    }
}
