namespace Zhibiao.Analytics;

/// <summary>
/// The one rule that decides whether a target is met (<see cref="Target.Rule"/>), in the unit of the judged quantity:
/// a floor met by x ≥ bound − tolerance, a ceiling by x ≤ bound + tolerance, a band by |x − bound| ≤ tolerance, each
/// with a relative slack of 1e-9 for binary rounding. Tracking, the probability's judged event, the backtests and
/// the board all call it.
/// </summary>
/// <param name="Side">Floor, ceiling or band.</param>
/// <param name="Bound">The bound the side uses, in the judged unit.</param>
/// <param name="Tolerance">How far beyond the bound still counts, in the judged unit (≥ 0).</param>
public readonly record struct TargetRule(TargetComparison Side, double Bound, double Tolerance)
{
    /// <summary>The last value that meets a floor or ceiling (bound ∓ tolerance); the bound of a band.</summary>
    public double Threshold => Side switch
    {
        TargetComparison.AtLeast => Bound - Tolerance,
        TargetComparison.AtMost => Bound + Tolerance,
        _ => Bound,
    };

    /// <summary>The values that meet the target: a half-line for a floor or a ceiling, a closed interval for a band (without the slack).</summary>
    public Interval Accepted => Side switch
    {
        TargetComparison.AtLeast => new Interval(Threshold, double.PositiveInfinity),
        TargetComparison.AtMost => new Interval(double.NegativeInfinity, Threshold),
        _ => new Interval(Bound - Tolerance, Bound + Tolerance),
    };

    /// <summary>Whether a value meets the target: it lies in <see cref="Accepted"/> widened by the slack.</summary>
    public bool IsMetBy(double value) => value >= Accepted.Lower - Slack && value <= Accepted.Upper + Slack;

    /// <summary>
    /// Whether a reported value with a qualifier meets the target: the face value meets it and the qualifier does not
    /// put the true value on the wrong side (more than 3亿 meets at least 3亿; nearly 3亿 does not; only exact or
    /// approximate figures meet a band).
    /// </summary>
    public bool IsMetBy(double value, Qualifier qualifier) => IsMetBy(value) && Side switch
    {
        TargetComparison.AtLeast => qualifier.Side() >= 0,
        TargetComparison.AtMost => qualifier.Side() <= 0,
        _ => qualifier is Qualifier.Exact or Qualifier.Approx,
    };

    /// <summary>
    /// The signed margin of a value, positive when met: x − threshold for a floor, threshold − x for a ceiling,
    /// tolerance − |x − bound| for a band; in the judged unit.
    /// </summary>
    public double Margin(double value) => Side switch
    {
        TargetComparison.AtLeast => value - Threshold,
        TargetComparison.AtMost => Threshold - value,
        _ => Tolerance - Math.Abs(value - Bound),
    };

    /// <summary>How far short of the target a value falls (0 when met): max(0, −margin).</summary>
    public double Shortfall(double value) => Math.Max(0, -Margin(value));

    private double Slack => 1e-9 * Math.Max(1, Math.Abs(Bound));
}
