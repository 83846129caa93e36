namespace Zhibiao.Analytics;

/// <summary>Which way an indicator should move.</summary>
public enum Direction
{
    /// <summary>More is better (output, arrivals).</summary>
    HigherIsBetter,

    /// <summary>Less is better (energy intensity, unemployment).</summary>
    LowerIsBetter,
}

/// <summary>What sort of quantity an indicator is; rates and shares change in percentage points.</summary>
public enum IndicatorKind
{
    /// <summary>A stock at a point in time (installed capacity, market entities).</summary>
    Level,

    /// <summary>An amount over the period (output, arrivals, investment).</summary>
    Flow,

    /// <summary>A rate (placement rate, satisfaction); changes are in percentage points.</summary>
    Rate,

    /// <summary>A share of a whole (new energy's share of capacity); changes are in percentage points.</summary>
    Share,
}

/// <summary>
/// An indicator: what is measured, in which unit, how often, and which way is better.
/// </summary>
/// <param name="Id">A stable identifier (tourist_arrivals).</param>
/// <param name="NameZh">The Chinese name (接待游客).</param>
/// <param name="NameEn">The English name (tourist arrivals).</param>
/// <param name="Unit">The plain unit values are held in (人次); figures in other units of its dimension are converted.</param>
/// <param name="Frequency">How often it is observed.</param>
/// <param name="Direction">Which way is better.</param>
/// <param name="Kind">Level, flow, rate or share.</param>
public sealed record Indicator(string Id, string NameZh, string NameEn, Unit Unit, Frequency Frequency, Direction Direction, IndicatorKind Kind)
{
    /// <summary>Whether changes are in percentage points (rates and shares) rather than percent.</summary>
    public bool ChangesInPoints => Kind is IndicatorKind.Rate or IndicatorKind.Share;

    /// <summary>The token used in files: higher or lower.</summary>
    public static string ToToken(Direction direction) => direction == Direction.LowerIsBetter ? "lower" : "higher";

    /// <summary>The token used in files: level, flow, rate or share.</summary>
    public static string ToToken(IndicatorKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>Parses higher or lower.</summary>
    /// <exception cref="FormatException">Neither.</exception>
    public static Direction ParseDirection(string token) => token.Trim() switch
    {
        "higher" => Direction.HigherIsBetter,
        "lower" => Direction.LowerIsBetter,
        _ => throw new FormatException($"unknown direction '{token}' (known: higher, lower)"),
    };

    /// <summary>Parses level, flow, rate or share.</summary>
    /// <exception cref="FormatException">None of them.</exception>
    public static IndicatorKind ParseKind(string token) => token.Trim() switch
    {
        "level" => IndicatorKind.Level,
        "flow" => IndicatorKind.Flow,
        "rate" => IndicatorKind.Rate,
        "share" => IndicatorKind.Share,
        _ => throw new FormatException($"unknown indicator kind '{token}' (known: level, flow, rate, share)"),
    };

    /// <summary>"tourist_arrivals (接待游客)".</summary>
    public override string ToString() => $"{Id} ({NameZh})";
}
