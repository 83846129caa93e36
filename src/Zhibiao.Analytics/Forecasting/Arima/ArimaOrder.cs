using System.Globalization;

namespace Zhibiao.Analytics.Forecasting.Arima;

/// <summary>
/// The orders of a seasonal ARIMA(p,d,q)(P,D,Q)m model (Box and Jenkins; Hyndman and Athanasopoulos, FPP3 §9.9):
/// φ(B)Φ(Bᵐ)(1 − B)ᵈ(1 − Bᵐ)ᴰ yₜ = θ(B)Θ(Bᵐ)εₜ, with φ of degree p, θ of degree q, Φ of degree P and Θ of degree Q.
/// </summary>
/// <param name="P">Non-seasonal autoregressive order p.</param>
/// <param name="D">Non-seasonal differences d.</param>
/// <param name="Q">Non-seasonal moving-average order q.</param>
/// <param name="SeasonalP">Seasonal autoregressive order P.</param>
/// <param name="SeasonalD">Seasonal differences D.</param>
/// <param name="SeasonalQ">Seasonal moving-average order Q.</param>
/// <param name="SeasonLength">Season length m (1 when the model has no seasonal part).</param>
public readonly record struct ArimaOrder(int P, int D, int Q, int SeasonalP = 0, int SeasonalD = 0, int SeasonalQ = 0, int SeasonLength = 1)
{
    /// <summary>A non-seasonal ARIMA(p,d,q).</summary>
    public static ArimaOrder NonSeasonal(int p, int d, int q) => new(p, d, q);

    /// <summary>Whether the model has a seasonal part (P, D or Q above 0 with m above 1).</summary>
    public bool IsSeasonal => SeasonLength > 1 && (SeasonalP > 0 || SeasonalD > 0 || SeasonalQ > 0);

    /// <summary>Degree of the expanded autoregressive polynomial φ(B)Φ(Bᵐ): p + P·m.</summary>
    public int ExpandedAr => P + (SeasonalP * SeasonLength);

    /// <summary>Degree of the expanded moving-average polynomial θ(B)Θ(Bᵐ): q + Q·m.</summary>
    public int ExpandedMa => Q + (SeasonalQ * SeasonLength);

    /// <summary>Observations lost to differencing: d + D·m.</summary>
    public int Differencing => D + (SeasonalD * SeasonLength);

    /// <summary>Number of ARMA coefficients p + q + P + Q.</summary>
    public int Coefficients => P + Q + SeasonalP + SeasonalQ;

    /// <summary>Checks the orders are non-negative, m is at least 1 and the seasonal orders are 0 when m is 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An order is negative or a seasonal order is given without a season.</exception>
    public void Validate()
    {
        if (P < 0 || D < 0 || Q < 0 || SeasonalP < 0 || SeasonalD < 0 || SeasonalQ < 0)
            throw new ArgumentOutOfRangeException(nameof(P), ToString(), "ARIMA orders must be non-negative");
        if (SeasonLength < 1) throw new ArgumentOutOfRangeException(nameof(SeasonLength), SeasonLength, "the season length must be at least 1");
        if (SeasonLength == 1 && (SeasonalP > 0 || SeasonalD > 0 || SeasonalQ > 0))
            throw new ArgumentOutOfRangeException(nameof(SeasonLength), ToString(), "seasonal orders need a season length above 1");
    }

    /// <summary>The order as written by R's forecast package: ARIMA(p,d,q) or ARIMA(p,d,q)(P,D,Q)[m].</summary>
    public override string ToString() => IsSeasonal
        ? string.Create(CultureInfo.InvariantCulture, $"ARIMA({P},{D},{Q})({SeasonalP},{SeasonalD},{SeasonalQ})[{SeasonLength}]")
        : string.Create(CultureInfo.InvariantCulture, $"ARIMA({P},{D},{Q})");
}
