namespace Zhibiao.Analytics.Forecasting.Ets;

/// <summary>How the innovation enters an ETS model: added to the one-step forecast, or multiplying it.</summary>
internal enum EtsError
{
    /// <summary>A: y_t = μ_t + ε_t.</summary>
    Additive,

    /// <summary>M: y_t = μ_t (1 + ε_t); needs positive data.</summary>
    Multiplicative,
}

/// <summary>The trend component of an ETS model (damping is a separate flag).</summary>
internal enum EtsTrend
{
    /// <summary>N: no trend.</summary>
    None,

    /// <summary>A: additive trend, forecast ℓ + b (ℓ + φ_h b when damped).</summary>
    Additive,

    /// <summary>M: multiplicative trend, forecast ℓ b^h (ℓ b^(φ_h) when damped).</summary>
    Multiplicative,
}

/// <summary>The seasonal component of an ETS model.</summary>
internal enum EtsSeason
{
    /// <summary>N: no season.</summary>
    None,

    /// <summary>A: additive seasonal states, normalised to sum to 0.</summary>
    Additive,

    /// <summary>M: multiplicative seasonal states, normalised to sum to m.</summary>
    Multiplicative,
}

/// <summary>
/// One model of the ETS taxonomy of Hyndman, Koehler, Ord and Snyder (Forecasting with Exponential Smoothing: the
/// state space approach, Springer 2008, Table 2.2): error A/M, trend N/A/Ad/M/Md, season N/A/M.
/// </summary>
/// <param name="Error">The error type.</param>
/// <param name="Trend">The trend type.</param>
/// <param name="Damped">Whether the trend is damped by φ (only with a trend).</param>
/// <param name="Season">The season type.</param>
internal readonly record struct EtsModel(EtsError Error, EtsTrend Trend, bool Damped, EtsSeason Season)
{
    /// <summary>The name as R's forecast package prints it, e.g. "ETS(M,Ad,N)".</summary>
    public string Name => $"ETS({Letter(Error)},{TrendCode},{Letter(Season)})";

    /// <summary>The short code, e.g. "MAdN".</summary>
    public string Code => $"{Letter(Error)}{TrendCode}{Letter(Season)}";

    /// <summary>Whether the one-step forecast is linear in the states (no multiplicative trend or season), so that
    /// the fitted values of a given set of parameters are a linear function of the initial states.</summary>
    public bool IsLinear => Trend != EtsTrend.Multiplicative && Season != EtsSeason.Multiplicative;

    /// <summary>Whether the model has a trend component.</summary>
    public bool HasTrend => Trend != EtsTrend.None;

    /// <summary>Whether the model has a seasonal component.</summary>
    public bool HasSeason => Season != EtsSeason.None;

    /// <summary>Whether any component is multiplicative (such models need positive data).</summary>
    public bool IsMultiplicative => Error == EtsError.Multiplicative || Trend == EtsTrend.Multiplicative || Season == EtsSeason.Multiplicative;

    /// <summary>
    /// Whether the model is one whose forecast variance can be infinite and that R's ets() leaves out with
    /// restrict = TRUE: additive error with a multiplicative trend or season, and M error with M trend and A season.
    /// </summary>
    public bool IsRestricted =>
        (Error == EtsError.Additive && (Trend == EtsTrend.Multiplicative || Season == EtsSeason.Multiplicative))
        || (Error == EtsError.Multiplicative && Trend == EtsTrend.Multiplicative && Season == EtsSeason.Additive);

    /// <summary>The forecast-variance class of Hyndman et al. (2008, §6.1): 1 linear homoscedastic (A error, no
    /// multiplicative component), 2 M error with additive trend and season, 3 M error with M season and no M
    /// trend; 0 for the others (no closed form: intervals are simulated).</summary>
    public int VarianceClass =>
        Trend == EtsTrend.Multiplicative ? 0
        : Error == EtsError.Additive ? (Season == EtsSeason.Multiplicative ? 0 : 1)
        : Season == EtsSeason.Multiplicative ? 3 : 2;

    private string TrendCode => Letter(Trend) + (Damped && HasTrend ? "d" : "");

    /// <summary>Parses a model code such as "ANN", "MAdN", "AAdA" or "ETS(M,Ad,N)".</summary>
    /// <exception cref="ArgumentException">Not a complete model code (use <see cref="EtsSpec"/> for codes with Z).</exception>
    public static EtsModel Parse(string code)
    {
        EtsSpec spec = EtsSpec.Parse(code);
        if (spec.Error is not { } e || spec.Trend is not { } t || spec.Season is not { } s || spec.Damped is not { } d)
            throw new ArgumentException($"'{code}' is not a complete ETS model (Z is for automatic selection)", nameof(code));
        return new EtsModel(e, t, d, s);
    }

    /// <inheritdoc/>
    public override string ToString() => Name;

    internal static string Letter(EtsError e) => e == EtsError.Additive ? "A" : "M";

    internal static string Letter(EtsTrend t) => t switch { EtsTrend.None => "N", EtsTrend.Additive => "A", _ => "M" };

    internal static string Letter(EtsSeason s) => s switch { EtsSeason.None => "N", EtsSeason.Additive => "A", _ => "M" };
}

/// <summary>
/// A model specification that may leave components to automatic selection (null = "Z"): the letters error (A, M, Z),
/// trend (N, A, Ad, M, Md, Z) and season (N, A, M, Z), as in R's ets(model = "ZZZ"), with the damping written in the
/// trend ("Ad") rather than as a separate argument.
/// </summary>
/// <param name="Error">The error type, or null to choose.</param>
/// <param name="Trend">The trend type, or null to choose.</param>
/// <param name="Damped">Whether the trend is damped, or null to choose (always set when the trend letter is given).</param>
/// <param name="Season">The season type, or null to choose.</param>
internal readonly record struct EtsSpec(EtsError? Error, EtsTrend? Trend, bool? Damped, EtsSeason? Season)
{
    /// <summary>Everything automatic: "ZZZ".</summary>
    public static readonly EtsSpec Automatic = new(null, null, null, null);

    /// <summary>Parses "ZZZ", "AAN", "MAdN", "ZZN", "AAdA" … or "ETS(M,Ad,N)" (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Not a model code.</exception>
    public static EtsSpec Parse(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        string c = code.Trim().ToUpperInvariant();
        if (c.StartsWith("ETS(", StringComparison.Ordinal) && c.EndsWith(')')) c = c[4..^1].Replace(",", "", StringComparison.Ordinal);
        bool damped = c.Length == 4 && c[2] == 'D';
        if (c.Length != (damped ? 4 : 3))
            throw new ArgumentException($"'{code}' is not an ETS model code: expected error, trend and season letters such as ZZZ, AAN or MAdN", nameof(code));
        EtsError? error = c[0] switch
        {
            'A' => EtsError.Additive,
            'M' => EtsError.Multiplicative,
            'Z' => null,
            _ => throw Bad(code, "error", c[0], "A, M or Z"),
        };
        EtsTrend? trend = c[1] switch
        {
            'N' when !damped => EtsTrend.None,
            'A' => EtsTrend.Additive,
            'M' => EtsTrend.Multiplicative,
            'Z' when !damped => null,
            _ => throw Bad(code, "trend", c[1], "N, A, Ad, M, Md or Z"),
        };
        EtsSeason? season = c[^1] switch
        {
            'N' => EtsSeason.None,
            'A' => EtsSeason.Additive,
            'M' => EtsSeason.Multiplicative,
            'Z' => null,
            _ => throw Bad(code, "season", c[^1], "N, A, M or Z"),
        };
        bool? isDamped = trend switch { null => null, EtsTrend.None => false, _ => damped };
        return new EtsSpec(error, trend, isDamped, season);
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        string e = Error is { } x ? EtsModel.Letter(x) : "Z";
        string t = Trend is { } y ? EtsModel.Letter(y) + (Damped == true && y != EtsTrend.None ? "d" : "") : "Z";
        string s = Season is { } z ? EtsModel.Letter(z) : "Z";
        return e + t + s;
    }

    private static ArgumentException Bad(string code, string part, char letter, string allowed) =>
        new($"'{code}' is not an ETS model code: the {part} letter '{letter}' must be {allowed}", nameof(code));
}
