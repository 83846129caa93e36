#:project ../src/Zhibiao.Analytics/Zhibiao.Analytics.csproj
#:project ../src/Zhibiao.Analytics.ML/Zhibiao.Analytics.ML.csproj
#:property PublishAot=false

// Issue 5's protocol, P(y_{n+h} >= y_n (1+g)^h) on the growth grid -5%, 0, 2%, 5%, 10%, 20%, scored by Brier score and
// ECE (10 equal-width bins), for alternative ways of making the probability. The probabilities are computed exactly
// from the pooled errors (no sampling), so the first line matched `analytics backtest-targets --model auto` to within
// its Monte-Carlo error while auto was the median of these five members (up to commit 8ecf1e9; arima and snaive have
// joined it since). Everything is learned from TRAIN alone; TEST is only scored, except by the last line, an
// oracle that moves each point forecast 5% of the way to the outcome to show how much better point forecasts would
// have to be. Run it on the split files of benchmarks/make-holdout.sh to make choices, on the M3 files to report.
//
// usage: dotnet run benchmarks/target-probability-study.cs -- TRAIN.csv TEST.csv HORIZON SEASON
//   e.g. dotnet run benchmarks/target-probability-study.cs -- /tmp/m3v/yearly-train.csv /tmp/m3v/yearly-test.csv 6 1
using System.Globalization;
using Zhibiao.Analytics;
using Zhibiao.Analytics.Data;
using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Forecasting.Ensemble;
using Zhibiao.Analytics.ML;
using Zhibiao.Analytics.Probability;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

const int Origins = 3;
double[] growth = [-0.05, 0, 0.02, 0.05, 0.1, 0.2];
string[] memberNames = ["ets", "theta", "dotm", "drift", "global", "arima", "naive", "ses", "holt", "damped", "otm", "ssa"];
int[] auto = [0, 1, 2, 3, 4];
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;

int horizon = int.Parse(args[2], CultureInfo.InvariantCulture), m = int.Parse(args[3], CultureInfo.InvariantCulture);
Dictionary<string, double[]> outcomes = LongFormat.Read(args[1]).ToDictionary(s => s.Id, s => s.Values.ToArray());
IReadOnlyList<LongSeries> trainSeries = LongFormat.Read(args[0]);
double[][] train = [.. trainSeries.Select(s => s.Values.ToArray())];
double[][] test = [.. trainSeries.Select(s => outcomes[s.Id])];
Series[] data = Forecasts(train);
Console.WriteLine($"{data.Length} series, h = {horizon}, season {m}, {data.Length * horizon * growth.Length} cases");

// 1. What auto does: the median of its members, errors of 3 origins normalised by d·√h and pooled with their mirror images.
Probability conformal = Conformal(auto, Scale);
Report("auto: median of ets, theta, dotm, drift, global", conformal);
Report("  with arima as a sixth member", Conformal([.. auto, 5], Scale));
Report("  errors in log growth, d = recent mean |Δ log y|", Conformal(auto, LogScale, log: true));
Report("  weighted mean, weights least-squares on validation", Conformal(auto, Scale, weights: FitWeights(auto)));

// 2. Other members, and a scale that widens where the members disagree. The subset is the one of 3 to 6 members whose
// probabilities score best on the training file's own last origin, with errors pooled from the two earlier origins.
int[] chosen = ChooseMembers(3, 6);
Report($"  members chosen on the last origin: {string.Join(", ", chosen.Select(k => memberNames[k]))}", Conformal(chosen, Scale));
Report("  scale (d·√h)^0.7 · (member range)^0.3", Conformal(auto, Scale, spread: 0.3));

// 3. Linear pools with other sources of probability.
Probability history = (s, h, target) => OwnHistory(s.Train, h, target);
Probability windows = WindowClassifier();
Report("own history: share of past h-step growths that would meet it", history);
Report("window classifier: LightGBM on all training windows", windows);
Report("pool: 0.8 auto + 0.2 own history", Pool((0.8, conformal), (0.2, history)));
Probability pooled = Pool((0.6, conformal), (0.2, history), (0.2, windows));
Report("pool: 0.6 auto + 0.2 own history + 0.2 window classifier", pooled);
Report("  the same, sharpened: logit x 1.2", (s, h, t) => Sharpen(pooled(s, h, t), 1.2));
Report("  the same with auto + arima and the widened scale", Pool((0.6, Conformal([.. auto, 5], Scale, spread: 0.3)), (0.2, history), (0.2, windows)));

// 4. Oracle (uses TEST): point forecasts 5% closer to the outcomes, errors 5% smaller.
Pool1[] autoPools = Pooled(auto, Scale);
Report("ORACLE: point errors 5% smaller", (s, h, target) =>
{
    double f = Combine(s.Final, auto, h), actual = s.Test[h - 1];
    return autoPools[h - 1].ShareAtLeast((target - (f + (0.05 * (actual - f)))) / (0.95 * Scale(s.Train, h)));
});

// ---------------------------------------------------------------------------------------------------------------------

Series[] Forecasts(double[][] series)
{
    // As auto does: the global member is validated after training on the series cut at their earliest origin
    // (short ones whole), so it never sees what it is checked on, and forecasts after training on them whole.
    IForecaster? global = TryTrain(series);
    IForecaster? validator = TryTrain([.. series.Select(y => y.Length - horizon - Origins + 1 >= 5 ? y[..(y.Length - horizon - Origins + 1)] : y)]);
    var result = new Series[series.Length];
    Parallel.For(0, series.Length, i =>
    {
        double[] y = series[i];
        int[] prefixes = [.. Enumerable.Range(0, Origins).Select(j => y.Length - horizon - j)];
        double[][][] origins = [.. prefixes.Select(n => n >= 5 ? Members(y.AsSpan(0, n), validator) : null!)];
        result[i] = new Series(y, test[i], Members(y, global), origins, prefixes);
    });
    return result;
}

IForecaster? TryTrain(double[][] series)
{
    try
    {
        return new GlobalForecaster(GlobalForecaster.EnsembleMember).Train(series, m, horizon);
    }
    catch (ForecastException)
    {
        return null;
    }
}

double[][] Members(ReadOnlySpan<double> y, IForecaster? global)
{
    var forecasts = new double[memberNames.Length][];
    for (int k = 0; k < memberNames.Length; k++)
    {
        try
        {
            IForecaster f = memberNames[k] == "global" ? global ?? throw new ForecastException("no global model") : Forecasters.Create(memberNames[k]);
            forecasts[k] = f.Fit(y, m).Forecast(horizon, []).Mean.ToArray();
        }
        catch (ForecastException)
        {
            forecasts[k] = [.. Enumerable.Repeat(double.NaN, horizon)];
        }
    }

    return forecasts;
}

double Scale(double[] y, int h) => ErrorCalibration.Scale(y, m) * Math.Sqrt(h);

double LogScale(double[] y, int h)
{
    int from = Math.Max(m, y.Length - Math.Max(6, 2 * m));
    double sum = 0;
    for (int t = from; t < y.Length; t++) sum += Math.Abs(Math.Log(y[t] / y[t - m]));
    return Math.Max(sum / (y.Length - from), 1e-4) * Math.Sqrt(h);
}

double Combine(double[][] forecasts, int[] members, int h, double[]? weights = null)
{
    double[] values = [.. members.Select(k => forecasts[k][h - 1])];
    if (weights is not null)
    {
        double sum = 0, total = 0;
        for (int i = 0; i < values.Length; i++)
            if (double.IsFinite(values[i])) (sum, total) = (sum + (weights[i] * values[i]), total + weights[i]);
        if (total > 0) return sum / total;
    }

    values = [.. values.Where(double.IsFinite).Order()];
    return values.Length == 0 ? double.NaN : values.Length % 2 == 1 ? values[values.Length / 2] : (values[(values.Length / 2) - 1] + values[values.Length / 2]) / 2;
}

IEnumerable<(Series S, int Prefix, double[][] F)> Validation(int firstOrigin = 0) =>
    data.SelectMany(s => Enumerable.Range(firstOrigin, Origins - firstOrigin).Where(j => s.Origins[j] is not null).Select(j => (s, s.Prefixes[j], s.Origins[j])));

// scale^(1 − w) · (range of the forecasts of every member)^w: wider where the members disagree.
static double Widened(double scale, double[][] forecasts, int h, double w)
{
    if (w == 0) return scale;
    double[] values = [.. forecasts.Select(f => f[h - 1]).Where(double.IsFinite)];
    double range = values.Length > 1 ? values.Max() - values.Min() : 0;
    return Math.Pow(scale, 1 - w) * Math.Pow(Math.Max(range, 1e-3 * scale), w);
}

int[] ChooseMembers(int fewest, int most)
{
    // Every subset of fewest..most members, scored on origin 0 (the last values of the training file) with errors
    // pooled from origins 1 and 2, so no outcome is both pooled and scored.
    var subsets = Enumerable.Range(1, (1 << memberNames.Length) - 1)
        .Where(mask => System.Numerics.BitOperations.PopCount((uint)mask) is var c && c >= fewest && c <= most)
        .Select(mask => Enumerable.Range(0, memberNames.Length).Where(k => ((mask >> k) & 1) == 1).ToArray()).ToArray();
    var brier = new double[subsets.Length];
    Parallel.For(0, subsets.Length, i =>
    {
        Pool1[] pools = Pooled(subsets[i], Scale, firstOrigin: 1);
        var probabilities = new List<double>();
        var met = new List<bool>();
        foreach (Series s in data.Where(s => s.Origins[0] is not null))
        {
            int n = s.Prefixes[0];
            double[] y = s.Train[..n];
            for (int h = 1; h <= horizon; h++)
            {
                double f = Combine(s.Origins[0], subsets[i], h), d = Scale(y, h);
                foreach (double g in growth)
                {
                    double target = y[^1] * Math.Pow(1 + g, h);
                    probabilities.Add(pools[h - 1].ShareAtLeast((target - f) / d));
                    met.Add(s.Train[n + h - 1] >= target);
                }
            }
        }

        double score = ProbabilityScores.Of([.. probabilities], [.. met]).Brier;
        brier[i] = double.IsFinite(score) ? score : double.PositiveInfinity;
    });
    return subsets[Array.IndexOf(brier, brier.Min())];
}

Pool1[] Pooled(int[] members, Func<double[], int, double> scale, bool log = false, double[]? weights = null, double spread = 0, int firstOrigin = 0)
{
    var pools = Enumerable.Range(0, horizon).Select(_ => new List<double>()).ToArray();
    foreach ((Series s, int prefix, double[][] f) in Validation(firstOrigin))
    {
        double[] y = s.Train[..prefix];
        double[] scores = [.. Enumerable.Range(1, horizon).Select(h => Score(s.Train[prefix + h - 1], Combine(f, members, h, weights), Widened(scale(y, h), f, h, spread), log))];
        if (!scores.All(double.IsFinite)) continue;
        for (int h = 0; h < horizon; h++) pools[h].AddRange([scores[h], -scores[h]]);
    }

    return [.. pools.Select(p => new Pool1([.. p.Order()]))];
}

static double Score(double actual, double forecast, double scale, bool log) =>
    log ? Math.Log(actual / forecast) / scale : (actual - forecast) / scale;

Probability Conformal(int[] members, Func<double[], int, double> scale, bool log = false, double[]? weights = null, double spread = 0)
{
    Pool1[] pools = Pooled(members, scale, log, weights, spread);
    return (s, h, target) => pools[h - 1].ShareAtLeast(Score(target, Combine(s.Final, members, h, weights), Widened(scale(s.Train, h), s.Final, h, spread), log));
}

double[] FitWeights(int[] members)
{
    // Least squares of the scaled outcome on the scaled member forecasts, then clipped at 0 and normalised.
    var rows = new List<double[]>();
    var targets = new List<double>();
    foreach ((Series s, int prefix, double[][] f) in Validation())
        for (int h = 1; h <= horizon; h++)
        {
            double d = Scale(s.Train[..prefix], h), last = s.Train[prefix - 1];
            double[] x = [.. members.Select(k => (f[k][h - 1] - last) / d)];
            if (!x.All(double.IsFinite)) continue;
            rows.Add(x);
            targets.Add((s.Train[prefix + h - 1] - last) / d);
        }

    var beta = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfRowArrays(rows).QR().Solve(MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfEnumerable(targets));
    double[] w = [.. beta.Select(b => Math.Max(0, b))];
    return [.. w.Select(b => b / w.Sum())];
}

double OwnHistory(double[] y, int h, double target)
{
    // Past h-step growth of the series (origins in the last value's season), smoothed towards one half.
    double met = 0, all = 0;
    for (int t = y.Length - 1 - h - (((h % m) + m) % m == 0 ? 0 : m - (h % m)); t >= 0; t -= m, all++)
        if (y[^1] * y[t + h] / y[t] >= target) met++;
    return (met + 0.5) / (all + 1);
}

Probability WindowClassifier()
{
    // Features of a window ending at t: six log ratios to y_t, h, the threshold as log growth and in units of d·√h.
    float[] Features(double[] y, int t, int h, double g)
    {
        var f = new float[10];
        for (int i = 0; i < 6; i++) f[i] = t - 1 - i >= 0 ? (float)Math.Log(y[t - 1 - i] / y[t]) : float.NaN;
        double d = ErrorCalibration.Scale(y.AsSpan(0, t + 1), m) / y[t];
        (f[6], f[7], f[8], f[9]) = (h, (float)(h * Math.Log(1 + g)), (float)Math.Log(d), (float)(h * Math.Log(1 + g) / (d * Math.Sqrt(h))));
        return f;
    }

    var rows = new List<WindowRow>();
    foreach (double[] y in train.Where(y => y.All(v => v > 0)))
        for (int t = 2; t < y.Length - 1; t++)
            for (int h = 1; h <= Math.Min(horizon, y.Length - 1 - t); h++)
                foreach (double g in growth)
                    rows.Add(new WindowRow { Features = Features(y, t, h, g), Label = y[t + h] >= y[t] * Math.Pow(1 + g, h) });
    var ml = new MLContext(1);
    SchemaDefinition schema = SchemaDefinition.Create(typeof(WindowRow));
    schema[nameof(WindowRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, 10);
    ITransformer model = ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options { NumberOfIterations = 200, NumberOfLeaves = 16, LearningRate = 0.05, MinimumExampleCountPerLeaf = 100, Seed = 1, Silent = true })
        .Fit(ml.Data.LoadFromEnumerable(rows, schema));
    PredictionEngine<WindowRow, WindowPrediction> engine = ml.Model.CreatePredictionEngine<WindowRow, WindowPrediction>(model, inputSchemaDefinition: schema);
    return (s, h, target) => s.Train.All(v => v > 0)
        ? engine.Predict(new WindowRow { Features = Features(s.Train, s.Train.Length - 1, h, Math.Pow(target / s.Train[^1], 1.0 / h) - 1) }).Probability
        : 0.5;
}

static Probability Pool(params (double Weight, Probability P)[] parts) => (s, h, t) => parts.Sum(p => p.Weight * p.P(s, h, t));

static double Sharpen(double p, double k)
{
    p = Math.Clamp(p, 1e-4, 1 - 1e-4);
    return 1 / (1 + Math.Exp(-k * Math.Log(p / (1 - p))));
}

void Report(string name, Probability probability)
{
    var probabilities = new List<double>();
    var met = new List<bool>();
    foreach (Series s in data)
        for (int h = 1; h <= horizon; h++)
            foreach (double g in growth)
            {
                double target = s.Train[^1] * Math.Pow(1 + g, h);
                probabilities.Add(probability(s, h, target));
                met.Add(s.Test[h - 1] >= target);
            }

    ProbabilityScores scores = ProbabilityScores.Of([.. probabilities], [.. met]);
    Console.WriteLine($"{name,-62} Brier {scores.Brier:F4}  ECE {scores.Ece:F4}");
}

/// <summary>A series: its training values, the values to score, member forecasts [member][step] at the end and at each origin.</summary>
internal sealed record Series(double[] Train, double[] Test, double[][] Final, double[][][] Origins, int[] Prefixes);

/// <summary>The probability that the value h steps after the end of a series reaches a target.</summary>
internal delegate double Probability(Series series, int h, double target);

/// <summary>Sorted normalised errors of one step.</summary>
internal sealed record Pool1(double[] Sorted)
{
    public double ShareAtLeast(double x) => GrowthProbabilities.ShareAtLeast(Sorted, x);
}

/// <summary>A training window for the classifier (public for Microsoft.ML's reflection).</summary>
public sealed class WindowRow
{
    /// <summary>The window's features.</summary>
    public float[] Features { get; set; } = [];

    /// <summary>Whether the target was met.</summary>
    public bool Label { get; set; }
}

/// <summary>The classifier's answer (public for Microsoft.ML's reflection).</summary>
public sealed class WindowPrediction
{
    /// <summary>P(met).</summary>
    public float Probability { get; set; }
}
