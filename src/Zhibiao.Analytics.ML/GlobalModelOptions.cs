namespace Zhibiao.Analytics.ML;

/// <summary>The learner of the global model.</summary>
public enum GlobalLearner
{
    /// <summary>LightGBM gradient-boosted trees (Ke et al., NeurIPS 2017) through Microsoft.ML.LightGbm.</summary>
    LightGbm,

    /// <summary>FastTree gradient-boosted trees (MART) through Microsoft.ML.FastTree.</summary>
    FastTree,
}

/// <summary>Settings of <see cref="GlobalForecaster"/>.</summary>
public sealed record GlobalModelOptions
{
    /// <summary>Past values per window; null for 6 (with <see cref="SeasonalAdjustment"/> or non-seasonal data) or two seasons.</summary>
    public int? WindowLength { get; init; }

    /// <summary>LightGBM (default) or FastTree.</summary>
    public GlobalLearner Learner { get; init; } = GlobalLearner.LightGbm;

    /// <summary>Boosting rounds.</summary>
    public int Iterations { get; init; } = 300;

    /// <summary>Leaves per tree.</summary>
    public int Leaves { get; init; } = 16;

    /// <summary>Shrinkage.</summary>
    public double LearningRate { get; init; } = 0.05;

    /// <summary>Fewest training rows in a leaf.</summary>
    public int MinimumLeafCount { get; init; } = 20;

    /// <summary>Fewest usable training series; fewer is an error rather than a model learned from too little.</summary>
    public int MinimumSeries { get; init; } = 30;

    /// <summary>
    /// Most training windows (one window = a series, an origin and a horizon: one training row) the model learns
    /// from, and most out-of-fold error vectors it keeps: 50,000 by default. When a batch has more, a uniform sample of
    /// this many is drawn (reservoir sampling in input order, seeded by <see cref="Seed"/>, so the same input gives the
    /// same model), so training time and memory stay bounded however many series a batch holds. M3 yearly's 645
    /// series give 65,409 windows for horizon 6, so the final model learns from a sample of 50,000 (each out-of-fold
    /// half from all of its windows) and keeps all 9,289 out-of-fold error vectors.
    /// </summary>
    public int MaxWindows { get; init; } = 50_000;

    /// <summary>Seed of the learner, of the fold split and of the window sample.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Whether to learn the model's own error distribution from two folds of series (two more trainings) for its sample paths; off when an ensemble calibrates the errors itself, leaving point forecasts only.</summary>
    public bool OutOfFoldErrors { get; init; } = true;

    /// <summary>
    /// Whether a seasonal series (m &gt; 1, positive, passing the Theta method's 90% autocorrelation test at lag m) is
    /// divided by its classical multiplicative seasonal figure before windows are cut, and its forecasts multiplied by
    /// the figure after (<see cref="Forecasting.Seasonality.SeasonalAdjustment"/>); the default. Series of different
    /// seasonal shapes then share one non-seasonal model, as in Hewamalage, Bergmeir and Bandara (IJF 2021). On the
    /// test files of the six seasonal collections of the README's table the global model's MASE fell by 4–31% with it
    /// (tourism monthly 2.263 to 1.569, M3 monthly 0.955 to 0.894; <c>benchmarks/collections.sh</c>, commits 7f73ca9
    /// and 5b80f27).
    /// </summary>
    public bool SeasonalAdjustment { get; init; } = true;

    /// <summary>The defaults.</summary>
    public static readonly GlobalModelOptions Default = new();

    /// <summary>The window length in use for a season length.</summary>
    public int WindowFor(int seasonLength) => WindowLength ?? (seasonLength <= 1 || SeasonalAdjustment ? 6 : 2 * seasonLength);
}
