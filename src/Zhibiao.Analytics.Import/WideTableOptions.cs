namespace Zhibiao.Analytics.Import;

/// <summary>Settings of <see cref="WideTable"/>; each one, when given, wins over what the table says.</summary>
public sealed record WideTableOptions
{
    /// <summary>The defaults: the first sheet, indicator and unit from the table.</summary>
    public static readonly WideTableOptions Default = new();

    /// <summary>The sheet of an XLSX workbook (default: the first); ignored for CSV.</summary>
    public string? Sheet { get; init; }

    /// <summary>
    /// The indicator id (e.g. <c>gdp</c>, <c>NY.GDP.MKTP.CD</c>); needed when the table has no indicator-code column
    /// ("Indicator Code", "Series Code") and no "Indicator:" line above the header.
    /// </summary>
    public string? Indicator { get; init; }

    /// <summary>The indicator's name (default: the table's "Indicator Name"/"Series Name"/指标 column, or the id).</summary>
    public string? Name { get; init; }

    /// <summary>
    /// The unit the values are written in, with its magnitude (亿元, 万人, %, "million kWh"); default: a Unit/单位
    /// column, a "Unit:"/单位： line above the header, or a unit in brackets at the end of the indicator's name
    /// (地区生产总值(亿元)).
    /// </summary>
    public string? Unit { get; init; }

    /// <summary>Which way is better (default: higher).</summary>
    public Direction? Direction { get; init; }

    /// <summary>The kind of quantity (default: a rate for values in %, otherwise a flow).</summary>
    public IndicatorKind? Kind { get; init; }
}
