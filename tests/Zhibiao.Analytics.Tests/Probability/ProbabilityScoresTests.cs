using Zhibiao.Analytics.Probability;

namespace Zhibiao.Analytics.Tests.Probability;

public class ProbabilityScoresTests
{
    [Fact]
    public void Brier_and_calibration_error_worked_by_hand()
    {
        // p:    0.05 0.15 0.15 0.95 1.0   outcomes: 0 1 0 1 1
        // Brier = (0.0025 + 0.7225 + 0.0225 + 0.0025 + 0) / 5 = 0.15
        // bins: [0.0,0.1): p 0.05 o 0 -> |0.05 - 0| x1; [0.1,0.2): mean p 0.15, o 0.5 -> |0.35| x2; [0.9,1]: mean p 0.975, o 1 -> 0.025 x2
        // ECE = (0.05 + 0.7 + 0.05) / 5 = 0.16
        ProbabilityScores s = ProbabilityScores.Of([0.05, 0.15, 0.15, 0.95, 1.0], [false, true, false, true, true]);
        Assert.Equal(0.15, s.Brier, 12);
        Assert.Equal(0.16, s.Ece, 12);
        Assert.Equal(0.6, s.BaseRate, 12);
        Assert.Equal(0.24, s.BrierOfBaseRate, 12);
        Assert.Equal(3, s.Reliability.Count);
        Assert.Equal(2, s.Reliability[2].Count);
        Assert.Equal((0.1, 0.2, 0.15, 0.5), (s.Reliability[1].Lower, s.Reliability[1].Upper, s.Reliability[1].MeanProbability, s.Reliability[1].ObservedFrequency));
        Assert.Equal((0.9, 1.0), (s.Reliability[2].Lower, s.Reliability[2].Upper));
        Assert.Equal((0.0, 0.1), (s.Reliability[0].Lower, s.Reliability[0].Upper));
    }

    [Fact]
    public void Probabilities_0_and_1_are_accepted_at_both_ends()
    {
        // p 0 and 1 both right: Brier 0, each in its own end bin (1 falls in the last bin, [0.9, 1]).
        ProbabilityScores s = ProbabilityScores.Of([0, 1], [false, true]);
        Assert.Equal(0, s.Brier);
        Assert.Equal(0, s.Ece);
        var tally = new ProbabilityTally();
        tally.Add(0, false);
        tally.Add(1, true);
        Assert.Equal(0, tally.Scores().Brier);
        Assert.Equal(2, tally.Cases);
    }

    [Fact]
    public void Bad_input_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => ProbabilityScores.Of([], []));
        Assert.Throws<ArgumentException>(() => ProbabilityScores.Of([0.5], [true, false]));
        Assert.Contains("one outcome per probability", Assert.Throws<ArgumentException>(() => ProbabilityScores.Of([0.5], [true, false])).Message, StringComparison.Ordinal);
        Assert.Contains("probability 1.5 at 1 is outside [0, 1]", Assert.Throws<ArgumentException>(() => ProbabilityScores.Of([0.5, 1.5], [true, true])).Message, StringComparison.Ordinal);
        Assert.Contains("probability -0.5 at 0", Assert.Throws<ArgumentException>(() => ProbabilityScores.Of([-0.5], [true])).Message, StringComparison.Ordinal);
        var tally = new ProbabilityTally();
        Assert.Contains("at least one case", Assert.Throws<InvalidOperationException>(tally.Scores).Message, StringComparison.Ordinal);
        foreach (double bad in new[] { -0.1, 1.1, double.NaN })
            Assert.Contains("a probability is in [0, 1]", Assert.Throws<ArgumentOutOfRangeException>(() => tally.Add(bad, true)).Message, StringComparison.Ordinal);
        Assert.Equal(0, tally.Cases);
    }
}
