using Zhibiao.Analytics.Forecasting;

namespace Zhibiao.Analytics.Tests.Forecasting;

/// <summary>
/// A model whose output is written in the test, so the code that consumes forecasts (evaluation, target
/// probabilities) can be checked against values worked by hand: sample path p is <see cref="Paths"/>[p mod count]
/// (a script shorter than the horizon holds its last value); the forecast is <see cref="Point"/> at every step with
/// the interval [<see cref="Lower"/>, <see cref="Upper"/>] at every level; <see cref="Seen"/> records the values of
/// every fit (<see cref="SeasonLengths"/> their season lengths), and <see cref="Refuse"/> makes every fit fail with that message.
/// </summary>
internal sealed class ScriptedForecaster(string name = "scripted") : IForecaster
{
    public double[][] Paths { get; init; } = [[0]];

    public double Point { get; init; }

    public double Lower { get; init; } = -1;

    public double Upper { get; init; } = 1;

    public string? Refuse { get; init; }

    public List<double[]> Seen { get; } = [];

    public List<int> SeasonLengths { get; } = [];

    public string Name => name;

    public IFittedModel Fit(ReadOnlySpan<double> y, int seasonLength = 1)
    {
        if (Refuse is not null) throw new ForecastException(Refuse);
        lock (Seen)
        {
            Seen.Add(y.ToArray());
            SeasonLengths.Add(seasonLength);
        }

        return new Model(this);
    }

    private sealed class Model(ScriptedForecaster script) : IFittedModel
    {
        public string Method => $"{script.Name} method";

        public IReadOnlyList<double> Fitted => [];

        public IReadOnlyList<double> Residuals => [];

        public IReadOnlyDictionary<string, double> Parameters => new Dictionary<string, double>();

        public InformationCriteria? Criteria => null;

        public Forecast Forecast(int horizon, IReadOnlyList<double> levels)
        {
            ForecastLimits.Check(horizon, levels);
            double[] Repeat(double v) => [.. Enumerable.Repeat(v, horizon)];
            return new Forecast(Method, Repeat(script.Point), [.. levels.Select(l => new PredictionInterval(l, Repeat(script.Lower), Repeat(script.Upper)))], Array.Empty<double>(), Array.Empty<double>());
        }

        public void SimulatePaths(int horizon, Span<double> paths, Random random)
        {
            for (int p = 0; p < paths.Length / horizon; p++)
            {
                double[] path = script.Paths[p % script.Paths.Length];
                for (int h = 0; h < horizon; h++) paths[(p * horizon) + h] = path[Math.Min(h, path.Length - 1)];
            }
        }
    }
}
