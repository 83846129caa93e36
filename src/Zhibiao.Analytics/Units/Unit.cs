namespace Zhibiao.Analytics;

/// <summary>
/// A unit of measure such as 吨, 亩, 千瓦 or 人次, without a magnitude word. Units of one <see cref="Dimension"/>
/// convert into each other through <see cref="Factor"/>, the size of one unit in the dimension's reference unit
/// (mass in 公斤: 斤 = 0.5, 吨 = 1000). Count units (人次, 列, 户 …) are each a dimension of their own, so adding
/// trains to households is an error.
/// </summary>
/// <param name="Symbol">The symbol used in files and display (吨, 千瓦时, %).</param>
/// <param name="Dimension">What the unit measures (mass, area, power, energy, currency …).</param>
/// <param name="Factor">One unit expressed in the dimension's reference unit.</param>
/// <param name="EnglishName">A short English name (tonne, kWh, person-time).</param>
public sealed record Unit(string Symbol, string Dimension, double Factor, string EnglishName)
{
    /// <summary>Whether values in the two units can be converted into each other.</summary>
    public bool IsCompatibleWith(Unit other) => string.Equals(Dimension, other.Dimension, StringComparison.Ordinal);

    /// <summary>Multiplier from this unit to <paramref name="target"/>: 1 斤 = 0.0005 吨.</summary>
    /// <exception cref="IncompatibleUnitsException">The units measure different things.</exception>
    public double FactorTo(Unit target)
    {
        if (!IsCompatibleWith(target))
            throw new IncompatibleUnitsException($"cannot convert {Symbol} ({Dimension}) to {target.Symbol} ({target.Dimension})");
        return ReferenceEquals(this, target) || this == target ? 1 : Factor / target.Factor;
    }

    /// <summary>The symbol.</summary>
    public override string ToString() => Symbol;
}

/// <summary>A unit together with the magnitude it is written with: 万千瓦, 亿人次, million kWh.</summary>
/// <param name="Magnitude">The magnitude word.</param>
/// <param name="Unit">The plain unit.</param>
public readonly record struct ScaledUnit(Magnitude Magnitude, Unit Unit)
{
    /// <summary>Parses 万千瓦, 亿斤, "million kWh" and plain units.</summary>
    /// <exception cref="UnknownUnitException">The text is not a known unit; the message lists the known units.</exception>
    public static ScaledUnit Parse(string text) => Units.ParseScaled(text);

    /// <summary>As written: 万千瓦, or "million kWh" for an English magnitude.</summary>
    public override string ToString() =>
        Magnitude.IsEnglish ? $"{Magnitude.Symbol} {Unit.Symbol}" : Magnitude.Symbol + Unit.Symbol;
}
