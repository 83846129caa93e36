using MathNet.Numerics.Distributions;

namespace Zhibiao.Analytics.Probability;

/// <summary>
/// Settings of <see cref="MarginModel"/>. The defaults are a priori (not fitted): they are used until a record holds
/// enough earlier outcomes to average over <see cref="MarginModel.Grid"/> walk-forward (<see cref="Hindcast"/>).
/// </summary>
public sealed record MarginModelOptions
{
    /// <summary>The defaults: strength 4, half-life 8 years.</summary>
    public static readonly MarginModelOptions Default = new();

    /// <summary>
    /// κ, how many targets' worth the pooled record counts for against an indicator's own (default 4): an indicator's
    /// mean margin and spread start from the record's and move toward its own as its targets accumulate.
    /// </summary>
    public double Strength { get; init; } = 4;

    /// <summary>
    /// Recency: a target's outcome counts 2^(−age / half-life), age in years before the newest outcome known (default 8,
    /// about two five-year plans); infinity weighs all years alike.
    /// </summary>
    public double HalfLife { get; init; } = 8;

    /// <summary>
    /// Extra spread, in standardised margin units, between a record's government and another that has no record of its
    /// own (a province judged by the national record, a city by its province's): default 0.5 (a priori).
    /// </summary>
    public double BetweenGovernments { get; init; } = 0.5;

    /// <summary>"κ 4, half-life 8".</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"κ {Strength:0.##}, half-life {(double.IsPositiveInfinity(HalfLife) ? "∞" : HalfLife.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture))}");
}

/// <summary>
/// How real targets turn out: the distribution of the standardised margin z (outcome against the target, positive when
/// met, over the indicator's year-to-year scale: <see cref="MarginScale"/>) of the setter's earlier targets, with
/// recency weights w = 2^(−age/h), age in years before the newest known outcome, and partial pooling across indicators
/// (the normal hierarchical model: margins z ~ N(μ_k, σ²) about their indicator's mean, means μ_k ~ N(m, σ²/κ)):
/// m the record's weighted mean margin; σ² the spread of margins about their own indicator's weighted mean, pooled over
/// indicators, σ² = (2 + Σ_k Σ w·(z − z̄_k)²) / (2 + Σ_k (n_k − Σw²/n_k)) (a prior of one unit worth two targets);
/// an indicator's mean μ_k = (κ·m + Σw·z) / (κ + n_k), n_k = Σw over its own targets. A new target of the indicator is
/// met with P = T_ν(μ_k / (σ·√(1 + 1/(κ + n_k)))), Student's t with ν = n_eff − 1 degrees of freedom (between 1 and
/// <see cref="MaxDegreesOfFreedom"/>), n_eff the record's effective size (Σw)² / Σw². A target's own wording counts through its threshold: 左右 moves it by the
/// tolerance, a range is judged at the bound its direction names. A government without a record of its own takes
/// the record's and <see cref="MarginModelOptions.BetweenGovernments"/> more spread. A target known only by the next
/// report's verdict (<see cref="RecordedTarget.Stated"/>; a missed target is more often named than quantified, so
/// leaving these out would overstate the setter's record) has a margin known only by its sign: it counts at its
/// expectation under the model fitted on the known margins, cut at zero, μ ∓ s·φ(μ/s)/Φ(∓μ/s) with s the predictive spread.
/// </summary>
internal static class MarginModel
{
    /// <summary>The candidates a hindcast chooses among: κ ∈ {1, 4, 16} × half-life ∈ {4, 8, 16, ∞} years.</summary>
    public static IReadOnlyList<MarginModelOptions> Grid { get; } =
        [.. ((double[])[1, 4, 16]).SelectMany(k => ((double[])[4, 8, 16, double.PositiveInfinity]).Select(h => new MarginModelOptions { Strength = k, HalfLife = h }))];

    /// <summary>
    /// P(met) of a target of <paramref name="indicatorId"/> set in <paramref name="year"/> by <paramref name="government"/>,
    /// from the record (only its targets known by then count); null when the record has none.
    /// </summary>
    public static TargetChance? Assess(string indicatorId, int year, string government, TargetRecord record, MarginModelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        options ??= MarginModelOptions.Default;
        var rows = record.KnownBy(year).Targets;
        if (rows.Count == 0) return null;
        int newest = rows.Max(r => r.Year);
        double Weight(RecordedTarget r) => RecencyWeight(newest - r.Year, options.HalfLife);

        // A target known only by a verdict has a margin known only by its sign: it counts at its expectation under the
        // model fitted on the margins that are known, cut at zero (one imputation step).
        Fit known = Fit.Of(rows.Where(r => r.Margin is not null), r => r.Margin!.Value, Weight, options.Strength);
        Fit fit = rows.All(r => r.Margin is not null) ? known : Fit.Of(rows, r => r.Margin ?? known.Censored(r.Indicator.Id, r.Met), Weight, options.Strength);
        (double mu, double spread2) = fit.Predictive(indicatorId);
        (double sw, double sw2, _) = Sums(rows, Weight, _ => 0);
        bool stranger = !rows.Any(r => r.Government == government);
        if (stranger) spread2 += Sq(options.BetweenGovernments);
        double dof = Math.Clamp((sw * sw / sw2) - 1, 1, MaxDegreesOfFreedom);
        double p = StudentT.CDF(0, 1, dof, mu / Math.Sqrt(spread2));
        int own = rows.Count(r => r.Indicator.Id == indicatorId);
        string method = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"track record ({record.Name}: {rows.Count} targets known by {year}, {rows.Count(r => r.Met)} met{(rows.Any(r => r.Outcome is null) ? $", {rows.Count(r => r.Outcome is null)} known by a verdict only" : "")}; {own} of {indicatorId}; {options}): mean margin {mu:0.00} ± {Math.Sqrt(spread2):0.00} scale units{(stranger ? ", another government's record" : "")}");
        return new TargetChance(p, method) { Source = TargetChanceSource.Record };
    }

    /// <summary>
    /// The predictive distribution's degrees of freedom are at most 5: targets' outcomes have rare large misses (a shock
    /// in the target year), so its tails stay heavy however long the record (a priori).
    /// </summary>
    public const double MaxDegreesOfFreedom = 5;

    /// <summary>
    /// The record's mean margin before any outcome: 1 scale unit (with the prior spread of 1, P(met) ≈ 0.8: governments
    /// meet most of their targets, not all; for scale, about 80% of the provinces that had published their 2021 GDP
    /// growth by January 2022 had met their target), worth <see cref="PriorTargets"/> targets (a priori).
    /// </summary>
    internal const double PriorMargin = 1;

    /// <summary>How many targets' worth the prior mean margin counts for: 2 (a priori, as the prior spread).</summary>
    internal const double PriorTargets = 2;

    private static double RecencyWeight(int age, double halfLife) => double.IsPositiveInfinity(halfLife) ? 1 : Math.Pow(2, -age / halfLife);

    /// <summary>Σw, Σw² and Σw·z of some recorded targets' standardised margins z.</summary>
    private static (double W, double W2, double WZ) Sums(IEnumerable<RecordedTarget> rows, Func<RecordedTarget, double> weight, Func<RecordedTarget, double> margin)
    {
        double w = 0, w2 = 0, wz = 0;
        foreach (RecordedTarget r in rows)
        {
            double x = weight(r);
            w += x;
            w2 += x * x;
            wz += x * margin(r);
        }

        return (w, w2, wz);
    }

    /// <summary>The normal hierarchical model fitted on some margins: the record's mean m, the pooled within-indicator σ², each indicator's Σw and Σw·z, and κ.</summary>
    private sealed record Fit(double Mean, double Sigma2, Dictionary<string, (double N, double NZ)> Indicators, double Strength)
    {
        public static Fit Of(IEnumerable<RecordedTarget> rows, Func<RecordedTarget, double> margin, Func<RecordedTarget, double> weight, double strength)
        {
            (double sw, _, double swz) = Sums(rows, weight, margin);

            // σ²: the spread of margins about their own indicator's mean, pooled over indicators (a prior of one unit
            // worth two targets); n_k and Σw·z of each indicator on the way.
            double within = 2.0, dfWithin = 2.0;
            var byIndicator = new Dictionary<string, (double, double)>(StringComparer.Ordinal);
            foreach (var group in rows.GroupBy(r => r.Indicator.Id))
            {
                (double n, double n2, double nz) = Sums(group, weight, margin);
                double z = nz / n;
                foreach (RecordedTarget r in group) within += weight(r) * Sq(margin(r) - z);
                dfWithin += n - (n2 / n);
                byIndicator[group.Key] = (n, nz);
            }

            return new Fit(((PriorTargets * PriorMargin) + swz) / (PriorTargets + sw), within / dfWithin, byIndicator, strength);
        }

        /// <summary>An indicator's mean μ_k = (κ·m + Σw·z) / (κ + n_k) and the predictive variance σ²·(1 + 1/(κ + n_k)) of a new target's margin.</summary>
        public (double Mean, double Variance) Predictive(string indicatorId)
        {
            (double nk, double zk) = Indicators.GetValueOrDefault(indicatorId);
            return (((Strength * Mean) + zk) / (Strength + nk), Sigma2 * (1 + (1 / (Strength + nk))));
        }

        /// <summary>E[z | z ≥ 0] for a target stated met, E[z | z &lt; 0] for one stated missed, z ~ N(μ_k, predictive variance).</summary>
        public double Censored(string indicatorId, bool met)
        {
            (double mu, double variance) = Predictive(indicatorId);
            double s = Math.Sqrt(variance), a = mu / s;
            double density = Normal.PDF(0, 1, a);
            return met ? mu + (s * density / Math.Max(Normal.CDF(0, 1, a), 1e-12)) : mu - (s * density / Math.Max(Normal.CDF(0, 1, -a), 1e-12));
        }
    }

    private static double Sq(double x) => x * x;
}
