namespace Zhibiao.Analytics.Probability;

/// <summary>
/// The calibrated likelihood language of the IPCC (Mastrandrea et al., Guidance Note for Lead Authors of the IPCC
/// Fifth Assessment Report on Consistent Treatment of Uncertainties, 2010).
/// </summary>
public enum Likelihood
{
    /// <summary>0–1%.</summary>
    ExceptionallyUnlikely,

    /// <summary>0–10%.</summary>
    VeryUnlikely,

    /// <summary>0–33%.</summary>
    Unlikely,

    /// <summary>33–66%.</summary>
    AboutAsLikelyAsNot,

    /// <summary>66–100%.</summary>
    Likely,

    /// <summary>90–100%.</summary>
    VeryLikely,

    /// <summary>99–100%.</summary>
    VirtuallyCertain,
}

/// <summary>Turns a probability into the IPCC likelihood words.</summary>
public static class LikelihoodScale
{
    /// <summary>
    /// The narrowest IPCC category holding p: ≥ 0.99 virtually certain, ≥ 0.90 very likely, ≥ 0.66 likely, &gt; 0.33
    /// about as likely as not, &gt; 0.10 unlikely, &gt; 0.01 very unlikely, else exceptionally unlikely.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">p is not a probability.</exception>
    public static Likelihood Of(double p)
    {
        if (!(p >= 0 && p <= 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "a probability lies in [0, 1]");
        return p >= 0.99 ? Likelihood.VirtuallyCertain
            : p >= 0.90 ? Likelihood.VeryLikely
            : p >= 0.66 ? Likelihood.Likely
            : p > 0.33 ? Likelihood.AboutAsLikelyAsNot
            : p > 0.10 ? Likelihood.Unlikely
            : p > 0.01 ? Likelihood.VeryUnlikely
            : Likelihood.ExceptionallyUnlikely;
    }

    /// <summary>"very likely", "about as likely as not" …</summary>
    public static string ToWords(this Likelihood likelihood) => likelihood switch
    {
        Likelihood.VirtuallyCertain => "virtually certain",
        Likelihood.VeryLikely => "very likely",
        Likelihood.Likely => "likely",
        Likelihood.AboutAsLikelyAsNot => "about as likely as not",
        Likelihood.Unlikely => "unlikely",
        Likelihood.VeryUnlikely => "very unlikely",
        _ => "exceptionally unlikely",
    };
}
