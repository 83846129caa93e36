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
    /// <summary>The value or more, less the tolerance (力争 … , 以上, 不低于; a floor).</summary>
    AtLeast,

    /// <summary>The value or less, plus the tolerance (控制在 … 以内; a ceiling).</summary>
    AtMost,

    /// <summary>Within <see cref="Target.Tolerance"/> of the value on either side (a band).</summary>
    About,
}

/// <summary>How a target is worded in its source.</summary>
public enum TargetWording
{
    /// <summary>A bare figure (增长7.5%, 控制在4.6%, 城镇新增就业900万人).</summary>
    Exact,

    /// <summary>About the figure (左右, 近, 约).</summary>
    About,

    /// <summary>The figure or more (以上, 不低于, 超过).</summary>
    AtLeast,

    /// <summary>The figure or less (以内, 低于, 以下, 不超过).</summary>
    AtMost,

    /// <summary>Between two figures (6.5%－7%, 5%—5.5%, 5%至6%); <see cref="Target.High"/> holds the upper one.</summary>
    Range,
}

/// <summary>
/// A stated target: an indicator's level, growth, cumulative total or share by a deadline, how it is worded, which
/// side of the figure meets it, and its source. Whether an outcome meets it is decided by one rule,
/// <see cref="Rule"/>; targets read from text get their side and tolerance from one policy, <see cref="FromWording"/>.
/// </summary>
/// <param name="IndicatorId">The indicator.</param>
/// <param name="Kind">Level, growth, cumulative or share.</param>
/// <param name="Deadline">The period by which it should be met (the plan's last year for cumulative targets).</param>
/// <param name="Value">The target figure as written (3.2亿人次; 5 % for a growth target); the lower bound of a range.</param>
/// <param name="Comparison">At least, at most or about.</param>
/// <param name="Source">Where it was stated.</param>
public sealed record Target(string IndicatorId, TargetKind Kind, Period Deadline, Quantity Value, TargetComparison Comparison, Source Source)
{
    private readonly TargetWording? _wording;
    private readonly double? _tolerance;

    /// <summary>The plan period the target belongs to (2021-2025), if any; cumulative targets need one.</summary>
    public PlanPeriod? Plan { get; init; }

    /// <summary>
    /// How far beyond the figure still counts as met, in the target's written unit (0.1 for 增长5%左右, 0.5 for
    /// 0.5亿人次 beside a 3.2亿人次 target); on the bad side of a floor or ceiling, on both sides of a band. Null
    /// takes the default: half the last written digit for a band (3.2亿: ±0.05亿), none for a floor or ceiling.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative or not finite.</exception>
    public double? Tolerance
    {
        get => _tolerance;
        init => _tolerance = value is not { } v || (double.IsFinite(v) && v >= 0) ? value
            : throw new ArgumentOutOfRangeException(nameof(Tolerance), value, "a tolerance is a finite number of at least 0");
    }

    /// <summary>How the target is worded; by default the wording its comparison says (<see cref="WordingOf(TargetComparison)"/>).</summary>
    public TargetWording Wording
    {
        get => _wording ?? WordingOf(Comparison);
        init => _wording = value == WordingOf(Comparison) ? null : value;
    }

    /// <summary>The upper bound of a range (5%–5.5%: 5.5%), in a unit of the target's dimension; null otherwise.</summary>
    public Quantity? High { get; init; }

    /// <summary>Whether the source states it among its main targets (主要预期目标).</summary>
    public bool IsMain { get; init; }

    /// <summary>
    /// The one rule deciding met / not met, for this target of an indicator: the side, the bound that side uses (the
    /// upper bound of a range for a ceiling, else <see cref="Value"/>) and the tolerance, in the unit of the judged
    /// quantity — the indicator's unit, or a fraction for a growth target (5 % → 0.05).
    /// </summary>
    /// <exception cref="IncompatibleUnitsException">The target's unit does not fit the indicator (a growth target not in %).</exception>
    public TargetRule Rule(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        Quantity bound = Comparison == TargetComparison.AtMost && High is { } high ? high : Value;
        double Judged(Quantity q) => Kind == TargetKind.Growth
            ? q.Unit == Units.Percent ? q.Value / 100 : throw new IncompatibleUnitsException($"{indicator.Id}: a growth target is in %, not {q.Unit}")
            : q.Unit.IsCompatibleWith(indicator.Unit) ? q.ConvertTo(indicator.Unit).Value
            : throw new IncompatibleUnitsException($"{indicator.Id}: target unit {q.Unit} ({q.Unit.Dimension}) does not fit the indicator's unit {indicator.Unit} ({indicator.Unit.Dimension})");
        double tolerance = Tolerance is { } t
            ? Judged(Quantity.Of(t * Value.Magnitude.Factor, Value.Unit))
            : Comparison == TargetComparison.About ? Judged(Quantity.Of(Value.HalfWidth, Value.Unit)) : 0;
        return new TargetRule(Comparison, Judged(bound), Math.Abs(tolerance));
    }

    /// <summary>
    /// The one wording-and-direction policy, for every reader of stated targets: a floor when more is better and a
    /// ceiling when less is better (增长8%左右 is met by 11.4%; 涨幅3%左右 by 0.2%), 以上 / 以内 keep their literal side,
    /// a range is met at its lower bound (more is better) or its upper bound (less is better). Tolerance: figures are
    /// published to one decimal of a percentage point, so a % target admits rounding (±0.05 point: 7.96% meets 8%),
    /// and 左右 / 近 admit one published digit on the bad side (0.1 point for %, 1% of the figure for other units:
    /// 7.4% meets 7.5%左右, as the 2015 national report judged it). Source: the national reports' own verdicts on
    /// their targets (README, "Target semantics").
    /// </summary>
    /// <returns>The side and the tolerance in the figure's written unit (null when none).</returns>
    public static (TargetComparison Side, double? Tolerance) FromWording(TargetWording wording, Direction direction, Quantity figure)
    {
        bool percent = figure.Unit == Units.Percent;
        TargetComparison side = wording switch
        {
            TargetWording.AtLeast => TargetComparison.AtLeast,
            TargetWording.AtMost => TargetComparison.AtMost,
            _ => direction == Direction.HigherIsBetter ? TargetComparison.AtLeast : TargetComparison.AtMost,
        };
        double tolerance = wording == TargetWording.About
            ? percent ? 0.1 : (double)(0.01m * (decimal)Math.Abs(figure.Written))
            : percent ? 0.05 : 0;
        return (side, tolerance > 0 ? tolerance : null);
    }

    /// <summary>The wording a report qualifier expresses: 以上 / 突破 at least, 以内 at most, 左右 / 近 about, else exact.</summary>
    public static TargetWording WordingOf(Qualifier qualifier) => qualifier switch
    {
        Qualifier.AtLeast or Qualifier.MoreThan => TargetWording.AtLeast,
        Qualifier.AtMost => TargetWording.AtMost,
        Qualifier.Approx or Qualifier.Nearly => TargetWording.About,
        _ => TargetWording.Exact,
    };

    /// <summary>The wording a comparison states by itself: at least, at most, about.</summary>
    public static TargetWording WordingOf(TargetComparison comparison) => comparison switch
    {
        TargetComparison.AtLeast => TargetWording.AtLeast,
        TargetComparison.AtMost => TargetWording.AtMost,
        _ => TargetWording.About,
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

    /// <summary>The token used in files: exact, about, at_least, at_most, range.</summary>
    public static string ToToken(TargetWording wording) => wording switch
    {
        TargetWording.About => "about",
        TargetWording.AtLeast => "at_least",
        TargetWording.AtMost => "at_most",
        TargetWording.Range => "range",
        _ => "exact",
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

    /// <summary>Parses exact, about, at_least, at_most or range.</summary>
    /// <exception cref="FormatException">None of them.</exception>
    public static TargetWording ParseWording(string token) => token.Trim() switch
    {
        "exact" => TargetWording.Exact,
        "about" => TargetWording.About,
        "at_least" => TargetWording.AtLeast,
        "at_most" => TargetWording.AtMost,
        "range" => TargetWording.Range,
        _ => throw new FormatException($"unknown target wording '{token}' (known: exact, about, at_least, at_most, range)"),
    };

    /// <summary>The figure as written with its unit: 3.2亿人次, or 6.5–7% for a range.</summary>
    public string Written => High is { } h ? $"{Value.WrittenNumber()}–{h.ToWrittenString()}" : Value.ToWrittenString();

    /// <summary>"≥3.2亿人次 by 2025".</summary>
    public override string ToString()
    {
        string sign = Comparison switch { TargetComparison.AtLeast => "≥", TargetComparison.AtMost => "≤", _ => "≈" };
        string what = Kind == TargetKind.Growth ? "growth " : Kind == TargetKind.Cumulative ? "total " : "";
        string when = Plan is { } plan && Kind == TargetKind.Cumulative ? $"over {plan}" : $"by {Deadline}";
        Quantity shown = Comparison == TargetComparison.AtMost && High is { } high ? high : Value;
        return $"{what}{sign}{shown} {when}";
    }
}
