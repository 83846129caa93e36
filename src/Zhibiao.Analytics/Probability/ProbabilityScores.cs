namespace Zhibiao.Analytics.Probability;

/// <summary>One bin of a reliability table.</summary>
/// <param name="Lower">Lower edge of the bin (probabilities from here).</param>
/// <param name="Upper">Upper edge (to here; the last bin includes 1).</param>
/// <param name="Count">Forecasts in the bin.</param>
/// <param name="MeanProbability">Their mean probability.</param>
/// <param name="ObservedFrequency">The share of them that happened.</param>
public sealed record ReliabilityBin(double Lower, double Upper, int Count, double MeanProbability, double ObservedFrequency);

/// <summary>
/// Scores of probability forecasts of binary events: the Brier score (Brier 1950) mean (p − o)², the expected
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
    /// <summary>Scores probabilities against outcomes.</summary>
    /// <exception cref="ArgumentException">No cases, different lengths, or a probability outside [0, 1].</exception>
    public static ProbabilityScores Of(ReadOnlySpan<double> probabilities, ReadOnlySpan<bool> outcomes)
    {
        if (probabilities.Length == 0 || probabilities.Length != outcomes.Length)
            throw new ArgumentException("scores need one outcome per probability, and at least one", nameof(outcomes));
        int n = probabilities.Length;
        var count = new int[10];
        var sumP = new double[10];
        var sumO = new double[10];
        double brier = 0, events = 0;
        for (int i = 0; i < n; i++)
        {
            double p = probabilities[i];
            if (!(p >= 0 && p <= 1)) throw new ArgumentException($"probability {p} at {i} is outside [0, 1]", nameof(probabilities));
            double o = outcomes[i] ? 1 : 0;
            brier += (p - o) * (p - o);
            events += o;
            int b = Math.Min((int)(p * 10), 9);
            count[b]++;
            sumP[b] += p;
            sumO[b] += o;
        }

        double ece = 0;
        var bins = new List<ReliabilityBin>();
        for (int b = 0; b < 10; b++)
        {
            if (count[b] == 0) continue;
            double meanP = sumP[b] / count[b], freq = sumO[b] / count[b];
            ece += count[b] * Math.Abs(meanP - freq);
            bins.Add(new ReliabilityBin(b / 10.0, (b + 1) / 10.0, count[b], meanP, freq));
        }

        double rate = events / n;
        return new ProbabilityScores(n, rate, brier / n, ece / n, rate * (1 - rate), bins);
    }
}
