using System.Globalization;

namespace Zhibiao.Analytics.Forecasting.Ssa;

/// <summary>
/// Singular spectrum analysis forecasting with the algorithm of ML.NET's ForecastBySsa
/// (dotnet/machinelearning, AdaptiveSingularSpectrumSequenceModeler; method: Golyandina and Korobeynikov,
/// arXiv:1206.6910), on MathNet.Numerics:
/// <list type="number">
/// <item>the L × K trajectory matrix X of the training values (n &gt; 2L) and the eigendecomposition of C = X·Xᵀ, eigenvalues descending;</item>
/// <item>the rank r (<see cref="SsaRankSelection"/>), the signal = the diagonal averages of the first r eigentriples;</item>
/// <item>the recurrence a = Σ_{i≤r} π_i·u_i[0..L−2] / (1 − Σπ_i²), π_i the last entry of u_i, optionally stabilised through the roots of its characteristic polynomial;</item>
/// <item>σ²_obs from the residuals around the signal, σ²_ar from the one-step errors of the recurrence on the signal;</item>
/// <item>the state: the last L training values projected on the signal subspace.</item>
/// </list>
/// Computed in double precision (ML.NET computes in single precision); its published outputs are reproduced to within
/// 3e-6. Single precision is imitated in one place only: ML.NET's test for an eigenvector equal to ±e_L (which
/// shrinks the window). The defaults (<see cref="SsaOptions"/>) are tuned for short yearly, quarterly and monthly
/// series; <see cref="SsaOptions.MlNet"/> gives ML.NET's.
/// </summary>
public sealed class SsaForecaster : IForecaster
{
    /// <summary>The fewest values a series needs (window 2, training part longer than 2L).</summary>
    public const int MinimumLength = (2 * SsaOptions.MinimumWindowLength) + 1;

    /// <summary>Creates the forecaster.</summary>
    /// <param name="options">The options; null for the defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range.</exception>
    public SsaForecaster(SsaOptions? options = null)
    {
        Options = options ?? new SsaOptions();
        if (Options.WindowLength is < SsaOptions.MinimumWindowLength)
            throw new ArgumentOutOfRangeException(nameof(options), Options.WindowLength, $"the SSA window length must be at least {SsaOptions.MinimumWindowLength}");
        if (Options.TrainLength is < MinimumLength)
            throw new ArgumentOutOfRangeException(nameof(options), Options.TrainLength, $"the SSA training length must be at least {MinimumLength}");
        if (Options.Rank is < 1) throw new ArgumentOutOfRangeException(nameof(options), Options.Rank, "the SSA rank must be at least 1");
        if (Options.MaxRank is < 1) throw new ArgumentOutOfRangeException(nameof(options), Options.MaxRank, "the SSA maximum rank must be at least 1");
        if (Options.MaxGrowthRatio is { } g && !(g > 0)) throw new ArgumentOutOfRangeException(nameof(options), Options.MaxGrowthRatio, "the SSA maximum growth ratio must be positive");
    }

    /// <summary>The options.</summary>
    public SsaOptions Options { get; }

    /// <inheritdoc/>
    public string Name => "ssa";

    /// <inheritdoc/>
    public IFittedModel Fit(ReadOnlySpan<double> y, int seasonLength = 1) => Rescaling.Fit(y, seasonLength, FitModel);

    /// <summary>
    /// Fits the model on the first <see cref="SsaOptions.TrainLength"/> values (all by default) and feeds the rest as
    /// online updates.
    /// </summary>
    /// <param name="y">The observations.</param>
    /// <param name="seasonLength">Periods per season; only used to choose the default window length.</param>
    /// <exception cref="ForecastException">The series is too short for the window, or has missing or infinite values.</exception>
    public SsaModel FitModel(ReadOnlySpan<double> y, int seasonLength = 1)
    {
        SeriesChecks.RequireSeasonLength(seasonLength);
        SeriesChecks.RequireComplete(y, MinimumLength, Name);
        int train = Options.TrainLength ?? y.Length;
        if (train > y.Length)
            throw new ForecastException($"{Name}: the training length {train} is longer than the series ({y.Length} values)");
        int window = Options.WindowLength ?? SsaOptions.DefaultWindowLength(train, seasonLength);
        if (train <= 2 * window)
            throw new ForecastException(string.Create(CultureInfo.InvariantCulture, $"{Name} with window length {window} needs at least {(2 * window) + 1} training values, the series has {train}"));

        SsaModel model = Train(y[..train], window, Options.GrowthRatioPerStep(seasonLength), Options);
        for (int t = train; t < y.Length; t++) model = model.Update(y[t]);
        return model;
    }

    private static SsaModel Train(ReadOnlySpan<double> y, int window, double maxGrowthRatio, SsaOptions options)
    {
        int n = y.Length;
        int maxRank = Math.Min(options.MaxRank ?? SsaOptions.DefaultMaxRank, window - 1);
        double[] values;
        double[] vectors;
        bool naive = false;
        while (true)
        {
            values = new double[window];
            vectors = new double[window * window];
            Trajectory.Eigen(y, window, values, vectors);
            if (Array.Exists(vectors, double.IsNaN))
            {
                naive = true;
                break;
            }

            // An eigenvector equal to ±e_L would make 1 − Σπ² vanish: as ML.NET, shrink the window and retry (the
            // test is made in single precision, as ML.NET's).
            if (!HasUnitLastEntry(vectors, window)) break;
            if (window == SsaOptions.MinimumWindowLength)
            {
                naive = true;
                break;
            }

            window--;
            maxRank = window / 2;
        }

        int rank;
        var signal = new double[n];
        var scratch = new double[n];
        if (naive)
        {
            // ML.NET's fallback: one constant eigenvector, a recurrence that averages the last L − 1 values.
            rank = 1;
            Array.Fill(vectors, 1 / Math.Sqrt(window), 0, window);
            Trajectory.AddComponent(y, vectors.AsSpan(0, window), signal, scratch);
        }
        else if (options.RankSelection == SsaRankSelection.Exact)
        {
            rank = SelectRank(y, window, vectors, maxRank, signal);
        }
        else
        {
            rank = Math.Min(options.Rank ?? maxRank, window - 1);
            for (int i = 0; i < rank; i++) Trajectory.AddComponent(y, vectors.AsSpan(i * window, window), signal, scratch);
        }

        double[] basis = vectors[..(rank * window)];
        var a = new double[window - 1];
        Trajectory.Recurrence(basis, window, rank, a);
        bool stabilized = options.Stabilize && !naive && Stabilizer.TryStabilize(a, maxGrowthRatio);

        // Noise: σ²_obs around the signal (population variance), σ²_ar of the recurrence's one-step errors on the
        // signal, divided by K − L + 1 as ML.NET does.
        int m = window - 1;
        double mean = 0;
        for (int t = 0; t < n; t++) mean += y[t] - signal[t];
        mean /= n;
        double obs = 0;
        for (int t = 0; t < n; t++)
        {
            double e = y[t] - signal[t];
            obs += e * e;
        }

        obs = Math.Max(0, (obs / n) - (mean * mean));

        var fitted = new double[n];
        Array.Fill(fitted, double.NaN, 0, m);
        int k = n - m;
        double arMean = 0;
        for (int t = m; t < n; t++)
        {
            fitted[t] = SsaModel.Dot(signal.AsSpan(t - m, m), a);
            arMean += signal[t] - fitted[t];
        }

        arMean /= k;
        double ar = 0;
        for (int t = m; t < n; t++)
        {
            double e = signal[t] - fitted[t] - arMean;
            ar += e * e;
        }

        ar /= k - window + 1;

        // State: the last L values projected on the signal subspace; its last L − 1 entries.
        var smooth = new double[window];
        SsaModel.Project(basis, window, rank, y[(n - window)..], smooth);
        double[] state = smooth[1..];
        double next = SsaModel.Dot(state, a);
        return new SsaModel(window, rank, basis, a, state, next, y.ToArray(), fitted, obs, ar, stabilized, options.Variance);
    }

    /// <summary>
    /// ML.NET's exact rank selection: for r = 1..maxRank, the rank-r signal and recurrence; the recurrence runs freely
    /// from the L − 1 signal values before the evaluation part (the last min(max(L, 200), K) values), shifted by the
    /// mean residual; the rank with the smallest sum of absolute errors wins (the earliest on ties). Writes that
    /// rank's signal to <paramref name="best"/>.
    /// </summary>
    private static int SelectRank(ReadOnlySpan<double> y, int window, double[] vectors, int maxRank, double[] best)
    {
        int n = y.Length;
        int m = window - 1;
        int k = n - m;
        int evaluated = Math.Min(Math.Max(window, 200), k);
        int start = n - evaluated;
        var signal = new double[n];
        var scratch = new double[k];
        var sum = new double[m];
        var a = new double[m];
        var run = new double[m + evaluated];
        double nu = 0;
        double minError = double.MaxValue;
        int rank = maxRank;
        bool found = false;
        for (int i = 0; i < maxRank; i++)
        {
            ReadOnlySpan<double> u = vectors.AsSpan(i * window, window);
            double pi = u[m];
            nu += pi * pi;
            for (int j = 0; j < m; j++) sum[j] += pi * u[j];
            Trajectory.AddComponent(y, u, signal, scratch);
            if (!(1 - nu > 1e-12)) continue;
            for (int j = 0; j < m; j++) a[j] = sum[j] / (1 - nu);

            double mean = 0;
            for (int t = 0; t < n; t++) mean += y[t] - signal[t];
            mean /= n;

            signal.AsSpan(start - m, m).CopyTo(run);
            double error = 0;
            for (int t = 0; t < evaluated; t++)
            {
                double f = SsaModel.Dot(run.AsSpan(t, m), a) + mean;
                run[m + t] = f;
                error += Math.Abs(y[start + t] - f);
                if (error > minError) break;
            }

            if (error < minError)
            {
                minError = error;
                rank = i + 1;
                found = true;
                signal.CopyTo(best, 0);
            }
        }

        if (!found)
        {
            Array.Clear(best);
            var scratchK = new double[k];
            for (int i = 0; i < rank; i++) Trajectory.AddComponent(y, vectors.AsSpan(i * window, window), best, scratchK);
        }

        return rank;
    }

    private static bool HasUnitLastEntry(double[] vectors, int window)
    {
        for (int i = 0; i < window; i++)
        {
            float v = (float)vectors[((i + 1) * window) - 1];
            if (v * v == 1f) return true;
        }

        return false;
    }
}
