using System.Globalization;

namespace Zhibiao.Analytics;

/// <summary>A closed interval [Lower, Upper] of real numbers; either end may be infinite.</summary>
/// <param name="Lower">The lower end.</param>
/// <param name="Upper">The upper end.</param>
public readonly record struct Interval(double Lower, double Upper)
{
    /// <summary>The interval holding one point.</summary>
    public static Interval Point(double value) => new(value, value);

    /// <summary>Upper − Lower.</summary>
    public double Width => Upper - Lower;

    /// <summary>(Lower + Upper) / 2.</summary>
    public double Midpoint => (Lower + Upper) / 2;

    /// <summary>Whether the value lies inside, ends included.</summary>
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <summary>"[2.137, 2.148]" with the given number of significant digits.</summary>
    public string ToString(int significantDigits) => string.Create(CultureInfo.InvariantCulture,
        $"[{Lower.ToString("G" + significantDigits, CultureInfo.InvariantCulture)}, {Upper.ToString("G" + significantDigits, CultureInfo.InvariantCulture)}]");

    /// <summary>"[lower, upper]" with six significant digits.</summary>
    public override string ToString() => ToString(6);
}
