using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Forecasting.Seasonality;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace Zhibiao.Analytics.ML;

/// <summary>
/// A global forecasting model: gradient-boosted trees learned across many series at once on scaled windows (the
/// last k values relative to the latest, <see cref="Windows"/>), forecasting the log growth ln(y_{n+h}/y_n) rather
/// than levels, with the horizon as a feature (one model for all horizons). In the spirit of the global models that
/// did well in M4/M5 (Montero-Manso and Hyndman, IJF 2021, "Principles and algorithms for forecasting groups of
/// time series: locality and globality"). Sample paths add to the forecast log growth a vector of out-of-fold
/// errors of one window (two folds of series), so the spread and the correlation across horizons are honest.
/// Seasonal series are seasonally adjusted first (<see cref="GlobalModelOptions.SeasonalAdjustment"/>): the model
/// learns and forecasts y_t / S_t, and forecasts are multiplied by the figure's index S_{n+h}.
/// </summary>
public sealed class GlobalForecaster(GlobalModelOptions? options = null) : IGlobalForecaster
{
    private readonly GlobalModelOptions _options = options ?? GlobalModelOptions.Default;

    /// <inheritdoc/>
    public string Name => "global";

    /// <summary>
    /// The global model as a member of <c>auto</c>: point forecasts only (the ensemble calibrates its own errors) and
    /// 50 boosting rounds at learning rate 0.2. 100 rounds at 0.1 had validated as well as 300 at 0.05 on the training
    /// part of M3 yearly at a third of the time; 50 at 0.2 left <c>auto</c>'s accuracy on the eight collections of the
    /// README's table as it was (MASE within ±0.4% on each, mean OWA 0.799 against 0.800;
    /// <c>MODELS=auto benchmarks/collections.sh</c>) and took about a tenth off its time on M3 yearly.
    /// </summary>
    public static readonly GlobalModelOptions EnsembleMember = new() { Iterations = 50, LearningRate = 0.2, OutOfFoldErrors = false };

    /// <inheritdoc/>
    /// <exception cref="ForecastException">Always: a global model must be trained on a set of series first (<see cref="Train"/>).</exception>
    public IFittedModel Fit(ReadOnlySpan<double> y, int seasonLength = 1) =>
        throw new ForecastException("the global model learns from many series: train it on a set of series first (the batch commands do this)");

    /// <inheritdoc/>
    public IForecaster Train(IReadOnlyList<double[]> series, int seasonLength, int horizon, int threads = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(horizon, Forecast.MaxHorizon);
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxWindows, 1, nameof(GlobalModelOptions.MaxWindows));
        double[][] usable = [.. series.Where(s => Windows.Usable(s)).Select(s => Adjust(s, seasonLength).Adjusted)];
        if (usable.Length < _options.MinimumSeries)
            throw new ForecastException($"the global model needs at least {_options.MinimumSeries} positive series of {Windows.MinimumHistory}+ values to learn from, got {usable.Length}");
        int k = _options.WindowFor(seasonLength);

        // Out-of-fold errors: two folds of series, each predicted by a model trained on the other.
        var folds = new int[usable.Length];
        var random = new Random(_options.Seed);
        for (int i = 0; i < folds.Length; i++) folds[i] = random.Next(2);
        var errors = new Reservoir<float[]>(_options.MaxWindows, _options.Seed);
        for (int fold = 0; fold < (_options.OutOfFoldErrors ? 2 : 0); fold++)
        {
            double[][] train = [.. usable.Where((_, i) => folds[i] != fold)];
            double[][] held = [.. usable.Where((_, i) => folds[i] == fold)];
            if (train.Length == 0 || held.Length == 0) continue;
            using var model = new TrainedModel(_options, train, k, horizon);
            foreach (double[] y in held) model.OutOfSampleErrors(y, horizon, errors);
        }

        if (errors.Count == 0 && _options.OutOfFoldErrors) throw new ForecastException($"the global model found no series long enough to measure its errors over {horizon} steps");
        float[][] kept = errors.Count == 0 ? [new float[horizon]] : [.. errors.Items]; // none: point forecasts only, paths are the forecast itself
        return new TrainedGlobalForecaster(this, new TrainedModel(_options, usable, k, horizon), kept, horizon);
    }

    /// <summary>The series the model sees: seasonally adjusted when the options ask for it and the series is seasonal, else itself.</summary>
    private (double[] Adjusted, SeasonalAdjustment? Adjustment) Adjust(double[] y, int seasonLength) =>
        _options.SeasonalAdjustment ? SeasonalAdjustment.AdjustIfSeasonal(y, seasonLength) : (y, null);

    /// <summary>The forecaster a trained global model becomes: fitting a series only reads its last window.</summary>
    private sealed class TrainedGlobalForecaster(GlobalForecaster owner, TrainedModel model, float[][] errors, int horizon) : IForecaster
    {
        public string Name => "global";

        public IFittedModel Fit(ReadOnlySpan<double> y, int seasonLength = 1)
        {
            SeriesChecks.RequireComplete(y, Windows.MinimumHistory, Name);
            if (!Windows.Usable(y)) throw new ForecastException($"{Name} forecasts growth ratios and needs positive values");
            double[] copy = y.ToArray(); // the fitted model keeps it; adjusting never writes to it
            (double[] adjusted, SeasonalAdjustment? adjustment) = owner.Adjust(copy, seasonLength);
            return new GlobalFittedModel(copy, adjusted[^1], model.Predict(adjusted, horizon), errors, adjustment);
        }
    }

    /// <summary>A series' forecast: its last (seasonally adjusted) value grown by the predicted log growth, times the seasonal index.</summary>
    private sealed class GlobalFittedModel(double[] y, double last, float[] logGrowth, float[][] errors, SeasonalAdjustment? adjustment) : FittedModel
    {
        private readonly double[] _y = y;
        private readonly double[] _fitted = Fill(y.Length);

        public override string Method => adjustment is null ? "Global gradient-boosted trees" : "Global gradient-boosted trees, seasonally adjusted";

        public override IReadOnlyList<double> Fitted => _fitted;

        public override IReadOnlyDictionary<string, double> Parameters { get; } = new Dictionary<string, double> { ["errors"] = errors.Length };

        protected override ReadOnlySpan<double> Observations => _y;

        /// <summary>The median forecast a_n·exp(ĝ_h)·S_{n+h}, a the adjusted series (y itself and S = 1 when not seasonal).</summary>
        protected override void PointForecast(Span<double> mean)
        {
            RequireHorizon(mean.Length);
            for (int h = 0; h < mean.Length; h++) mean[h] = last * Math.Exp(logGrowth[h]) * Index(h + 1);
        }

        protected override void SimulatePath(Span<double> path, Random random)
        {
            RequireHorizon(path.Length);
            float[] e = errors[random.Next(errors.Length)];
            for (int h = 0; h < path.Length; h++) path[h] = last * Math.Exp(logGrowth[h] + e[h]) * Index(h + 1);
        }

        private double Index(int h) => adjustment?.ForecastIndex(h) ?? 1;

        private void RequireHorizon(int h)
        {
            if (h > logGrowth.Length) throw new ForecastException($"the global model was trained for {logGrowth.Length} steps, not {h}");
        }

        private static double[] Fill(int n)
        {
            var f = new double[n];
            Array.Fill(f, double.NaN);
            return f;
        }
    }

    /// <summary>One learned model over windows of a set of series, with a prediction engine per thread.</summary>
    private sealed class TrainedModel : IDisposable
    {
        private readonly MLContext _ml;
        private readonly ITransformer _model;
        private readonly SchemaDefinition _schema;
        private readonly ThreadLocal<PredictionEngine<Row, Prediction>> _engines;
        private readonly int _k;

        public TrainedModel(GlobalModelOptions options, IReadOnlyList<double[]> series, int k, int horizon)
        {
            _k = k;
            _ml = new MLContext(options.Seed);
            _schema = SchemaDefinition.Create(typeof(Row));
            _schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, Windows.FeatureCount(k));
            // A uniform sample of windows (series, end t, horizon h), then their features and labels in flat arrays.
            var sample = new Reservoir<(int Series, int T, int H)>(options.MaxWindows, options.Seed);
            for (int i = 0; i < series.Count; i++)
            {
                double[] y = series[i];
                for (int t = Windows.MinimumHistory - 1; t < y.Length - 1; t++)
                    for (int h = 1; h <= Math.Min(horizon, y.Length - 1 - t); h++) sample.Offer((i, t, h));
            }

            if (sample.Count == 0) throw new ForecastException("the global model found no training windows");
            int width = Windows.FeatureCount(k);
            var features = new float[sample.Count * width];
            var labels = new float[sample.Count];
            (int Series, double[] Logs) last = (-1, []);
            for (int r = 0; r < sample.Count; r++)
            {
                (int i, int t, int h) = sample.Items[r];
                if (last.Series != i) last = (i, Windows.Logs(series[i])); // windows of a series mostly come together
                Windows.Features(last.Logs, t, h, k, features.AsSpan(r * width, width));
                labels[r] = Windows.Label(series[i], t, h);
            }

            IDataView data = new WindowData(features, labels, width);
            IEstimator<ITransformer> trainer = options.Learner == GlobalLearner.FastTree
                ? _ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
                {
                    NumberOfTrees = options.Iterations,
                    NumberOfLeaves = options.Leaves,
                    LearningRate = options.LearningRate,
                    MinimumExampleCountPerLeaf = options.MinimumLeafCount,
                    NumberOfThreads = 1,
                })
                : _ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
                {
                    NumberOfIterations = options.Iterations,
                    NumberOfLeaves = options.Leaves,
                    LearningRate = options.LearningRate,
                    MinimumExampleCountPerLeaf = options.MinimumLeafCount,
                    NumberOfThreads = 1,
                    Seed = options.Seed,
                    Silent = true,
                    ForceRowWise = true, // what LightGBM picks for these few features anyway, without timing both ways first
                });
            _model = trainer.Fit(data);
            _engines = new ThreadLocal<PredictionEngine<Row, Prediction>>(
                () => _ml.Model.CreatePredictionEngine<Row, Prediction>(_model, inputSchemaDefinition: _schema), trackAllValues: true);
        }

        /// <summary>Forecast log growth for h = 1..horizon from the end of the series.</summary>
        public float[] Predict(ReadOnlySpan<double> y, int horizon)
        {
            PredictionEngine<Row, Prediction> engine = _engines.Value!;
            var result = new float[horizon];
            var row = new Row { Features = new float[Windows.FeatureCount(_k)] };
            double[] logs = Windows.Logs(y[Math.Max(0, y.Length - 1 - _k)..]);
            for (int h = 1; h <= horizon; h++)
            {
                Windows.Features(logs, logs.Length - 1, h, _k, row.Features);
                result[h - 1] = engine.Predict(row).Score;
            }

            return result;
        }

        /// <summary>Offers to the sample the errors (actual − forecast log growth) of windows with all horizons observed.</summary>
        public void OutOfSampleErrors(double[] y, int horizon, Reservoir<float[]> sample)
        {
            for (int t = Windows.MinimumHistory - 1; t + horizon < y.Length; t++)
            {
                int origin = t;
                sample.Offer(() =>
                {
                    float[] forecast = Predict(y.AsSpan(0, origin + 1), horizon);
                    var e = new float[horizon];
                    for (int h = 1; h <= horizon; h++) e[h - 1] = Windows.Label(y, origin, h) - forecast[h - 1];
                    return e;
                });
            }
        }

        public void Dispose()
        {
            foreach (PredictionEngine<Row, Prediction> e in _engines.Values) e.Dispose();
            _engines.Dispose();
        }
    }

    /// <summary>A prediction row (public for Microsoft.ML's reflection; training rows come from <see cref="WindowData"/>).</summary>
    public sealed class Row
    {
        /// <summary>The window features.</summary>
        public float[] Features { get; set; } = [];

        /// <summary>The log growth to learn.</summary>
        public float Label { get; set; }
    }

    /// <summary>A prediction (public for Microsoft.ML's reflection).</summary>
    public sealed class Prediction
    {
        /// <summary>The predicted log growth.</summary>
        public float Score { get; set; }
    }
}
