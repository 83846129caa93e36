namespace Zhibiao.Analytics;

/// <summary>What a target is about.</summary>
public enum TargetKind
{
    /// <summary>A level by a deadline (接待游客3.2亿人次).</summary>
    Level,

    /// <summary>A growth rate in the deadline year (增长5%左右), judged on the year-on-year growth.</summary>
    Growth,

    /// <summary>A total summed over a plan period (累计 … over 2021-2025).</summary>
    Cumulative,

    /// <summary>A share or rate by a deadline, judged in percentage points.</summary>
    Share,
}

/// <summary>Which values meet a target.</summary>
public enum TargetComparison
{
    /// <summary>The value or more (力争 … , 以上, 不低于).</summary>
    AtLeast,

    /// <summary>The value or less (控制在 … 以内).</summary>
    AtMost,

    /// <summary>About the value (左右), within <see cref="Target.Tolerance"/>.</summary>
    About,
}

/// <summary>
/// A stated target: an indicator's level, growth, cumulative total or share by a deadline, which side of the value
/// meets it, and its source.
/// </summary>
/// <param name="IndicatorId">The indicator.</param>
/// <param name="Kind">Level, growth, cumulative or share.</param>
/// <param name="Deadline">The period by which it should be met (the plan's last year for cumulative targets).</param>
/// <param name="Value">The target figure as written (3.2亿人次; 5 % for a growth target).</param>
/// <param name="Comparison">At least, at most or about.</param>
/// <param name="Source">Where it was stated.</param>
public sealed record Target(string IndicatorId, TargetKind Kind, Period Deadline, Quantity Value, TargetComparison Comparison, Source Source)
{
    /// <summary>The plan period the target belongs to (2021-2025), if any; cumulative targets need one.</summary>
    public PlanPeriod? Plan { get; init; }

    /// <summary>
    /// For "about" targets, how far from the value still counts as met, in the target's unit; by default half the
    /// last written digit (增长5%左右: ±0.5 percentage points; 3.2亿: ±0.05亿).
    /// </summary>
    public double? Tolerance { get; init; }

    /// <summary>The tolerance in use: <see cref="Tolerance"/> or the default.</summary>
    public double EffectiveTolerance => Tolerance ?? Value.HalfWidth;

    /// <summary>Whether a value (in the target's unit) meets the target.</summary>
    public bool IsMetBy(double value) => Comparison switch
    {
        TargetComparison.AtLeast => value >= Value.Value,
        TargetComparison.AtMost => value <= Value.Value,
        _ => Math.Abs(value - Value.Value) <= EffectiveTolerance,
    };

    /// <summary>The token used in files: level, growth, cumulative, share.</summary>
    public static string ToToken(TargetKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>The token used in files: at_least, at_most, about.</summary>
    public static string ToToken(TargetComparison comparison) => comparison switch
    {
        TargetComparison.AtLeast => "at_least",
        TargetComparison.AtMost => "at_most",
        _ => "about",
    };

    /// <summary>Parses level, growth, cumulative or share.</summary>
    /// <exception cref="FormatException">None of them.</exception>
    public static TargetKind ParseKind(string token) => token.Trim() switch
    {
        "level" => TargetKind.Level,
        "growth" => TargetKind.Growth,
        "cumulative" => TargetKind.Cumulative,
        "share" => TargetKind.Share,
        _ => throw new FormatException($"unknown target kind '{token}' (known: level, growth, cumulative, share)"),
    };

    /// <summary>Parses at_least, at_most or about.</summary>
    /// <exception cref="FormatException">None of them.</exception>
    public static TargetComparison ParseComparison(string token) => token.Trim() switch
    {
        "at_least" => TargetComparison.AtLeast,
        "at_most" => TargetComparison.AtMost,
        "about" => TargetComparison.About,
        _ => throw new FormatException($"unknown target direction '{token}' (known: at_least, at_most, about)"),
    };

    /// <summary>"≥3.2亿人次 by 2025".</summary>
    public override string ToString()
    {
        string sign = Comparison switch { TargetComparison.AtLeast => "≥", TargetComparison.AtMost => "≤", _ => "≈" };
        string what = Kind == TargetKind.Growth ? "growth " : Kind == TargetKind.Cumulative ? "total " : "";
        string when = Plan is { } plan && Kind == TargetKind.Cumulative ? $"over {plan}" : $"by {Deadline}";
        return $"{what}{sign}{Value} {when}";
    }
}
