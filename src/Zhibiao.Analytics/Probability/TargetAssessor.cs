using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Forecasting.Baselines;

namespace Zhibiao.Analytics.Probability;

/// <summary>
/// P(target met) for every kind of target: forecasts the indicator to the deadline, simulates sample paths and counts
/// the share that meet the target. Qualified and rounded observations enter as
/// intervals: histories are drawn from them and refitted, so their uncertainty reaches the probability. Series with
/// fewer than <see cref="AssessmentOptions.MinimumForModel"/> values use a log random walk with drift and a prior
/// volatility, which widens the answer honestly.
/// </summary>
internal static class TargetAssessor
{
    /// <summary>Assesses a target against the indicator's levels.</summary>
    /// <exception cref="AnalyticsException">
    /// The target belongs to another indicator, its unit does not fit, its deadline is not after the latest
    /// observation, or the series has fewer than two values.
    /// </exception>
    public static TargetAssessment Assess(IndicatorSeries series, Target target, AssessmentOptions? options = null, IEnumerable<Observation>? reported = null)
    {
        options ??= AssessmentOptions.Default;
        Check(series, target);
        TrackingResult deterministic = Tracker.Track(series, target, reported, options.Tracking);
        return AssessTracked(series, deterministic, options).Assessment;
    }

    /// <summary>
    /// Assesses the target of a deterministic tracking result (computed once by the caller, <see cref="TargetPipeline"/>)
    /// and returns the paths the probability was counted on: step h is the period latest + h, to the deadline.
    /// </summary>
    internal static (TargetAssessment Assessment, IndicatorPaths Paths) AssessTracked(IndicatorSeries series, TrackingResult deterministic, AssessmentOptions options)
    {
        Target target = deterministic.Target ?? throw new ArgumentException("the tracking result has no target", nameof(deterministic));
        (Observation latest, int steps, double goal) = Check(series, target);
        Indicator ind = series.Indicator;
        var notes = new List<string>();
        IndicatorSeries complete = series.Gaps.Count == 0 ? series : Fill(series, notes);
        var judged = new List<double>(options.Paths);
        var all = new List<double>(options.Paths * steps);
        string method = Run(series, complete, steps, options, notes, (values, paths, count) =>
        {
            for (int p = 0; p < count; p++)
                judged.Add(Judged(target, complete, values, paths.AsSpan(p * steps, steps)));
            all.AddRange(paths.AsSpan(0, count * steps));
        });

        TargetAssessment assessment = Summarise(ind, target, latest, method, steps, goal, [.. judged], deterministic, notes);
        return (assessment, new IndicatorPaths(series, new SamplePaths([.. all], steps), method, notes));
    }

    /// <summary>The checks of a target against its series, in the order their errors are reported; the latest observation, the steps to the deadline and the goal.</summary>
    private static (Observation Latest, int Steps, double Goal) Check(IndicatorSeries series, Target target)
    {
        Indicator ind = series.Indicator;
        TargetRules.CheckBelongsTo(ind, target);
        Observation latest = series.Latest ?? throw new AnalyticsException($"{ind.Id}: no observations");
        if (series.Count < 2) throw new AnalyticsException($"{ind.Id}: a probability needs at least two observations, there is one ({latest})");
        if (target.Deadline.Frequency != ind.Frequency)
            throw new AnalyticsException($"{ind.Id}: target deadline {target.Deadline} is not a {ind.Frequency.ToToken()} period");
        int steps = target.Deadline - latest.Period;
        if (steps < 1)
            throw new AnalyticsException($"{ind.Id}: target deadline {target.Deadline} is not after the latest observation {latest.Period}");
        return (latest, steps, Goal(ind, target));
    }

    /// <summary>
    /// The sample paths of an indicator's levels for the next <paramref name="horizon"/> periods, from the same
    /// simulation <see cref="Assess"/> runs (gaps filled, qualified and rounded figures drawn as intervals, the
    /// same model and seed): with the horizon of a level target's deadline, the quantiles at the last step are the
    /// assessment's median and intervals. For fan charts.
    /// </summary>
    /// <exception cref="AnalyticsException">The series has fewer than two values, or the horizon is out of range.</exception>
    public static IndicatorPaths Simulate(IndicatorSeries series, int horizon, AssessmentOptions? options = null)
    {
        options ??= AssessmentOptions.Default;
        Indicator ind = series.Indicator;
        Observation latest = series.Latest ?? throw new AnalyticsException($"{ind.Id}: no observations");
        if (series.Count < 2) throw new AnalyticsException($"{ind.Id}: a forecast needs at least two observations, there is one ({latest})");
        if (horizon < 1 || horizon > ForecastLimits.MaxHorizon)
            throw new AnalyticsException($"{ind.Id}: horizon must be between 1 and {ForecastLimits.MaxHorizon}, not {horizon}");
        var notes = new List<string>();
        IndicatorSeries complete = series.Gaps.Count == 0 ? series : Fill(series, notes);
        var all = new List<double>(options.Paths * horizon);
        string method = Run(series, complete, horizon, options, notes, (_, paths, count) => all.AddRange(paths.AsSpan(0, count * horizon)));
        return new IndicatorPaths(series, new SamplePaths([.. all], horizon), method, notes);
    }

    /// <summary>
    /// Draws the histories (one when every figure is exact), fits the model to each and simulates its share of the
    /// paths; <paramref name="each"/> sees the history drawn, the paths (path-major) and their count. Whether the
    /// history is long enough for a model counts the real observations of <paramref name="series"/>, not the gaps
    /// <paramref name="complete"/> fills.
    /// </summary>
    private static string Run(IndicatorSeries series, IndicatorSeries complete, int steps, AssessmentOptions options, List<string> notes, Action<double[], double[], int> each)
    {
        Indicator ind = complete.Indicator;
        Observation[] obs = [.. complete];
        bool uncertain = obs.Any(o => Bounds(o, options.QualifierWidth).Width > 0);
        int histories = uncertain ? Math.Max(1, options.Histories) : 1;
        if (uncertain) notes.Add($"qualified or rounded figures enter as intervals: {histories} histories drawn from them");
        int perHistory = Math.Max(1, options.Paths / histories);

        // A rate too short for a model walks in points with the spread of its real changes: the same for every history drawn.
        (double Scale, double Dof)? rate = series.Count < options.MinimumForModel && ind.Unit == Units.Percent ? RateWalkModel.Spread(series) : null;
        var random = new Random(options.Seed);
        var values = new double[obs.Length];
        var paths = new double[perHistory * steps];
        string method = "";
        for (int k = 0; k < histories; k++)
        {
            for (int i = 0; i < obs.Length; i++)
            {
                Interval b = Bounds(obs[i], options.QualifierWidth);
                values[i] = histories == 1 ? obs[i].Value.Value : b.Lower + (random.NextDouble() * b.Width);
            }

            IFittedModel model = FitModel(values, series, rate, options, notes, ref method);
            model.SimulatePaths(steps, paths, new Random(random.Next()));
            each(values, paths, perHistory);
        }

        return method;
    }

    /// <summary>The quantity a target judges, for one path: the level at the deadline, its growth, or the plan total.</summary>
    private static double Judged(Target t, IndicatorSeries s, double[] history, ReadOnlySpan<double> path)
    {
        switch (t.Kind)
        {
            case TargetKind.Growth:
                double before = path.Length > 1 ? path[^2] : history[^1];
                return (path[^1] / before) - 1;
            case TargetKind.Cumulative:
                PlanPeriod plan = t.Plan!.Value;
                double sum = 0;
                for (int i = 0; i < history.Length; i++)
                    if (plan.Contains(s[i].Period)) sum += history[i];
                Period first = s.Latest!.Period + 1;
                for (int h = 0; h < path.Length; h++)
                    if (plan.Contains(first + h)) sum += path[h];
                return sum;
            default:
                return path[^1];
        }
    }

    private static TargetAssessment Summarise(Indicator ind, Target t, Observation latest, string method, int steps, double goal, double[] judged, TrackingResult deterministic, List<string> notes)
    {
        Array.Sort(judged);
        TargetRule rule = t.Rule(ind);
        int met = 0;
        double margin = 0, shortfall = 0;
        foreach (double x in judged)
        {
            if (rule.IsMetBy(x)) met++;
            margin += rule.Margin(x);
            shortfall += rule.Shortfall(x);
        }

        double p = met / (double)judged.Length;
        double median = FittedModel.Quantile(judged, 0.5);
        double years = steps / (double)ind.Frequency.PeriodsPerYear();
        double growth = t.Kind switch
        {
            TargetKind.Growth => median,
            TargetKind.Cumulative => double.NaN,
            _ when ind.ChangesInPoints || t.Kind == TargetKind.Share => (median - latest.Value.Value) / years,
            _ => median > 0 && latest.Value.Value > 0 ? Math.Pow(median / latest.Value.Value, 1 / years) - 1 : double.NaN,
        };
        return new TargetAssessment(ind, t, latest, method, steps, p, LikelihoodScale.Of(p), median,
            new Interval(FittedModel.Quantile(judged, 0.1), FittedModel.Quantile(judged, 0.9)),
            new Interval(FittedModel.Quantile(judged, 0.025), FittedModel.Quantile(judged, 0.975)),
            goal, growth, margin / judged.Length, shortfall / judged.Length, deterministic, notes);
    }

    /// <summary>
    /// The model of a drawn history: the forecaster (the catalogue's default) from <see cref="AssessmentOptions.MinimumForModel"/>
    /// real observations on; below that, a rate in percent walks in points (<see cref="RateWalkModel"/>) and any other
    /// indicator takes the log random walk with drift and a prior volatility. <paramref name="rate"/> is the rate's step
    /// spread (<see cref="RateWalkModel.Spread"/>) when it is short.
    /// </summary>
    private static IFittedModel FitModel(double[] values, IndicatorSeries series, (double Scale, double Dof)? rate, AssessmentOptions options, List<string> notes, ref string method)
    {
        Indicator ind = series.Indicator;
        int season = ind.Frequency.PeriodsPerYear();
        IFittedModel model;
        if (series.Count >= options.MinimumForModel)
        {
            IForecaster forecaster = options.Forecaster ?? Forecasters.Create(Forecasters.Default);
            try
            {
                model = forecaster.Fit(values, season);
                method = model.Method;
                return model;
            }
            catch (ForecastException e)
            {
                AddOnce(notes, $"{forecaster.Name} could not fit ({e.Message}): log random walk with drift instead");
            }
        }
        else if (rate is { } spread)
        {
            AddOnce(notes, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"only {series.Count} observations of a rate: a random walk in points, steps Student t (ν = {spread.Dof:0}) with scale {spread.Scale:0.###} from the real period-to-period changes, wide on purpose"));
            model = RateWalkModel.Fit(values, spread.Scale, spread.Dof);
            method = model.Method;
            return model;
        }
        else
        {
            AddOnce(notes, $"only {series.Count} observations: a log random walk with drift and a prior volatility (σ ≥ {new LogDriftOptions().PriorSigma:0.##} a year on the log scale), wide on purpose");
        }

        model = new LogDriftForecaster().Fit(values, season);
        method = model.Method;
        return model;
    }

    /// <summary>The interval a figure allows: rounding (or derivation) bounds widened by the qualifier.</summary>
    internal static Interval Bounds(Observation o, double width)
    {
        Interval r = o.Derivation?.Bounds ?? o.Value.RoundingInterval;
        double v = o.Value.Value, w = width * Math.Abs(v);
        return o.Qualifier switch
        {
            Qualifier.AtLeast or Qualifier.MoreThan => new Interval(v, Math.Max(r.Upper, v + w)),
            Qualifier.AtMost or Qualifier.Nearly => new Interval(Math.Min(r.Lower, v - w), v),
            Qualifier.Approx => new Interval(Math.Min(r.Lower, v - (w / 2)), Math.Max(r.Upper, v + (w / 2))),
            _ => r,
        };
    }

    private static IndicatorSeries Fill(IndicatorSeries series, List<string> notes)
    {
        bool positive = series.All(o => o.Value.Value > 0);
        notes.Add($"gaps {string.Join(", ", series.Gaps)} filled by {(positive ? "log-linear" : "linear")} interpolation for the forecast");
        return series.Interpolate(positive ? Interpolation.LogLinear : Interpolation.Linear);
    }

    private static double Goal(Indicator ind, Target t)
    {
        double goal = t.Rule(ind).Threshold;
        if (t.Kind == TargetKind.Cumulative) TargetRules.RequirePlan(ind, t);
        return goal;
    }

    private static void AddOnce(List<string> notes, string note)
    {
        if (!notes.Contains(note)) notes.Add(note);
    }
}
