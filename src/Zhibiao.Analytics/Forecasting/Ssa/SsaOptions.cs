namespace Zhibiao.Analytics.Forecasting.Ssa;

/// <summary>How the SSA model chooses its rank r (the number of eigentriples that make up the signal).</summary>
internal enum SsaRankSelection
{
    /// <summary>
    /// ML.NET's "Exact" rule: for every r from 1 to the maximum rank, reconstruct the signal from the first r
    /// eigentriples, run the rank-r recurrence freely over the training series from its first L − 1 reconstructed
    /// values and keep the r with the smallest sum of absolute errors (the earliest on ties).
    /// </summary>
    Exact,

    /// <summary>The rank given in <see cref="SsaOptions.Rank"/> (the maximum rank when none is given).</summary>
    Fixed,
}

/// <summary>How the forecast variance per step is accumulated.</summary>
internal enum SsaVarianceRule
{
    /// <summary>
    /// The variance of the model the sample paths simulate: Var(h) = σ²_obs + σ²_ar·Σ_{j=0}^{h−1} ψ_j², with ψ the
    /// impulse response of the recurrence (ψ_0 = 1, ψ_j = Σ_k a_k ψ_{j−k}).
    /// </summary>
    Recurrence,

    /// <summary>
    /// ML.NET's accumulation, kept for parity: Var(1) = σ²_obs + σ²_ar and Var(h) = Var(h − 1) + σ²_ar·ψ_h² for
    /// h ≥ 2 — it starts one impulse-response term later than <see cref="Recurrence"/> (ψ_1 never enters).
    /// </summary>
    MlNet,
}

/// <summary>
/// Options of <see cref="SsaForecaster"/> (singular spectrum analysis forecasting with the algorithm of ML.NET's
/// ForecastBySsa; Golyandina and Korobeynikov, "Basic Singular Spectrum Analysis and Forecasting with R",
/// arXiv:1206.6910).
/// </summary>
public sealed record SsaOptions
{
    /// <summary>The smallest window length L (a recurrence needs at least one lag).</summary>
    public const int MinimumWindowLength = 2;

    /// <summary>
    /// The window length L (rows of the trajectory matrix; the recurrence has L − 1 lags). Null chooses it from the
    /// series: see <see cref="DefaultWindowLength"/>. The training part must be longer than 2L.
    /// </summary>
    public int? WindowLength { get; init; }

    /// <summary>
    /// How many leading values are used to train the model (ML.NET's trainSize); the remaining values are fed to the
    /// trained model one by one as online updates (<see cref="SsaModel.Update"/>), as ML.NET's prediction engine does.
    /// Null trains on the whole series (the right choice for indicator data).
    /// </summary>
    public int? TrainLength { get; init; }

    /// <summary>How the rank is chosen (default <see cref="SsaRankSelection.Exact"/>, as ML.NET).</summary>
    internal SsaRankSelection RankSelection { get; init; } = SsaRankSelection.Exact;

    /// <summary>The rank for <see cref="SsaRankSelection.Fixed"/>, in [1, L − 1]; null takes the maximum rank.</summary>
    public int? Rank { get; init; }

    /// <summary>
    /// The largest rank considered, capped at L − 1; null takes <see cref="DefaultMaxRank"/> (1). ML.NET's default is
    /// L − 1 (<see cref="MlNet"/>).
    /// </summary>
    public int? MaxRank { get; init; }

    /// <summary>
    /// Whether the recurrence is stabilised (ML.NET's default, true): roots of its characteristic polynomial outside the
    /// unit circle are pulled in, so forecasts do not explode (see <see cref="SsaModel"/>).
    /// </summary>
    public bool Stabilize { get; init; } = true;

    /// <summary>
    /// The largest growth factor per step an exponential trend may keep after stabilisation (ML.NET's maxGrowth as a
    /// ratio per step, growth^(1/timeSpan)); null takes <see cref="DefaultSeasonGrowth"/>^(1/m), 3% per season of m
    /// steps (per year for yearly, quarterly and monthly data). Positive infinity is ML.NET's default: the largest real
    /// trend root is kept as it is.
    /// </summary>
    public double? MaxGrowthRatio { get; init; }

    /// <summary>How the forecast variance accumulates over the horizon (default <see cref="SsaVarianceRule.Recurrence"/>).</summary>
    internal SsaVarianceRule Variance { get; init; } = SsaVarianceRule.Recurrence;

    /// <summary>
    /// The options that reproduce ML.NET's ForecastBySsa(windowSize, seriesLength, trainSize) with its defaults
    /// (exact rank selection, maximum rank L − 1, stabilised, unbounded growth, ML.NET's variance accumulation).
    /// ML.NET's seriesLength (the buffer kept for updates) has no counterpart: only the last L − 1 values matter.
    /// </summary>
    /// <param name="windowLength">ML.NET's windowSize.</param>
    /// <param name="trainLength">ML.NET's trainSize; null trains on the whole series.</param>
    public static SsaOptions MlNet(int windowLength, int? trainLength = null) => new()
    {
        WindowLength = windowLength,
        TrainLength = trainLength,
        MaxRank = Math.Max(1, windowLength - 1),
        MaxGrowthRatio = double.PositiveInfinity,
        Variance = SsaVarianceRule.MlNet,
    };

    /// <summary>The largest rank considered when <see cref="MaxRank"/> is not given: 1 (see <see cref="DefaultWindowLength"/>).</summary>
    public const int DefaultMaxRank = 1;

    /// <summary>The largest growth per season (m steps) an exponential trend keeps when <see cref="MaxGrowthRatio"/> is not given: 1.03.</summary>
    public const double DefaultSeasonGrowth = 1.03;

    /// <summary>The largest growth ratio per step for a season length: <see cref="MaxGrowthRatio"/>, or 1.03^(1/m).</summary>
    public double GrowthRatioPerStep(int seasonLength) => MaxGrowthRatio ?? Math.Pow(DefaultSeasonGrowth, 1.0 / seasonLength);

    /// <summary>
    /// The window length used when none is given, for a training part of n values with season length m:
    /// L = max(3, m), at most ⌊(n − 1)/2⌋ (so that n &gt; 2L) and at least 2.
    /// </summary>
    /// <remarks>
    /// Tuned on the M3 training parts only (the last 6, 8 and 18 values of each yearly, quarterly and monthly training
    /// series held out; README, section SSA). Golyandina and Korobeynikov advise L near n/2 for decomposition, and
    /// ML.NET leaves L to the caller with the rank chosen up to L − 1; on these short series a small window with the
    /// rank-1 signal (<see cref="DefaultMaxRank"/>) and trend growth capped at 3% per season forecast best: yearly
    /// sMAPE 20.8 against 25.3 for L = n/3 with ML.NET's rank range and no growth cap (naive: 21.4).
    /// </remarks>
    /// <param name="n">Length of the training part.</param>
    /// <param name="seasonLength">Periods per season.</param>
    public static int DefaultWindowLength(int n, int seasonLength = 1) =>
        Math.Max(MinimumWindowLength, Math.Min(Math.Max(3, seasonLength), (n - 1) / 2));
}
