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
/// <param name="WindowLength">Past values per window; null for 6 (non-seasonal) or two seasons.</param>
/// <param name="Learner">LightGBM (default) or FastTree.</param>
/// <param name="Iterations">Boosting rounds.</param>
/// <param name="Leaves">Leaves per tree.</param>
/// <param name="LearningRate">Shrinkage.</param>
/// <param name="MinimumLeafCount">Fewest training rows in a leaf.</param>
/// <param name="MinimumSeries">Fewest usable training series; fewer is an error rather than a model learned from too little.</param>
/// <param name="Seed">Seed of the learner and of the fold split.</param>
/// <param name="OutOfFoldErrors">
/// Whether to learn the model's own error distribution from two folds of series (two more trainings) for its sample
/// paths; off when an ensemble calibrates the errors itself, leaving point forecasts only.
/// </param>
public sealed record GlobalModelOptions(
    int? WindowLength = null,
    GlobalLearner Learner = GlobalLearner.LightGbm,
    int Iterations = 300,
    int Leaves = 16,
    double LearningRate = 0.05,
    int MinimumLeafCount = 20,
    int MinimumSeries = 30,
    int Seed = 1,
    bool OutOfFoldErrors = true)
{
    /// <summary>The defaults.</summary>
    public static readonly GlobalModelOptions Default = new();

    /// <summary>The window length in use for a season length.</summary>
    public int WindowFor(int seasonLength) => WindowLength ?? (seasonLength <= 1 ? 6 : 2 * seasonLength);
}
