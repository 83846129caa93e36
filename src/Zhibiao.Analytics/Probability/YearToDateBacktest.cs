using Zhibiao.Analytics.Forecasting;

namespace Zhibiao.Analytics.Probability;

/// <summary>Settings of <see cref="YearToDateBacktest.Run"/>.</summary>
internal sealed record YearToDateBacktestOptions
{
    /// <summary>The targets: last year's total × (1 + g) for each g (fractions above −1).</summary>
    public required IReadOnlyList<double> Growth { get; init; }

    /// <summary>The model; null for <see cref="YearToDateAssessor.DefaultModel"/>.</summary>
    public IForecaster? Forecaster { get; init; }

    /// <summary>Sample paths per series and month (default 1000).</summary>
    public int Paths { get; init; } = 1000;

    /// <summary>Seed of the simulation: series i of the training file uses seed + i at every k.</summary>
    public int Seed { get; init; } = 2025;

    /// <summary>
    /// Whether each series' paths are calibrated on its own two years before the year judged (<see cref="YearToDateCalibration"/>;
    /// default false, see docs/year-to-date.md). Three times the work.
    /// </summary>
    public bool Calibrate { get; init; }

    /// <summary>Series at once (at least 1).</summary>
    public int Threads { get; init; } = 1;
}

/// <summary>
/// The scores after k periods of the year (<see cref="YearToDateBacktest"/>), over the same cases at every k.
/// </summary>
/// <param name="Months">k: periods of the target year known (months, or quarters for quarterly data).</param>
/// <param name="Model">Scores of P(met) from the k published periods and simulated remaining ones (calibrated on the year before with <see cref="YearToDateBacktestOptions.Calibrate"/>).</param>
/// <param name="ProRata">
/// Scores of the seasonal pro-rata rule (0 or 1): met when the year-to-date total is at least the target times last
/// year's share of its total reached by period k — the rule judged on the year-to-date total ÷ that share. At k = 0
/// the share is 0 and the rule always says met.
/// </param>
/// <param name="Annual">Scores of the k = 0 probabilities (no in-year data), the same at every k.</param>
/// <param name="EceFloor">
/// The noise floor of the ECE: the mean ECE of a perfectly calibrated forecaster with the same probabilities, its
/// outcomes drawn from them (<see cref="YearToDateBacktest.FloorDraws"/> draws; one uniform u per series and draw shared by
/// its targets, a target met when u &lt; its P(met), as one year total decides them all). Series are drawn independently:
/// a shock common to the series of one calendar year raises the ECE above it.
/// </param>
internal sealed record YearToDateScore(int Months, ProbabilityScores Model, ProbabilityScores ProRata, ProbabilityScores Annual, double EceFloor);

/// <summary>
/// Backtest of P(met) from year-to-date data on a collection in long format: for every series whose test window
/// holds a whole calendar year and whose history holds the whole year before it, the first such year; targets are
/// the previous year's total × (1 + g); for k = 0..m − 1 the history is everything before that year plus its first
/// k periods, and <see cref="YearToDateAssessor"/>'s P(met) (the same fit, simulation and met rule) is scored
/// against whether the year's total met the target, beside the seasonal pro-rata rule, the k = 0 forecast and the
/// ECE's noise floor. With <see cref="YearToDateBacktestOptions.Calibrate"/>, each series' paths are calibrated on its
/// own two years before the year judged, judged the same way (<see cref="YearToDateCalibration"/>); no figure of the
/// year judged is used for it beyond its first k periods.
/// </summary>
/// <param name="Rows">One row per k = 0..m − 1.</param>
/// <param name="Series">Series in the files.</param>
/// <param name="Eligible">Series with a whole test year and the whole year before it, that the model could simulate.</param>
/// <param name="Failures">Series that were eligible but failed ("id: reason"), left out of every row.</param>
internal sealed record YearToDateBacktest(IReadOnlyList<YearToDateScore> Rows, int Series, int Eligible, IReadOnlyList<string> Failures)
{
    /// <summary>Runs the backtest; series in parallel, scores added up in input order (the same for any number of threads).</summary>
    /// <param name="train">Training series.</param>
    /// <param name="test">What followed each, in the same order, starting right after it.</param>
    /// <param name="options">Targets, model, paths, seed, threads.</param>
    /// <param name="progress">Told the number of series finished so far, now and then.</param>
    /// <param name="cancellation">Stops the run.</param>
    /// <exception cref="AnalyticsException">
    /// The files do not pair (count, ids, a test not starting right after its training series), the series are not
    /// all monthly or all quarterly, a growth is −100% or below, or no series is eligible.
    /// </exception>
    public static YearToDateBacktest Run(IReadOnlyList<LongSeries> train, IReadOnlyList<LongSeries> test, YearToDateBacktestOptions options, IProgress<int>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(options);
        int m = CheckInputs(train, test, options);
        IForecaster forecaster = options.Forecaster ?? Forecasters.Create(YearToDateAssessor.DefaultModel);
        Outcome[] outcomes = BatchRunner.Run(train, forecaster, m, m, options.Threads,
            (prepared, s, i) => One(prepared, s, test[i], m, options, unchecked(options.Seed + i)),
            (s, error) => new Outcome(s.Id, null, null, null, error), progress, cancellation);

        var model = new ProbabilityTally[m];
        var proRata = new ProbabilityTally[m];
        for (int k = 0; k < m; k++)
        {
            model[k] = new ProbabilityTally();
            proRata[k] = new ProbabilityTally();
        }

        var failures = new List<string>();
        var kept = new List<Outcome>();
        foreach (Outcome o in outcomes)
        {
            if (o.Error is not null)
            {
                failures.Add($"{o.Id}: {o.Error}");
                continue;
            }

            if (o.Met is null) continue;
            kept.Add(o);
            for (int k = 0; k < m; k++)
                for (int g = 0; g < o.Met.Length; g++)
                {
                    model[k].Add(o.Probability![k][g], o.Met[g]);
                    proRata[k].Add(o.ProRata![k][g] ? 1 : 0, o.Met[g]);
                }
        }

        int eligible = kept.Count;
        if (eligible == 0)
            throw new AnalyticsException(failures.Count > 0
                ? $"no series could be backtested ({failures.Count} failed; the first: {failures[0]})"
                : $"no series has a whole calendar year in its test window and the whole year before it in its history ({train.Count} series)");
        ProbabilityScores annual = model[0].Scores();
        YearToDateScore[] rows = [.. Enumerable.Range(0, m).Select(k => new YearToDateScore(k, model[k].Scores(), proRata[k].Scores(), annual,
            EceFloor([.. kept.Select(o => o.Probability![k])], unchecked(options.Seed + k))))];
        return new YearToDateBacktest(rows, train.Count, eligible, failures);
    }

    /// <summary>Draws behind <see cref="YearToDateScore.EceFloor"/> (400).</summary>
    internal const int FloorDraws = 400;

    /// <summary>
    /// The mean ECE over <see cref="FloorDraws"/> draws of outcomes from the probabilities themselves: per draw and
    /// series one uniform u, each of its targets met when u &lt; its P(met).
    /// </summary>
    internal static double EceFloor(IReadOnlyList<double[]> probabilities, int seed)
    {
        var random = new Random(seed);
        double sum = 0;
        for (int d = 0; d < FloorDraws; d++)
        {
            var tally = new ProbabilityTally();
            foreach (double[] series in probabilities)
            {
                double u = random.NextDouble();
                foreach (double p in series) tally.Add(p, u < p);
            }

            sum += tally.Scores().Ece;
        }

        return sum / FloorDraws;
    }

    /// <summary>
    /// One series' P(met) and pro-rata calls per k and target and whether each target was met; all null when not
    /// eligible.
    /// </summary>
    private sealed record Outcome(string Id, double[][]? Probability, bool[][]? ProRata, bool[]? Met, string? Error);

    private static Outcome One(IForecaster forecaster, LongSeries train, LongSeries test, int m, YearToDateBacktestOptions options, int seed)
    {
        double[] values = [.. train.Values.ToArray(), .. test.Values.ToArray()];
        int start = FirstYear(train, test, values, m);
        if (start < 0) return new Outcome(train.Id, null, null, null, null);

        double lastYear = 0, actual = 0;
        for (int j = 0; j < m; j++)
        {
            lastYear += values[start - m + j];
            actual += values[start + j];
        }

        int targets = options.Growth.Count;
        var judges = new YearToDateAssessor.YearRule[targets];
        var met = new bool[targets];
        var indicator = new Indicator(train.Id, train.Id, train.Id, Units.Item, train.Frequency, Direction.HigherIsBetter, IndicatorKind.Flow);
        Period yearStart = train.Start + start;
        for (int g = 0; g < targets; g++)
        {
            var target = new Target(train.Id, TargetKind.Level, Period.OfYear(yearStart.Year), Quantity.Of(lastYear * (1 + options.Growth[g]), Units.Item),
                TargetComparison.AtLeast, Source.Computed);
            judges[g] = YearToDateAssessor.Judgement(indicator, target);
            met[g] = judges[g].IsMet(actual);
        }

        var notes = new List<string>();

        // The series' own years before, judged the same way from the history before each: their errors at each k.
        var errors = new List<(double Z, double MeanSquare)>[m];
        for (int k = 0; k < m; k++) errors[k] = [];
        for (int c = 1; c <= (options.Calibrate ? YearToDateCalibration.Years : 0); c++)
        {
            int before = start - (c * m);
            if (before < YearToDateCalibration.HistoryYears * m) break;
            double actualBefore = 0;
            for (int j = 0; j < m; j++) actualBefore += values[before + j];
            if (double.IsNaN(actualBefore)) break;
            YearTotals(values, before, m, forecaster, options.Paths, seed, notes, (k, published, totals) =>
            {
                if (YearToDateCalibration.Error(totals, published, actualBefore) is { } e) errors[k].Add(e);
            });
        }

        var probability = new double[m][];
        var proRata = new bool[m][];
        double lastYearPublished = 0;
        YearTotals(values, start, m, forecaster, options.Paths, seed, notes, (k, published, totals) =>
        {
            if (k > 0) lastYearPublished += values[start - m + k - 1];
            if (errors[k].Count > 0) totals = YearToDateCalibration.Adjust(totals, published, YearToDateCalibration.Correction(errors[k]));
            probability[k] = new double[targets];
            proRata[k] = new bool[targets];
            double share = lastYearPublished / lastYear;
            for (int g = 0; g < targets; g++)
            {
                int hits = 0;
                foreach (double t in totals)
                    if (judges[g].IsMet(t)) hits++;
                probability[k][g] = hits / (double)totals.Length;
                proRata[k][g] = k == 0 || share <= 0 || judges[g].IsMet(published / share);
            }
        });

        return new Outcome(train.Id, probability, proRata, met, null);
    }

    /// <summary>
    /// The simulated totals of the year starting at index <paramref name="start"/> of <paramref name="values"/> after
    /// k = 0..m − 1 published periods, as <see cref="YearToDateAssessor"/> forms them: the form of the model chosen on
    /// the history before the year, refitted on everything published; <paramref name="each"/> gets k, the published
    /// total and the totals of the paths.
    /// </summary>
    private static void YearTotals(double[] values, int start, int m, IForecaster forecaster, int count, int seed, List<string> notes, Action<int, double, double[]> each)
    {
        double published = 0;
        for (int k = 0; k < m; k++)
        {
            if (k > 0) published += values[start + k - 1];
            int steps = m - k;
            (double[] paths, _, IFittedModel fitted) = YearToDateAssessor.Simulate(values.AsSpan(0, start + k), m, steps, forecaster, count, seed, notes);
            if (k == 0) forecaster = YearToDateAssessor.ForYear(forecaster, fitted);
            int n = paths.Length / steps;
            var totals = new double[n];
            for (int p = 0; p < n; p++)
            {
                double sum = published;
                foreach (double v in paths.AsSpan(p * steps, steps)) sum += v;
                totals[p] = sum;
            }

            each(k, published, totals);
        }
    }

    /// <summary>
    /// The index in the joined values of January (the first period) of the first calendar year wholly inside the test
    /// window, known in full, whose previous year is known in full; −1 when there is none.
    /// </summary>
    private static int FirstYear(LongSeries train, LongSeries test, double[] values, int m)
    {
        int testStart = train.Values.Length;
        int first = testStart + ((m - (test.Start.SubPeriod - 1)) % m);
        for (int i = first; i + m <= values.Length; i += m)
        {
            if (i - m < 0) continue;
            bool whole = true;
            for (int j = i - m; j < i + m && whole; j++) whole = !double.IsNaN(values[j]);
            if (whole) return i;
        }

        return -1;
    }

    private static int CheckInputs(IReadOnlyList<LongSeries> train, IReadOnlyList<LongSeries> test, YearToDateBacktestOptions options)
    {
        if (options.Growth.Count == 0) throw new AnalyticsException("backtest-ytd needs at least one growth rate for the targets");
        foreach (double g in options.Growth)
            if (!(g > -1) || !double.IsFinite(g)) throw new AnalyticsException($"a target growth of {g} is not above −100%");
        if (options.Paths < 1) throw new ArgumentOutOfRangeException(nameof(options), options.Paths, "at least one path");
        if (train.Count == 0) throw new AnalyticsException("no training series");
        if (test.Count != train.Count)
            throw new AnalyticsException($"the training data has {train.Count} series and the test data {test.Count}; each training series needs its test series, in the same order");
        Frequency frequency = train[0].Frequency;
        if (frequency == Frequency.Yearly) throw new AnalyticsException($"series {train[0].Id}: year-to-date backtests need monthly or quarterly series, not yearly ones");
        for (int i = 0; i < train.Count; i++)
        {
            LongSeries s = train[i], t = test[i];
            if (s.Frequency != frequency)
                throw new AnalyticsException($"series {s.Id} is {s.Frequency.ToToken()}, series {train[0].Id} {frequency.ToToken()}: one frequency per backtest");
            if (!string.Equals(s.Id, t.Id, StringComparison.Ordinal))
                throw new AnalyticsException($"series {t.Id} of the test data comes where the training data has series {s.Id} (series {i + 1}); list them in the same order");
            if (t.Frequency != s.Frequency || t.Start != s.End + 1)
                throw new AnalyticsException($"series {s.Id}: the test data starts at {t.Start}, not right after the training data's last period {s.End}");
        }

        return frequency.PeriodsPerYear();
    }
}
