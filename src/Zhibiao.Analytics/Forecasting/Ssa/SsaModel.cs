using System.Globalization;

namespace Zhibiao.Analytics.Forecasting.Ssa;

/// <summary>
/// A fitted SSA model (the model of ML.NET's ForecastBySsa): the signal subspace spanned by the first r eigenvectors
/// U_r of the window-L trajectory matrix, the linear recurrence s_t = Σ_j a_j·s_{t−L+1+j} of that subspace (optionally
/// stabilised), the smoothed state (the last L − 1 signal values) and two noise variances: σ²_obs of the
/// observations around the reconstructed signal and σ²_ar of the one-step errors of the recurrence on the signal.
/// Point forecasts run the recurrence from the state; the variance of step h is σ²_obs + σ²_ar·Σψ² (see
/// <see cref="SsaVarianceRule"/>). Immutable: <see cref="Update"/> returns a new model.
/// </summary>
public sealed class SsaModel : FittedModel
{
    private readonly double[] _basis;
    private readonly double[] _a;
    private readonly double[] _state;
    private readonly double[] _buffer;
    private readonly double[] _y;
    private readonly double[] _fitted;
    private readonly SsaVarianceRule _rule;
    private int _buffered;
    private double _next;

    internal SsaModel(int window, int rank, double[] basis, double[] a, double[] state, double next, double[] y, double[] fitted,
        double observationVariance, double recurrenceVariance, bool stabilized, SsaVarianceRule rule)
    {
        WindowLength = window;
        Rank = rank;
        _basis = basis;
        _a = a;
        _state = state;
        _next = next;
        _y = y;
        _fitted = fitted;
        _buffer = new double[window - 1];
        ObservationNoiseVariance = observationVariance;
        RecurrenceNoiseVariance = recurrenceVariance;
        Stabilized = stabilized;
        _rule = rule;
    }

    private SsaModel(SsaModel m, double value)
    {
        WindowLength = m.WindowLength;
        Rank = m.Rank;
        _basis = m._basis;
        _a = m._a;
        ObservationNoiseVariance = m.ObservationNoiseVariance;
        RecurrenceNoiseVariance = m.RecurrenceNoiseVariance;
        Stabilized = m.Stabilized;
        _rule = m._rule;
        _state = (double[])m._state.Clone();
        _buffer = (double[])m._buffer.Clone();
        _buffered = m._buffered;
        _y = [.. m._y, value];
        _fitted = [.. m._fitted, m._next];
        _next = m._next;
        Consume(value);
    }

    /// <summary>The window length L.</summary>
    public int WindowLength { get; }

    /// <summary>The rank r of the signal subspace.</summary>
    public int Rank { get; }

    /// <summary>Whether the recurrence was stabilised (false when stabilisation was off or failed).</summary>
    public bool Stabilized { get; }

    /// <summary>σ²_obs: the variance of the observations around the reconstructed signal (training part).</summary>
    public double ObservationNoiseVariance { get; }

    /// <summary>σ²_ar: the variance of the one-step errors of the recurrence on the reconstructed signal (training part).</summary>
    public double RecurrenceNoiseVariance { get; }

    /// <summary>The recurrence coefficients a_0..a_{L−2}; a_j multiplies the value L − 1 − j steps back.</summary>
    public IReadOnlyList<double> Coefficients => _a;

    /// <inheritdoc/>
    public override string Method => string.Create(CultureInfo.InvariantCulture, $"SSA(L={WindowLength},r={Rank})");

    /// <summary>
    /// One-step fitted values: on the training part the recurrence applied to the reconstructed signal (NaN for the
    /// first L − 1 values), after it the one-step forecasts made before each update.
    /// </summary>
    public override IReadOnlyList<double> Fitted => _fitted;

    /// <inheritdoc/>
    public override IReadOnlyDictionary<string, double> Parameters
    {
        get
        {
            var p = new Dictionary<string, double>
            {
                ["window"] = WindowLength,
                ["rank"] = Rank,
                ["sigma2_obs"] = ObservationNoiseVariance,
                ["sigma2_ar"] = RecurrenceNoiseVariance,
            };
            for (int j = 0; j < _a.Length; j++) p[string.Create(CultureInfo.InvariantCulture, $"a{_a.Length - j}")] = _a[j];
            return p;
        }
    }

    /// <inheritdoc/>
    protected override ReadOnlySpan<double> Observations => _y;

    /// <summary>
    /// The model after observing <paramref name="value"/>, the next value of the series (ML.NET's online update with
    /// a non-adaptive model): the window of the last L − 1 values fed (at first the smoothed state) plus the new value
    /// is projected on the signal subspace, x̂ = U_r·U_rᵀ·x, and the state is updated as the running diagonal average
    /// s_i ← ((L − 2 − i)·s_{i+1} + x̂_{i+1}) / (L − 1 − i), s_{L−2} ← x̂_{L−1}. The subspace, recurrence and noise
    /// variances are not re-estimated.
    /// </summary>
    /// <exception cref="ForecastException">The value is missing or not finite.</exception>
    public SsaModel Update(double value)
    {
        if (!double.IsFinite(value)) throw new ForecastException($"SSA update: the value {value.ToString(CultureInfo.InvariantCulture)} is not a finite number");
        return new SsaModel(this, value);
    }

    /// <summary>Feeds the next value to this (not yet published) model.</summary>
    internal void Consume(double value)
    {
        int m = WindowLength - 1;
        if (_buffered == 0)
        {
            Array.Copy(_state, _buffer, m);
            _buffered = m;
        }

        Span<double> x = stackalloc double[WindowLength];
        _buffer.CopyTo(x);
        x[m] = value;
        Span<double> smooth = stackalloc double[WindowLength];
        Project(x, smooth);
        for (int i = 0; i < m - 1; i++) _state[i] = (((m - 1 - i) * _state[i + 1]) + smooth[i + 1]) / (m - i);
        _state[m - 1] = smooth[m];
        _next = Dot(_state, _a);

        // Keep the last L − 1 values fed.
        Array.Copy(_buffer, 1, _buffer, 0, m - 1);
        _buffer[m - 1] = value;
    }

    /// <summary>x̂ = U_r·U_rᵀ·x.</summary>
    internal void Project(ReadOnlySpan<double> x, Span<double> result) => Project(_basis, WindowLength, Rank, x, result);

    internal static void Project(ReadOnlySpan<double> basis, int window, int rank, ReadOnlySpan<double> x, Span<double> result)
    {
        result.Clear();
        for (int i = 0; i < rank; i++)
        {
            ReadOnlySpan<double> u = basis.Slice(i * window, window);
            double c = Dot(u, x);
            for (int j = 0; j < window; j++) result[j] += c * u[j];
        }
    }

    internal static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++) s += x[i] * y[i];
        return s;
    }

    /// <inheritdoc/>
    protected override void PointForecast(Span<double> mean)
    {
        int m = WindowLength - 1;
        var z = new double[m + mean.Length];
        _state.CopyTo(z, 0);
        for (int h = 0; h < mean.Length; h++)
        {
            double f = h == 0 ? _next : Dot(z.AsSpan(h, m), _a);
            z[m + h] = f;
            mean[h] = f;
        }
    }

    /// <inheritdoc/>
    protected override bool TryForecastVariance(Span<double> variance)
    {
        int m = WindowLength - 1;
        int horizon = variance.Length;

        // Impulse response ψ_0 = 1, ψ_j = Σ_k a_{m−k}·ψ_{j−k}, in a sequence padded with m zeros in front.
        int extra = _rule == SsaVarianceRule.MlNet ? 1 : 0;
        var psi = new double[m + horizon + extra];
        psi[m] = 1;
        for (int j = 1; j < horizon + extra; j++) psi[m + j] = Dot(psi.AsSpan(j, m), _a);

        variance[0] = ObservationNoiseVariance + RecurrenceNoiseVariance;
        for (int h = 1; h < horizon; h++)
        {
            double w = psi[m + h + extra];
            variance[h] = variance[h - 1] + (RecurrenceNoiseVariance * w * w);
        }

        return true;
    }

    /// <summary>
    /// One path of the model: the signal follows the recurrence with N(0, σ²_ar) innovations, s_{n+h} =
    /// Σ_j a_j·s_{n+h−L+1+j} + ε_h (the first step from the smoothed state), and the observation adds N(0, σ²_obs).
    /// Its variance per step is the <see cref="SsaVarianceRule.Recurrence"/> one.
    /// </summary>
    protected override void SimulatePath(Span<double> path, Random random)
    {
        int m = WindowLength - 1;
        double sdAr = Math.Sqrt(RecurrenceNoiseVariance);
        double sdObs = Math.Sqrt(ObservationNoiseVariance);
        Span<double> z = path.Length + m <= 512 ? stackalloc double[path.Length + m] : new double[path.Length + m];
        _state.CopyTo(z);
        for (int h = 0; h < path.Length; h++)
        {
            double s = (h == 0 ? _next : Dot(z.Slice(h, m), _a)) + (sdAr * Gaussian(random));
            z[m + h] = s;
            path[h] = s + (sdObs * Gaussian(random));
        }
    }

    private static double Gaussian(Random random)
    {
        // Box–Muller; 1 − U avoids log(0).
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
