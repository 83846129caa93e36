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
    }

    [Fact]
    public void Bad_input_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => ProbabilityScores.Of([], []));
        Assert.Throws<ArgumentException>(() => ProbabilityScores.Of([0.5], [true, false]));
        Assert.Throws<ArgumentException>(() => ProbabilityScores.Of([1.5], [true]));
    }
}
