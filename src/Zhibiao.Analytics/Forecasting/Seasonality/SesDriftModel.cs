using MathNet.Numerics.Distributions;

namespace Zhibiao.Analytics.Forecasting.Seasonality;

/// <summary>
/// The fitted form shared by the Theta models and Naive2: on the (seasonally adjusted) scale the forecast is a line,
/// ŷ_{n+h} = c₀ + c₁(h − 1), with the error structure of simple exponential smoothing,
/// y_{n+h} = ŷ_{n+h} + ε_{n+h} + α Σ_{j&lt;h} ε_{n+j}, so Var = σ²(1 + α²(h − 1)) (Hyndman et al. 2008, class 1;
/// Hyndman and Billah 2003 for Theta). A seasonal adjustment, when present, multiplies the mean by the index S_{n+h};
/// the spread is multiplied too when <see cref="ScaleSpread"/> is set, and added unscaled otherwise (as R's thetaf does).
/// </summary>
internal sealed class SesDriftModel : FittedModel
{
    private readonly double[] _y;
    private readonly double[] _fitted;
    private readonly double _c0;
    private readonly double _c1;
    private readonly double _alpha;
    private readonly double _sigma;
    private readonly SeasonalAdjustment? _seasonal;
    private readonly (string Name, double Value)[] _parameters;
    private Dictionary<string, double>? _parameterMap;

    public SesDriftModel(string method, double[] y, double[] fitted, double c0, double c1, double alpha, double sigma2, SeasonalAdjustment? seasonal, bool scaleSpread, (string Name, double Value)[] parameters)
    {
        Method = method;
        _y = y;
        _fitted = fitted;
        _c0 = c0;
        _c1 = c1;
        _alpha = alpha;
        _sigma = Math.Sqrt(Math.Max(0, sigma2));
        _seasonal = seasonal;
        ScaleSpread = scaleSpread;
        _parameters = parameters;
    }

    public override string Method { get; }

    /// <summary>Whether the interval half-widths are multiplied by the seasonal index too.</summary>
    public bool ScaleSpread { get; }

    public override IReadOnlyList<double> Fitted => _fitted;

    public override IReadOnlyDictionary<string, double> Parameters => _parameterMap ??= BuildParameters();

    protected override ReadOnlySpan<double> Observations => _y;

    protected override void PointForecast(Span<double> mean)
    {
        for (int h = 1; h <= mean.Length; h++) mean[h - 1] = Index(h) * (_c0 + (_c1 * (h - 1)));
    }

    protected override bool TryForecastVariance(Span<double> variance)
    {
        double s2 = _sigma * _sigma, a2 = _alpha * _alpha;
        for (int h = 1; h <= variance.Length; h++)
        {
            double scale = ScaleSpread ? Index(h) : 1;
            variance[h - 1] = s2 * (1 + (a2 * (h - 1))) * scale * scale;
        }

        return true;
    }

    protected override void SimulatePath(Span<double> path, Random random)
    {
        double accumulated = 0;
        for (int h = 1; h <= path.Length; h++)
        {
            double e = _sigma * Normal.Sample(random, 0, 1);
            double deviation = accumulated + e;
            accumulated += _alpha * e;
            double index = Index(h);
            double line = _c0 + (_c1 * (h - 1));
            path[h - 1] = (index * line) + ((ScaleSpread ? index : 1) * deviation);
        }
    }

    private double Index(int h) => _seasonal?.ForecastIndex(h) ?? 1;

    private Dictionary<string, double> BuildParameters()
    {
        var map = new Dictionary<string, double>(_parameters.Length + 2, StringComparer.Ordinal);
        foreach ((string name, double value) in _parameters) map[name] = value;
        map["sigma2"] = _sigma * _sigma;
        map["seasonal"] = _seasonal is null ? 0 : _seasonal.SeasonLength;
        return map;
    }
}
