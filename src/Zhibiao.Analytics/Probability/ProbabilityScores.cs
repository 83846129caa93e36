namespace Zhibiao.Analytics.Probability;

/// <summary>One bin of a reliability table.</summary>
/// <param name="Lower">Lower edge of the bin (probabilities from here).</param>
/// <param name="Upper">Upper edge (to here; the last bin includes 1).</param>
/// <param name="Count">Forecasts in the bin.</param>
/// <param name="MeanProbability">Their mean probability.</param>
/// <param name="ObservedFrequency">The share of them that happened.</param>
public sealed record ReliabilityBin(double Lower, double Upper, int Count, double MeanProbability, double ObservedFrequency);

/// <summary>
/// Scores of probability forecasts of binary events: the Brier score (Brier 1950) mean (p − o)², the mean log score
/// ln p of what happened (p clipped to [0.01, 0.99]; higher is better), the expected
/// calibration error over 10 equal-width bins Σ_b (n_b/n)·|mean p_b − mean o_b| (Naeini et al. 2015; bin of p is
/// min(⌊10p⌋, 9)), the base rate and the Brier score of always answering it.
/// </summary>
/// <param name="Cases">Number of forecasts.</param>
/// <param name="BaseRate">Share of events that happened.</param>
/// <param name="Brier">The Brier score.</param>
/// <param name="Ece">The expected calibration error.</param>
/// <param name="BrierOfBaseRate">Brier score of always answering the base rate: b(1 − b).</param>
/// <param name="Reliability">The reliability table (empty bins left out).</param>
public sealed record ProbabilityScores(int Cases, double BaseRate, double Brier, double Ece, double BrierOfBaseRate, IReadOnlyList<ReliabilityBin> Reliability)
{
    /// <summary>The mean log score ln p of what happened, p clipped to [0.01, 0.99] (<see cref="TargetAssessors.LogScore"/>).</summary>
    public double Log { get; init; }

    /// <summary>Scores probabilities against outcomes.</summary>
    /// <exception cref="ArgumentException">No cases, different lengths, or a probability outside [0, 1].</exception>
    public static ProbabilityScores Of(ReadOnlySpan<double> probabilities, ReadOnlySpan<bool> outcomes)
    {
        if (probabilities.Length == 0 || probabilities.Length != outcomes.Length)
            throw new ArgumentException("scores need one outcome per probability, and at least one", nameof(outcomes));
        var tally = new ProbabilityTally();
        for (int i = 0; i < probabilities.Length; i++)
        {
            double p = probabilities[i];
            if (!(p >= 0 && p <= 1)) throw new ArgumentException($"probability {p} at {i} is outside [0, 1]", nameof(probabilities));
            tally.Add(p, outcomes[i]);
        }

        return tally.Scores();
    }
}

/// <summary>
/// <see cref="ProbabilityScores"/> added up case by case, for cases that come in batches and are not all kept: the
/// same sums in the same order, so the same scores as <see cref="ProbabilityScores.Of"/> over all of them.
/// </summary>
internal sealed class ProbabilityTally
{
    private readonly int[] _count = new int[10];
    private readonly double[] _sumP = new double[10];
    private readonly double[] _sumO = new double[10];
    private double _brier, _events, _log;
    private int _cases;

    /// <summary>Cases added so far.</summary>
    public int Cases => _cases;

    /// <summary>Adds a probability forecast and whether the event happened.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The probability is outside [0, 1].</exception>
    public void Add(double probability, bool happened)
    {
        if (!(probability >= 0 && probability <= 1)) throw new ArgumentOutOfRangeException(nameof(probability), probability, "a probability is in [0, 1]");
        double o = happened ? 1 : 0;
        _brier += (probability - o) * (probability - o);
        _log += TargetAssessors.LogScore(probability, happened);
        _events += o;
        int b = Math.Min((int)(probability * 10), 9);
        _count[b]++;
        _sumP[b] += probability;
        _sumO[b] += o;
        _cases++;
    }

    /// <summary>The scores of the cases added.</summary>
    /// <exception cref="InvalidOperationException">No case was added.</exception>
    public ProbabilityScores Scores()
    {
        if (_cases == 0) throw new InvalidOperationException("scores need at least one case");
        int n = _cases;
        double ece = 0;
        var bins = new List<ReliabilityBin>();
        for (int b = 0; b < 10; b++)
        {
            if (_count[b] == 0) continue;
            double meanP = _sumP[b] / _count[b], freq = _sumO[b] / _count[b];
            ece += _count[b] * Math.Abs(meanP - freq);
            bins.Add(new ReliabilityBin(b / 10.0, (b + 1) / 10.0, _count[b], meanP, freq));
        }

        double rate = _events / n;
        return new ProbabilityScores(n, rate, _brier / n, ece / n, rate * (1 - rate), bins) { Log = _log / n };
    }

}
