namespace Zhibiao.Analytics.Reports;

/// <summary>
/// How governments judge their targets, from the indicator's direction alone so the same rule serves every dataset:
/// for a higher-is-better indicator a target is a floor (增长8%左右 is met by 11.4%), for a lower-is-better one a
/// ceiling (涨幅3%左右 is met by 0.2%; 降低4%左右 is a change of about −4% or less); a range is met at its lower bound
/// (higher is better) or its upper bound (lower is better); 以上 / 以内 keep their literal side. Tolerances: figures
/// are published to one decimal of a percentage point, so a bare or bounded % target admits rounding (±0.05 point:
/// 7.96% meets 8%); "about" (左右) admits one published digit on the bad side (0.1 point for %, 1% of the figure for
/// other units: 7.4% meets 7.5%左右, as the 2015 report judged).
/// </summary>
public static class TargetSemantics
{
    private const double Epsilon = 1e-9;

    /// <summary>Which side meets the target and the threshold, tolerance included, in the indicator's unit.</summary>
    public static (TargetComparison Side, double Threshold, double Tolerance) Rule(ReportTarget target, Direction direction, bool percent)
    {
        ArgumentNullException.ThrowIfNull(target);
        double tolerance = target.Wording == TargetWording.About
            ? percent ? 0.1 : 0.01 * Math.Abs(target.Value)
            : percent ? 0.05 : 0;
        TargetComparison side = target.Wording switch
        {
            TargetWording.AtLeast => TargetComparison.AtLeast,
            TargetWording.AtMost => TargetComparison.AtMost,
            _ => direction == Direction.HigherIsBetter ? TargetComparison.AtLeast : TargetComparison.AtMost,
        };
        double bound = side == TargetComparison.AtMost && target.High is { } high ? high : target.Value;
        double threshold = side == TargetComparison.AtLeast ? bound - tolerance : bound + tolerance;
        return (side, threshold, tolerance);
    }

    /// <summary>Whether an outcome (in the indicator's unit) meets the target.</summary>
    public static bool IsMet(ReportTarget target, Indicator indicator, double outcome)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        (TargetComparison side, double threshold, _) = Rule(target, indicator.Direction, indicator.Unit.Symbol == "%");
        return side == TargetComparison.AtLeast ? outcome >= threshold - Epsilon : outcome <= threshold + Epsilon;
    }
}
