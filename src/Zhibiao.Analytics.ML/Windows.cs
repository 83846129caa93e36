namespace Zhibiao.Analytics.ML;

/// <summary>
/// Scaled windows of a series: features of the window ending at t are the horizon h, the share of the window that is
/// real history, and x_j = ln(y_{t−j} / y_t) for j = 1..k (before the series starts, the earliest value repeats);
/// the label is ln(y_{t+h} / y_t), the growth to forecast. Levels never enter, so series of any size train together.
/// </summary>
internal static class Windows
{
    /// <summary>Fewest values before the end of a window.</summary>
    public const int MinimumHistory = 3;

    /// <summary>Number of features for a window length k.</summary>
    public static int FeatureCount(int k) => k + 2;

    /// <summary>Whether a series can be used: finite and positive everywhere.</summary>
    public static bool Usable(ReadOnlySpan<double> y)
    {
        if (y.Length < MinimumHistory) return false;
        foreach (double v in y)
            if (!(v > 0) || !double.IsFinite(v)) return false;
        return true;
    }

    /// <summary>ln y_t for every t: the windows of a series share them, so each is taken once.</summary>
    public static double[] Logs(ReadOnlySpan<double> y)
    {
        var logs = new double[y.Length];
        for (int t = 0; t < y.Length; t++) logs[t] = Math.Log(y[t]);
        return logs;
    }

    /// <summary>Writes the features of the window ending at index t for horizon h, from the series' logs (<see cref="Logs"/>).</summary>
    public static void Features(ReadOnlySpan<double> logs, int t, int h, int k, Span<float> features)
    {
        features[0] = h;
        features[1] = Math.Min(t, k) / (float)k;
        double last = logs[t];
        for (int j = 1; j <= k; j++) features[1 + j] = (float)(logs[Math.Max(0, t - j)] - last);
    }

    /// <summary>The label ln(y_{t+h} / y_t).</summary>
    public static float Label(ReadOnlySpan<double> y, int t, int h) => (float)Math.Log(y[t + h] / y[t]);
}
