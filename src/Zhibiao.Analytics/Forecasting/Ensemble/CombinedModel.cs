namespace Zhibiao.Analytics.Forecasting.Ensemble;

/// <summary>
/// A combination of fitted members: the point forecast is the mean or median of theirs; the forecast distribution is
/// the calibrated error distribution around it (<see cref="ErrorCalibration"/>) or, without a calibration, a mixture
/// of the members' own sample paths re-centred on the combined forecast.
/// </summary>
internal sealed class CombinedModel : FittedModel
{
    private readonly double[] _y;
    private readonly IFittedModel[] _members;
    private readonly CombinationRule _rule;
    private readonly ErrorCalibration? _calibration;
    private readonly double _d;
    private readonly double[] _fitted;
    private double[] _cachedMean = [];

    public CombinedModel(ReadOnlySpan<double> y, int seasonLength, IFittedModel[] members, CombinationRule rule, ErrorCalibration? calibration, string? note = null)
    {
        _y = y.ToArray();
        _members = members;
        _rule = rule;
        _calibration = calibration;
        _fitted = CombineFitted([.. members.Select(m => m.Fitted)], y.Length, rule);

        _d = ErrorCalibration.Scale(y, seasonLength);

        Method = $"{(rule == CombinationRule.Median ? "Median" : "Mean")}({string.Join(", ", members.Select(m => m.Method))}){(calibration is null ? "" : ", calibrated")}{(note is null ? "" : $"; {note}")}";
        Parameters = new Dictionary<string, double>
        {
            ["members"] = members.Length,
            ["calibration_vectors"] = calibration?.Count ?? 0,
            ["calibration_length_exponent"] = calibration?.LengthExponent ?? 0,
            ["calibration_recency"] = calibration is { RecencyFactors.Count: > 0 } c ? c.RecencyFactors.Average() : 1,
            ["volatility"] = _d,
        };
    }

    public override string Method { get; }

    public override IReadOnlyList<double> Fitted => _fitted;

    public override IReadOnlyDictionary<string, double> Parameters { get; }

    protected override ReadOnlySpan<double> Observations => _y;

    /// <summary>The members' fitted values combined step by step (NaN where no member has one).</summary>
    public static double[] CombineFitted(IReadOnlyList<IReadOnlyList<double>> fitted, int length, CombinationRule rule)
    {
        var combined = new double[length];
        var values = new double[fitted.Count];
        for (int t = 0; t < length; t++)
        {
            int k = 0;
            foreach (IReadOnlyList<double> f in fitted)
                if (!double.IsNaN(f[t])) values[k++] = f[t];
            combined[t] = k == 0 ? double.NaN : Combine(values.AsSpan(0, k), rule);
        }

        return combined;
    }

    /// <summary>The combination of values by the rule.</summary>
    public static double Combine(Span<double> values, CombinationRule rule)
    {
        if (rule == CombinationRule.Mean)
        {
            double sum = 0;
            foreach (double v in values) sum += v;
            return sum / values.Length;
        }

        values.Sort();
        int n = values.Length;
        return n % 2 == 1 ? values[n / 2] : (values[(n / 2) - 1] + values[n / 2]) / 2;
    }

    protected override void PointForecast(Span<double> mean) => MeanFor(mean.Length).CopyTo(mean);

    protected override bool TryIntervals(ReadOnlySpan<double> mean, IReadOnlyList<double> levels, List<PredictionInterval> intervals)
    {
        if (_calibration is null) return false;
        foreach (double level in levels)
        {
            double a = (100 - level) / 200;
            var lower = new double[mean.Length];
            var upper = new double[mean.Length];
            for (int h = 1; h <= mean.Length; h++)
            {
                lower[h - 1] = ErrorCalibration.Apply(mean[h - 1], _calibration.Quantile(h, a), h, _d);
                upper[h - 1] = ErrorCalibration.Apply(mean[h - 1], _calibration.Quantile(h, 1 - a), h, _d);
            }

            intervals.Add(new PredictionInterval(level, lower, upper));
        }

        return true;
    }

    protected override void SimulatePath(Span<double> path, Random random)
    {
        double[] mean = MeanFor(path.Length);
        if (_calibration is not null)
        {
            double[] v = _calibration.Draw(random);
            for (int h = 1; h <= path.Length; h++)
                path[h - 1] = ErrorCalibration.Apply(mean[h - 1], _calibration.Score(v, h), h, _d);
            return;
        }

        // No calibration: a path of one member, chosen at random, moved onto the combined forecast.
        IFittedModel member = _members[random.Next(_members.Length)];
        member.SimulatePaths(path.Length, path, random);
        ReadOnlySpan<double> own = member.Forecast(path.Length, []).Mean.Span;
        for (int h = 0; h < path.Length; h++) path[h] += mean[h] - own[h];
    }

    /// <summary>The combined point forecast for 1..horizon (cached: paths ask for it again and again).</summary>
    private double[] MeanFor(int horizon)
    {
        double[] cached = _cachedMean;
        if (cached.Length == horizon) return cached;
        var forecasts = _members.Select(m => m.Forecast(horizon, []).Mean).ToArray();
        var mean = new double[horizon];
        var values = new double[forecasts.Length];
        for (int h = 0; h < horizon; h++)
        {
            for (int k = 0; k < forecasts.Length; k++) values[k] = forecasts[k].Span[h];
            mean[h] = Combine(values, _rule);
        }

        _cachedMean = mean;
        return mean;
    }
}
