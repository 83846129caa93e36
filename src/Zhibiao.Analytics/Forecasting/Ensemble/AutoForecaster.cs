namespace Zhibiao.Analytics.Forecasting.Ensemble;

/// <summary>
/// The library's default forecast: a combination of members chosen by rolling-origin validation on the training
/// part of a batch of series, with intervals calibrated on the same validation errors.
/// <list type="number">
/// <item>Validation: every member forecasts each series from its last <see cref="AutoOptions.Origins"/> origins that
/// leave a full horizon of training values to compare with (global members are first trained on the series cut at
/// the earliest origin, so they never see what they are checked on); a batch of more than
/// <see cref="AutoOptions.MaximumValidatedSeries"/> series validates a random sample of that many (fixed seed).</item>
/// <item>Selection: among all non-empty subsets of members, combined by mean or median, the one with the best
/// validation score (the mean of its sMAPE, MASE and MAPE relative to the naive forecast's) is chosen — one choice for
/// the batch — but only when it beats the median of all members by a margin that grows as the validation histories
/// shorten (<see cref="AutoOptions.SelectionMargin"/>; wider for batches under 100 series); otherwise, and with fewer than
/// <see cref="AutoOptions.MinimumSeriesForSelection"/> validated series, the median of all members stays. The forecast's
/// method says which happened. The choice is a property of the batch handed to <see cref="Train"/>: a caller that
/// splits a collection into chunks gets one choice per chunk (scores are means over series, so chunks of a few
/// hundred series of one collection mostly agree).</item>
/// <item>Calibration: the chosen combination's validation errors, normalised (<see cref="ErrorCalibration"/>),
/// scaled to the whole history where the batch shows errors shrinking with it (<see cref="ErrorCalibration.EstimateLengthExponent"/>)
/// and to the latest values' difficulty step by step (<see cref="ErrorCalibration.RecencyFactor"/>), give its forecast
/// distribution: intervals from their quantiles per step, sample paths from whole error vectors.</item>
/// </list>
/// Combining forecasts is among the most reliable gains in forecasting (Makridakis et al., M4, IJF 2020); the
/// calibration answers the known narrowness of model-based intervals on yearly data. A single series fitted without a
/// batch uses all local members with the median and the members' own sample paths. Deterministic: the same batch gives
/// the same choice (the global member learns with a fixed seed).
/// </summary>
internal sealed class AutoForecaster(AutoOptions? options = null) : IGlobalForecaster
{
    private readonly AutoOptions _options = options ?? AutoOptions.Default;

    /// <inheritdoc/>
    public string Name => "auto";

    /// <summary>The candidate members.</summary>
    public IReadOnlyList<IForecaster> Members => _options.Members;

    /// <inheritdoc/>
    /// <exception cref="ForecastException">No local member can fit the series.</exception>
    public IFittedModel Fit(ReadOnlySpan<double> y, int seasonLength = 1) => Rescaling.Fit(y, seasonLength, (values, m) =>
        FitCombination(values, m, [.. MembersFor(m).Where(f => f is not IGlobalForecaster)], CombinationRule.Median, null, "fixed median: one series, no batch to validate on"));

    /// <summary>
    /// The members that apply to data of period m: all of them, except that the seasonal naive joins only seasonal
    /// data (m &gt; 1). With m = 1 it is the naive forecast, the benchmark of the validation score, and a no-change
    /// member drags the median toward no growth: on M3 yearly it bettered sMAPE (15.43 against 15.57) but biased the
    /// probabilities of growth targets (ECE 0.032 against 0.027; README, "How likely is a target to be met?").
    /// </summary>
    private IForecaster[] MembersFor(int seasonLength) =>
        [.. _options.Members.Where(m => seasonLength > 1 || m is not Baselines.SeasonalNaiveForecaster)];

    /// <inheritdoc/>
    public IForecaster Train(IReadOnlyList<double[]> series, int seasonLength, int horizon, int threads = 1)
    {
        ForecastLimits.Check(horizon, []);
        if (threads < 1) throw new ArgumentOutOfRangeException(nameof(threads), threads, "threads must be at least 1");
        int k = Math.Max(1, _options.Origins);
        IForecaster[] members = MembersFor(seasonLength);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads };

        // Global members learn twice — from the series cut at their earliest validation origin (to be validated) and
        // from the whole series (to forecast) — each training on one thread. With more than one thread both run while
        // the local members validate; the result is the same as one after the other, only sooner (a whole-series
        // training is wasted when selection leaves the member out).
        Func<IForecaster?>[] cut = [.. members.Select(m => m is IGlobalForecaster g ? () => TryTrain(g, Cut(series, horizon, k), seasonLength, horizon, threads) : (Func<IForecaster?>)(() => m))];
        Func<IForecaster?>[] whole = [.. members.Select(m => m is IGlobalForecaster g ? () => TryTrain(g, series, seasonLength, horizon, threads) : (Func<IForecaster?>)(() => m))];
        Lazy<IForecaster?>[] validators = [.. cut.Select(f => Start(f, threads))];
        Lazy<IForecaster?>[] finals = [.. whole.Select(f => Start(f, threads))];

        // Validation forecasts: the local members first (their validators are ready), then the global ones.
        bool[] local = [.. members.Select(m => m is not IGlobalForecaster)];
        IForecaster?[] locals = [.. members.Select((m, j) => local[j] ? m : null)];
        int[] sample = Sample(series.Count, _options.MaximumValidatedSeries);
        var validation = new Validation?[sample.Length];
        Parallel.For(0, sample.Length, parallel, i => validation[i] = Validate(series[sample[i]], locals, seasonLength, horizon, k));
        for (int j = 0; j < members.Length; j++)
        {
            if (local[j] || validators[j].Value is not { } g) continue;
            Parallel.For(0, sample.Length, parallel, i => validation[i]?.Add(j, g, seasonLength));
        }

        Validation[] valid = [.. validation.Where(v => v is not null).Select(v => v!)];

        bool[] chosen = [.. members.Select((_, j) => validators[j].Value is not null)];
        CombinationRule rule = CombinationRule.Median;
        string note;
        if (!_options.SelectMembers) note = "fixed median";
        else if (valid.Length < _options.MinimumSeriesForSelection)
            note = $"fixed median: {valid.Length} series long enough to validate, selection needs {_options.MinimumSeriesForSelection}";
        else (chosen, rule, note) = Select(valid, chosen, members.Length, Margin(valid), threads);

        ErrorCalibration? calibration = Calibrate(valid, chosen, rule, horizon, threads);

        // Final members: global ones learn from the whole series. A series none of the chosen members can fit (a
        // global member needs positive values, say) gets the median of the available members that can, calibrated as
        // that median validated.
        bool[] available = [.. members.Select((_, j) => validators[j].Value is not null && finals[j].Value is not null)];
        IForecaster[] final = [.. members.Select((_, j) => finals[j].Value).Where((f, j) => chosen[j] && f is not null).Select(f => f!)];
        IForecaster[] fallback = [.. members.Select((_, j) => finals[j].Value).Where((f, j) => available[j]).Select(f => f!)];
        if (final.Length == 0) throw new ForecastException("auto: no member could be trained on these series");
        bool wider = fallback.Length > final.Length;
        ErrorCalibration? fallbackCalibration = wider ? Calibrate(valid, available, CombinationRule.Median, horizon, threads) : calibration;
        return new TrainedAuto(this, final, rule, calibration, note, wider ? fallback : [], fallbackCalibration);
    }

    private IFittedModel FitCombination(ReadOnlySpan<double> y, int seasonLength, IForecaster[] members, CombinationRule rule, ErrorCalibration? calibration, string note)
    {
        var fitted = new List<IFittedModel>(members.Length);
        var failures = new List<string>();
        foreach (IForecaster m in members)
        {
            try
            {
                fitted.Add(m.Fit(y, seasonLength));
            }
            catch (ForecastException e)
            {
                failures.Add($"{m.Name}: {e.Message}");
            }
        }

        if (fitted.Count == 0) throw new ForecastException($"{Name}: no member could fit the series ({string.Join("; ", failures)})");
        return new CombinedModel(y, seasonLength, [.. fitted], rule, calibration, note);
    }

    /// <summary>
    /// The indices of the series validated, in order: all of them, or <paramref name="most"/> drawn without replacement
    /// by a fixed seed from a larger batch (a random sample, not every k-th series, so a batch with a period of its
    /// own — the same series repeated — is sampled whole).
    /// </summary>
    internal static int[] Sample(int count, int most)
    {
        if (most < 1 || count <= most) return [.. Enumerable.Range(0, count)];
        int[] all = [.. Enumerable.Range(0, count)];
        var random = new Random(count);
        for (int i = 0; i < most; i++)
        {
            int j = i + random.Next(count - i);
            (all[i], all[j]) = (all[j], all[i]);
        }

        Array.Sort(all, 0, most);
        return all[..most];
    }

    /// <summary>The training series cut at their earliest validation origin (short ones whole).</summary>
    private static double[][] Cut(IReadOnlyList<double[]> series, int horizon, int origins) =>
        [.. series.Select(y => y.Length - horizon - origins + 1 >= MinimumPrefix ? y[..(y.Length - horizon - origins + 1)] : y)];

    /// <summary>Fewest values before a validation origin.</summary>
    private const int MinimumPrefix = 5;

    private static IForecaster? TryTrain(IGlobalForecaster g, IReadOnlyList<double[]> series, int seasonLength, int horizon, int threads)
    {
        try
        {
            return g.Train(series, seasonLength, horizon, threads);
        }
        catch (ForecastException)
        {
            return null; // left out: the members that remain are named in the fitted method
        }
    }

    /// <summary>
    /// The value of <paramref name="work"/>: with more than one thread started now on a thread of its own, else computed
    /// when first asked for.
    /// </summary>
    private static Lazy<IForecaster?> Start(Func<IForecaster?> work, int threads)
    {
        if (threads <= 1) return new Lazy<IForecaster?>(work);
        Task<IForecaster?> task = Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return new Lazy<IForecaster?>(() => task.GetAwaiter().GetResult());
    }

    /// <summary>Member forecasts of one series at its validation origins, with what happened and the naive benchmark.</summary>
    private static Validation? Validate(double[] y, IForecaster?[] members, int seasonLength, int horizon, int origins)
    {
        int count = 0;
        for (int j = 0; j < origins; j++)
            if (y.Length - horizon - j >= MinimumPrefix) count++;
        if (count == 0 || Array.Exists(y, double.IsNaN)) return null;
        var forecasts = new double[count, members.Length, horizon];
        var prefixes = new int[count];
        var scales = new double[count];
        for (int j = 0; j < count; j++)
        {
            int length = y.Length - horizon - j;
            prefixes[j] = length;
            ReadOnlySpan<double> prefix = y.AsSpan(0, length);
            for (int m = 0; m < members.Length; m++) Forecast(members[m], prefix, seasonLength, forecasts, j, m);

            scales[j] = ErrorCalibration.Scale(prefix, seasonLength);
        }

        return new Validation(y, prefixes, forecasts, scales, seasonLength);
    }

    /// <summary>Writes a member's forecast from a prefix into forecasts[origin, member, ·]: NaN when it has none, cannot fit or forecasts a value that is not finite.</summary>
    private static void Forecast(IForecaster? member, ReadOnlySpan<double> prefix, int seasonLength, double[,,] forecasts, int origin, int m)
    {
        int horizon = forecasts.GetLength(2);
        ReadOnlyMemory<double> mean = default;
        if (member is { } f)
        {
            try
            {
                mean = f.Fit(prefix, seasonLength).Forecast(horizon, []).Mean;
                foreach (double v in mean.Span)
                    if (!double.IsFinite(v))
                    {
                        mean = default;
                        break;
                    }
            }
            catch (ForecastException)
            {
                mean = default;
            }
        }

        ReadOnlySpan<double> values = mean.Span;
        for (int h = 0; h < horizon; h++) forecasts[origin, m, h] = values.IsEmpty ? double.NaN : values[h];
    }

    /// <summary>
    /// The margin by which a combination must beat the median of all members on validation to replace it: c / L, c the
    /// option's margin and L the median length of the series before their earliest validation origin, widened as
    /// √(100/n) for batches of n &lt; 100 validated series, whose validation is noisier.
    /// </summary>
    private double Margin(Validation[] valid)
    {
        double[] lengths = [.. valid.Select(v => (double)v.EarliestPrefix)];
        double median = CombinedModel.Combine(lengths, CombinationRule.Median);
        return _options.SelectionMargin / median * Math.Sqrt(Math.Max(1.0, 100.0 / valid.Length));
    }

    /// <summary>
    /// Among all non-empty subsets of the available members, combined by median or mean, the one with the lowest
    /// validation score (<see cref="Score"/>); kept only when it beats the median of all available members by the
    /// relative margin, otherwise that median.
    /// </summary>
    internal static (bool[] Chosen, CombinationRule Rule, string Note) Select(IReadOnlyList<Validation> valid, bool[] available, int memberCount, double margin, int threads = 1)
    {
        var naive = Totals.Zero;
        foreach (Validation v in valid) naive += v.NaiveErrors();
        double baseline = Score(valid, available, CombinationRule.Median, naive);

        // Every candidate scored (in parallel: each score sums over the series in their order), then the best taken in
        // the order the candidates are listed, the first of equal scores winning.
        var candidates = new List<(bool[] Set, CombinationRule Rule)>();
        for (int mask = 1; mask < 1 << memberCount; mask++)
        {
            bool[] set = [.. Enumerable.Range(0, memberCount).Select(j => (mask & (1 << j)) != 0)];
            if (set.Where((s, j) => s && !available[j]).Any()) continue;
            foreach (CombinationRule rule in (CombinationRule[])[CombinationRule.Median, CombinationRule.Mean])
                if (rule == CombinationRule.Median || set.Count(s => s) > 2) candidates.Add((set, rule)); // a mean of two is their median
        }

        var scores = new double[candidates.Count];
        Parallel.For(0, candidates.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, i => scores[i] = Score(valid, candidates[i].Set, candidates[i].Rule, naive));
        double best = baseline;
        bool[] bestSet = available;
        CombinationRule bestRule = CombinationRule.Median;
        for (int i = 0; i < candidates.Count; i++)
        {
            if (scores[i] < best - 1e-12)
            {
                best = scores[i];
                (bestSet, bestRule) = candidates[i];
            }
        }

        string how = $"validation score {best / baseline:0.000} of the median's on {valid.Count} series, margin {margin:0.000}";
        return best < baseline * (1 - margin)
            ? (bestSet, bestRule, $"selected by validation ({how})")
            : (available, CombinationRule.Median, $"median of all kept ({how})");
    }

    /// <summary>
    /// The validation score of a combination: the mean of its sMAPE, MASE and MAPE, each relative to the naive
    /// forecast's, totalled over series and origins (M4's OWA with MAPE as a third measure; a measure the naive forecast
    /// scores 0 on is left out).
    /// </summary>
    private static double Score(IReadOnlyList<Validation> valid, bool[] set, CombinationRule rule, Totals naive)
    {
        var total = Totals.Zero;
        foreach (Validation v in valid) total += v.Errors(set, rule);
        double sum = 0;
        int count = 0;
        foreach ((double e, double n) in (ReadOnlySpan<(double, double)>)[(total.Smape, naive.Smape), (total.Mase, naive.Mase), (total.Mape, naive.Mape)])
            if (n > 0)
            {
                sum += e / n;
                count++;
            }

        return count == 0 ? 0 : sum / count;
    }

    /// <summary>
    /// The chosen combination's normalised validation errors, each scaled to its series' whole length by
    /// (n / L)^a with a from the batch's cross-section (<see cref="ErrorCalibration.EstimateLengthExponent"/>) and at
    /// step k by the recency factor c_k of the batch's latest values (<see cref="ErrorCalibration.RecencyFactor"/>);
    /// none when fewer than <see cref="AutoOptions.MinimumCalibration"/> vectors.
    /// </summary>
    private ErrorCalibration? Calibrate(Validation[] valid, bool[] chosen, CombinationRule rule, int horizon, int threads)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) };
        var origins = new (int Prefix, double[] Errors)[valid.Length][];
        Parallel.For(0, valid.Length, parallel, i => origins[i] = [.. valid[i].Scores(chosen, rule)]);
        (int Length, (int Prefix, double[] Errors)[] Origins)[] scored = [.. valid.Select((v, i) => (v.Length, origins[i])).Where(s => s.Item2.Length > 0)];
        if (scored.Sum(s => s.Origins.Length) < _options.MinimumCalibration) return null;
        double[] lengths = [.. scored.Select(s => s.Origins.Average(o => (double)o.Prefix))];
        double[] errors = [.. scored.Select(s => s.Origins.SelectMany(o => o.Errors).Average(Math.Abs))];
        double a = ErrorCalibration.EstimateLengthExponent(lengths, errors);

        // The seasonal naive's errors per step, series by series in parallel, pooled in the order of the series.
        var perSeries = new (List<double>[] AtValidation, List<double>[] Latest)[valid.Length];
        Parallel.For(0, valid.Length, parallel, i =>
        {
            List<double>[] v = [.. Enumerable.Range(0, horizon).Select(_ => new List<double>())], l = [.. Enumerable.Range(0, horizon).Select(_ => new List<double>())];
            valid[i].NaiveErrors(v, l);
            perSeries[i] = (v, l);
        });
        List<double>[] atValidation = [.. Enumerable.Range(0, horizon).Select(k => new List<double>(perSeries.Sum(p => p.AtValidation[k].Count)))];
        List<double>[] latest = [.. Enumerable.Range(0, horizon).Select(k => new List<double>(perSeries.Sum(p => p.Latest[k].Count)))];
        foreach ((List<double>[] v, List<double>[] l) in perSeries)
            for (int k = 0; k < horizon; k++)
            {
                atValidation[k].AddRange(v[k]);
                latest[k].AddRange(l[k]);
            }

        double[] recency = [.. Enumerable.Range(0, horizon).Select(k => ErrorCalibration.RecencyFactor(latest[k], atValidation[k], _options.MinimumCalibration))];

        double[][] vectors = [.. scored.SelectMany(s => s.Origins.Select(o => o.Errors.Select((e, k) => e * Math.Pow((double)o.Prefix / s.Length, a) * recency[k]).ToArray()))];
        return new ErrorCalibration(vectors, horizon) { LengthExponent = a, RecencyFactors = recency };
    }

    /// <summary>Totals of sMAPE, MASE and MAPE over validation origins (a measure that is not finite counts 0).</summary>
    internal readonly record struct Totals(double Smape, double Mase, double Mape)
    {
        public static Totals Zero => default;

        public static Totals operator +(Totals a, Totals b) => new(a.Smape + Finite(b.Smape), a.Mase + Finite(b.Mase), a.Mape + Finite(b.Mape));

        private static double Finite(double x) => double.IsFinite(x) ? x : 0;
    }

    /// <summary>A trained auto forecaster: the chosen members, rule and calibration, applied series by series.</summary>
    private sealed class TrainedAuto(AutoForecaster owner, IForecaster[] members, CombinationRule rule, ErrorCalibration? calibration, string note, IForecaster[] fallback, ErrorCalibration? fallbackCalibration) : IForecaster
    {
        public string Name => owner.Name;

        public IFittedModel Fit(ReadOnlySpan<double> y, int seasonLength = 1) => Rescaling.Fit(y, seasonLength, FitUnscaled);

        private IFittedModel FitUnscaled(ReadOnlySpan<double> y, int seasonLength)
        {
            if (fallback.Length == 0) return owner.FitCombination(y, seasonLength, members, rule, calibration, note);
            try
            {
                return owner.FitCombination(y, seasonLength, members, rule, calibration, note);
            }
            catch (ForecastException)
            {
                return owner.FitCombination(y, seasonLength, fallback, CombinationRule.Median, fallbackCalibration,
                    $"{note}; the chosen members cannot fit this series, so the median of the members that can");
            }
        }
    }

    /// <summary>Validation forecasts of one series: [origin, member, step].</summary>
    internal sealed class Validation(double[] y, int[] prefixes, double[,,] forecasts, double[] scales, int seasonLength)
    {
        /// <summary>Per origin and step, the members that forecast a value in the order of their values, and how many (null until first used; threads that race compute the same).</summary>
        private RankTable? _ranks;

        /// <summary>The MASE scale of each origin: the in-sample mean absolute seasonal difference before it (lag 1 when the prefix is no longer than a season).</summary>
        private readonly double[] _maseScales = [.. prefixes.Select(n => PointErrors.SeasonalNaiveScale(y.AsSpan(0, n), seasonLength < n ? seasonLength : 1))];

        private int Horizon => forecasts.GetLength(2);

        /// <summary>The number of values of the series.</summary>
        public int Length => y.Length;

        /// <summary>Adds member <paramref name="m"/>'s forecasts from every origin, fitted by <paramref name="member"/> (before any combination is scored).</summary>
        public void Add(int m, IForecaster member, int seasonLength)
        {
            for (int j = 0; j < prefixes.Length; j++) AutoForecaster.Forecast(member, y.AsSpan(0, prefixes[j]), seasonLength, forecasts, j, m);
            _ranks = null;
        }

        /// <summary>The number of values before the earliest validation origin.</summary>
        public int EarliestPrefix => prefixes[^1];

        /// <summary>Sums of sMAPE, MASE and MAPE of the naive forecast over origins (means over steps).</summary>
        public Totals NaiveErrors()
        {
            var total = Totals.Zero;
            Span<double> f = Horizon <= 256 ? stackalloc double[Horizon] : new double[Horizon];
            for (int j = 0; j < prefixes.Length; j++)
            {
                f.Fill(y[prefixes[j] - 1]);
                total += Score(j, f);
            }

            return total;
        }

        /// <summary>
        /// Adds the normalised errors at each step k of the seasonal naive forecast (<see cref="ErrorCalibration.NaiveScore"/>)
        /// from the validation origins to <paramref name="atValidation"/>[k − 1], and from as many origins that are the
        /// latest to see step k — k, k + 1, … values before the end — to <paramref name="latest"/>[k − 1]; the scale of
        /// each latest origin is computed once.
        /// </summary>
        public void NaiveErrors(List<double>[] atValidation, List<double>[] latest)
        {
            for (int j = 0; j < prefixes.Length; j++)
                for (int k = 1; k <= Horizon; k++) atValidation[k - 1].Add(ErrorCalibration.NaiveScore(y, prefixes[j], k, seasonLength, scales[j]));

            for (int n = y.Length - 1; n >= Math.Max(MinimumPrefix, y.Length - Horizon - prefixes.Length + 1); n--)
            {
                double d = ErrorCalibration.Scale(y.AsSpan(0, n), seasonLength);
                for (int j = 0; j < prefixes.Length; j++)
                {
                    int k = y.Length - n - j;
                    if (k >= 1 && k <= Horizon) latest[k - 1].Add(ErrorCalibration.NaiveScore(y, n, k, seasonLength, d));
                }
            }
        }

        /// <summary>Sums of sMAPE, MASE and MAPE of a combination over origins.</summary>
        public Totals Errors(bool[] set, CombinationRule rule)
        {
            var total = Totals.Zero;
            Span<double> f = Horizon <= 256 ? stackalloc double[Horizon] : new double[Horizon];
            for (int j = 0; j < prefixes.Length; j++)
            {
                Combine(j, set, rule, f);
                total += Score(j, f);
            }

            return total;
        }

        /// <summary>Normalised error vectors of a combination, one per origin with the values before it (origins with an error that is not finite left out).</summary>
        public IEnumerable<(int Prefix, double[] Errors)> Scores(bool[] set, CombinationRule rule)
        {
            for (int j = 0; j < prefixes.Length; j++)
            {
                double d = scales[j];
                var f = new double[Horizon];
                Combine(j, set, rule, f);
                var v = new double[Horizon];
                for (int h = 1; h <= Horizon; h++) v[h - 1] = ErrorCalibration.Normalise(y[prefixes[j] + h - 1], f[h - 1], h, d);
                if (Array.TrueForAll(v, double.IsFinite)) yield return (prefixes[j], v);
            }
        }

        /// <summary>
        /// Writes the combination's forecast from an origin into <paramref name="f"/> (the naive forecast at a step no
        /// member forecast). The median takes the chosen members in the order of their values, which are sorted once
        /// per origin and step for all the combinations scored; the mean adds them in the members' order.
        /// </summary>
        private void Combine(int origin, bool[] set, CombinationRule rule, Span<double> f)
        {
            int members = set.Length;
            if (rule == CombinationRule.Mean)
            {
                Span<double> values = stackalloc double[members];
                for (int h = 0; h < Horizon; h++)
                {
                    int k = 0;
                    for (int m = 0; m < members; m++)
                        if (set[m] && !double.IsNaN(forecasts[origin, m, h])) values[k++] = forecasts[origin, m, h];
                    f[h] = k == 0 ? y[prefixes[origin] - 1] : CombinedModel.Combine(values[..k], rule);
                }

                return;
            }

            (byte[] ranks, byte[] ranked) = _ranks ??= Ranks();
            Span<double> sorted = stackalloc double[members];
            for (int h = 0; h < Horizon; h++)
            {
                int at = ((origin * Horizon) + h) * members, k = 0;
                for (int r = 0; r < ranked[(origin * Horizon) + h]; r++)
                {
                    int m = ranks[at + r];
                    if (set[m]) sorted[k++] = forecasts[origin, m, h];
                }

                f[h] = k == 0 ? y[prefixes[origin] - 1] : k % 2 == 1 ? sorted[k / 2] : (sorted[(k / 2) - 1] + sorted[k / 2]) / 2;
            }
        }

        /// <summary>The members at each origin and step ordered by their forecasts (those with a forecast only), computed once.</summary>
        private RankTable Ranks()
        {
            int members = forecasts.GetLength(1), origins = forecasts.GetLength(0);
            var ranks = new byte[origins * Horizon * members];
            var ranked = new byte[origins * Horizon];
            Span<double> values = stackalloc double[members];
            Span<byte> order = stackalloc byte[members];
            for (int j = 0; j < origins; j++)
                for (int h = 0; h < Horizon; h++)
                {
                    int k = 0;
                    for (int m = 0; m < members; m++)
                        if (!double.IsNaN(forecasts[j, m, h]))
                        {
                            values[k] = forecasts[j, m, h];
                            order[k++] = (byte)m;
                        }

                    values[..k].Sort(order[..k]);
                    order[..k].CopyTo(ranks.AsSpan(((j * Horizon) + h) * members));
                    ranked[(j * Horizon) + h] = (byte)k;
                }

            return new RankTable(ranks, ranked);
        }

        private sealed record RankTable(byte[] Ranks, byte[] Ranked);

        private Totals Score(int origin, ReadOnlySpan<double> f)
        {
            ReadOnlySpan<double> actual = y.AsSpan(prefixes[origin], Horizon);
            double scale = _maseScales[origin];
            double mase = scale > 0 ? PointErrors.Mae(actual, f) / scale : double.NaN;
            return new Totals(PointErrors.Smape(actual, f), mase, PointErrors.Mape(actual, f));
        }
    }
}
