using System.Globalization;

namespace Zhibiao.Analytics;

/// <summary>
/// An amount in a unit, stored in the plain unit (3.2亿人次 is stored as 3.2e8 人次) and remembering how it was written:
/// the magnitude word and the number of decimals shown. The decimals give the rounding interval a reported figure
/// stands for (2.37亿吨 is any value in [2.365亿, 2.375亿]).
/// Combining quantities of different dimensions throws <see cref="IncompatibleUnitsException"/>; conversion within a
/// dimension is explicit (<see cref="ConvertTo"/>).
/// </summary>
public readonly struct Quantity : IEquatable<Quantity>
{
    private Quantity(double value, Unit unit, Magnitude magnitude, int? decimals, double halfWidth)
    {
        Value = value;
        Unit = unit;
        Magnitude = magnitude;
        Decimals = decimals;
        HalfWidth = halfWidth;
    }

    /// <summary>The amount in <see cref="Unit"/>, without magnitude (3.2亿人次 → 3.2e8).</summary>
    public double Value { get; }

    /// <summary>The plain unit.</summary>
    public Unit Unit { get; }

    /// <summary>The magnitude word it was written with (亿 for 3.2亿人次), or <see cref="Magnitude.One"/>.</summary>
    public Magnitude Magnitude { get; }

    /// <summary>Decimals written after the point (2 for 2.37亿吨); null when the value was not written but computed.</summary>
    public int? Decimals { get; }

    /// <summary>Half the width of the rounding interval, in <see cref="Unit"/>: 0.5 × 10^−decimals × magnitude; 0 when exact.</summary>
    public double HalfWidth { get; }

    /// <summary>The values the written figure may stand for: [Value − HalfWidth, Value + HalfWidth].</summary>
    public Interval RoundingInterval => new(Value - HalfWidth, Value + HalfWidth);

    /// <summary>The quantity as the written figure: the number before the magnitude word (3.2 for 3.2亿人次).</summary>
    public double Written => ScaleDown(Value, Magnitude.Factor);

    /// <summary>The unit with its written magnitude (亿人次).</summary>
    public ScaledUnit ScaledUnit => new(Magnitude, Unit);

    /// <summary>A computed amount in the plain unit; not rounded, so its rounding interval is a point.</summary>
    public static Quantity Of(double value, Unit unit) => new(RequireFinite(value), unit, Magnitude.One, null, 0);

    /// <summary>
    /// A reported figure: <paramref name="written"/> in <paramref name="unit"/> scaled by <paramref name="magnitude"/>,
    /// shown with <paramref name="decimals"/> decimals (by default as many as the number needs).
    /// </summary>
    public static Quantity Reported(double written, Magnitude magnitude, Unit unit, int? decimals = null)
    {
        RequireFinite(written);
        int d = decimals ?? DecimalsOf(written);
        if (d is < 0 or > 15) throw new ArgumentOutOfRangeException(nameof(decimals), decimals, "decimals must be between 0 and 15");
        double value = ScaleUp(written, magnitude.Factor);
        if (!double.IsFinite(value))
            throw new ArgumentOutOfRangeException(nameof(written), written, $"{written.ToString("G6", CultureInfo.InvariantCulture)}{new ScaledUnit(magnitude, unit)} is beyond the largest number a value can hold (about 1.8E+308 {unit})");
        return new Quantity(value, unit, magnitude, d, 0.5 * Math.Pow(10, -d) * magnitude.Factor);
    }

    /// <summary>A reported figure in a unit text with magnitude: Reported(3.2, "亿人次").</summary>
    /// <exception cref="UnknownUnitException">The unit text names no known unit.</exception>
    public static Quantity Reported(double written, string scaledUnit, int? decimals = null)
    {
        ScaledUnit su = Units.ParseScaled(scaledUnit);
        return Reported(written, su.Magnitude, su.Unit, decimals);
    }

    /// <summary>
    /// Parses a written figure and its unit together: "3.2亿人次", "4037 万千瓦", "2.37亿吨", "1.5 million kWh".
    /// The decimals written are kept.
    /// </summary>
    /// <exception cref="FormatException">No number at the start of the text.</exception>
    /// <exception cref="UnknownUnitException">The unit is not known.</exception>
    public static Quantity Parse(string text)
    {
        string t = text.Trim();
        int end = 0;
        while (end < t.Length && (char.IsAsciiDigit(t[end]) || t[end] is '.' or '-' or '+' or 'e' or 'E' or ','))
        {
            if (t[end] is 'e' or 'E' && !(end + 1 < t.Length && (char.IsAsciiDigit(t[end + 1]) || t[end + 1] is '-' or '+'))) break;
            end++;
        }

        return Parse(t[..end], t[end..]);
    }

    /// <summary>A figure from its number text ("2.37", which fixes the decimals) and its unit text ("亿吨").</summary>
    /// <exception cref="FormatException">The number text is not a finite number.</exception>
    /// <exception cref="UnknownUnitException">The unit is not known.</exception>
    public static Quantity Parse(string number, string scaledUnit)
    {
        string n = number.Trim().Replace(",", "", StringComparison.Ordinal);
        if (!double.TryParse(n, NumberStyles.Float, CultureInfo.InvariantCulture, out double written) || !double.IsFinite(written))
            throw new FormatException($"'{number}' is not a number");
        int e = n.IndexOfAny(['e', 'E']);
        string mantissa = e < 0 ? n : n[..e];
        int dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        int decimals = dot < 0 ? 0 : mantissa.Length - dot - 1;
        if (e >= 0)
        {
            // An exponent beyond long still gives a finite number (0E-99999999999999999999 is 0): decimals at the extremes.
            string exponent = n[(e + 1)..];
            long shift = long.TryParse(exponent, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long x) ? x : exponent.StartsWith('-') ? -1000 : 1000;
            decimals = (int)Math.Max(0, decimals - Math.Clamp(shift, -1000, 1000));
        }

        try
        {
            return Reported(written, scaledUnit, Math.Min(decimals, 15));
        }
        catch (ArgumentOutOfRangeException tooLarge)
        {
            throw new FormatException(tooLarge.Message.Split(" (Parameter", 2)[0], tooLarge);
        }
    }

    /// <summary>
    /// The same amount in another unit of the same dimension (466亿斤 → 2330万吨). The written magnitude is kept when
    /// the unit is unchanged; otherwise the natural one is used. The rounding interval is converted with it.
    /// </summary>
    /// <exception cref="IncompatibleUnitsException">The units measure different things.</exception>
    public Quantity ConvertTo(Unit target)
    {
        if (target == Unit) return this;
        double f = Unit.FactorTo(target);
        double value = Value * f;
        return new Quantity(value, target, Magnitude.Natural(value, Magnitude.IsEnglish), null, HalfWidth * Math.Abs(f));
    }

    /// <summary>The amount expressed in a magnitude of its unit: In(亿) of 3.2e8 人次 is 3.2.</summary>
    public double In(Magnitude magnitude) => ScaleDown(Value, magnitude.Factor);

    /// <summary>The same figure written with another magnitude (for display); value and interval are unchanged.</summary>
    public Quantity WithMagnitude(Magnitude magnitude) => new(Value, Unit, magnitude, null, HalfWidth);

    /// <summary>Sum in the unit of the left operand; the rounding half-widths add.</summary>
    /// <exception cref="IncompatibleUnitsException">The units measure different things.</exception>
    public static Quantity operator +(Quantity left, Quantity right)
    {
        Quantity r = right.ConvertTo(left.Unit);
        return new Quantity(left.Value + r.Value, left.Unit, left.Magnitude, null, left.HalfWidth + r.HalfWidth);
    }

    /// <summary>Difference in the unit of the left operand; the rounding half-widths add.</summary>
    /// <exception cref="IncompatibleUnitsException">The units measure different things.</exception>
    public static Quantity operator -(Quantity left, Quantity right)
    {
        Quantity r = right.ConvertTo(left.Unit);
        return new Quantity(left.Value - r.Value, left.Unit, left.Magnitude, null, left.HalfWidth + r.HalfWidth);
    }

    /// <summary>The quantity scaled by a pure number.</summary>
    public static Quantity operator *(Quantity quantity, double factor) =>
        new(RequireFinite(quantity.Value * factor), quantity.Unit, quantity.Magnitude, null, quantity.HalfWidth * Math.Abs(factor));

    /// <summary>The ratio of two quantities of one dimension, a pure number.</summary>
    /// <exception cref="IncompatibleUnitsException">The units measure different things.</exception>
    public static double operator /(Quantity left, Quantity right) => left.Value / right.ConvertTo(left.Unit).Value;

    /// <summary>Adds; see the + operator.</summary>
    public Quantity Add(Quantity other) => this + other;

    /// <summary>Subtracts; see the − operator.</summary>
    public Quantity Subtract(Quantity other) => this - other;

    /// <summary>Scales; see the * operator.</summary>
    public Quantity Multiply(double factor) => this * factor;

    /// <summary>Divides; see the / operator.</summary>
    public double Divide(Quantity other) => this / other;

    /// <summary>Exactly as written, for files: "3.2亿人次", "2.37亿吨", "1.5 million kWh".</summary>
    public string ToWrittenString() => Number(Written, Decimals) + Separator(Magnitude) + ScaledUnit.Unit.Symbol;

    /// <summary>The number as written, without unit: "3.2" for 3.2亿人次.</summary>
    public string WrittenNumber() => Number(Written, Decimals);

    /// <summary>For people: the value in its natural magnitude (3.2亿人次, 4037万千瓦, 1050斤/亩), up to 6 significant digits.</summary>
    public override string ToString()
    {
        Magnitude natural = Magnitude.Natural(Value, Magnitude.IsEnglish);
        if (natural == Magnitude && Decimals is not null) return ToWrittenString();
        return ToString(6);
    }

    /// <summary>The value in its natural magnitude rounded to <paramref name="significantDigits"/> digits (3.31亿人次 for 3).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 1 digit.</exception>
    public string ToString(int significantDigits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(significantDigits, 1);
        Magnitude natural = Magnitude.Natural(Value, Magnitude.IsEnglish);
        return Number(Round(In(natural), significantDigits), null) + Separator(natural) + Unit.Symbol;
    }

    /// <inheritdoc/>
    public bool Equals(Quantity other) =>
        Value.Equals(other.Value) && Unit == other.Unit && Magnitude == other.Magnitude &&
        Decimals == other.Decimals && HalfWidth.Equals(other.HalfWidth);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Quantity q && Equals(q);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Value, Unit, Magnitude, Decimals, HalfWidth);

    /// <summary>Equality of value, unit and written form.</summary>
    public static bool operator ==(Quantity left, Quantity right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Quantity left, Quantity right) => !left.Equals(right);

    /// <summary>written × factor, in decimal when it fits, so that 2.37 × 1e8 is 237000000 and not 236999999.99999997.</summary>
    private static double ScaleUp(double written, double factor) =>
        factor == 1 ? written : FitsDecimal(written) ? (double)((decimal)written * (decimal)factor) : written * factor;

    /// <summary>value ÷ factor, in decimal when it fits (237000000 ÷ 1e8 is 2.37).</summary>
    private static double ScaleDown(double value, double factor) =>
        factor == 1 ? value : FitsDecimal(value) ? (double)((decimal)value / (decimal)factor) : value / factor;

    private static bool FitsDecimal(double v) => Math.Abs(v) is > 1e-9 and < 1e15;

    private static string Number(double value, int? decimals) => decimals is { } d
        ? value.ToString("F" + d.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
        : value.ToString("R", CultureInfo.InvariantCulture);

    private static string Separator(Magnitude m) => m.IsEnglish ? " " + m.Symbol + " " : m.Symbol;

    /// <summary>
    /// The value rounded to <paramref name="significant"/> significant digits: to 10^−digits, digits = s − 1 −
    /// ⌊log10|v|⌋ (1234.5 → 1230 for 3); unrounded below 15 decimals, where rounding would show a non-zero value as 0.
    /// </summary>
    private static double Round(double value, int significant)
    {
        if (value == 0) return value;
        int digits = significant - 1 - (int)Math.Floor(Math.Log10(Math.Abs(value)));
        if (digits > 15) return value;
        if (digits >= 0) return Math.Round(value, digits);
        double unit = Math.Pow(10, -digits);
        return Math.Round(value / unit) * unit;
    }

    private static int DecimalsOf(double written)
    {
        string s = written.ToString("R", CultureInfo.InvariantCulture);
        if (s.Contains('E', StringComparison.Ordinal)) return 0;
        int dot = s.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? 0 : Math.Min(15, s.Length - dot - 1);
    }

    private static double RequireFinite(double value) =>
        double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "a quantity must be a finite number");
}
