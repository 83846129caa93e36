namespace Zhibiao.Analytics.Forecasting.Ensemble;

/// <summary>How member forecasts are combined.</summary>
internal enum CombinationRule
{
    /// <summary>The mean of the members' point forecasts.</summary>
    Mean,

    /// <summary>The median of the members' point forecasts (robust to one member going astray).</summary>
    Median,
}

/// <summary>Settings of <see cref="AutoForecaster"/>.</summary>
public sealed record AutoOptions
{
    /// <summary>The defaults: members ets, theta, dotm, drift, arima and snaive (plus the global model when Zhibiao.Analytics.ML registers it).</summary>
    public static AutoOptions Default => new();

    /// <summary>The candidate members.</summary>
    public IReadOnlyList<IForecaster> Members { get; init; } = DefaultMembers();

    /// <summary>Rolling origins per series in the validation on the training part (default 3).</summary>
    public int Origins { get; init; } = 3;

    /// <summary>
    /// Whether members and the combination rule are chosen by validation on the batch (the default); otherwise all
    /// members are combined by the median (<c>auto-median</c>).
    /// </summary>
    public bool SelectMembers { get; init; } = true;

    /// <summary>
    /// How much better the chosen combination's validation score must be than the median of all members for it to
    /// replace that median, as a relative margin times the validation history: the margin is c / L, with c this value
    /// (default 0.3) and L the median number of values before the earliest validation origin. Forecasts from short
    /// histories are the poorest guide to the final fit, so selection needs more there: 0.3 / 11 = 2.7% for M3's
    /// yearly series (19 values, h = 6), 0.3 / 95 = 0.3% for its monthly ones. Batches of fewer than 100 validated
    /// series need a margin √(100/n) times larger. Chosen by leave-one-collection-out (README): every c from 0.15 to
    /// 0.7 makes the same choices on all eight collections. 0 takes whatever validates best (<c>auto-select</c>).
    /// </summary>
    public double SelectionMargin { get; init; } = 0.3;

    /// <summary>Fewest validated series for choosing members; fewer keeps all members with the median (and the forecast's method says so).</summary>
    public int MinimumSeriesForSelection { get; init; } = 20;

    /// <summary>Fewest validation error vectors for a calibrated distribution; fewer falls back to the members' own paths.</summary>
    public int MinimumCalibration { get; init; } = 30;

    /// <summary>
    /// Most series validated in one batch (default 2,000): a larger batch validates a random sample of this many
    /// (seeded by the batch's size), and every series is still forecast. The choice and the calibration are means and quantiles over the
    /// validated series, and 2,000 series at three origins already pin them down (the 97.5% quantile of 12,000 mirrored
    /// errors per step; the choice of the same batch validated whole in the README's check), while validation is
    /// three quarters of the work; batches up to this size — every collection of the README — are validated whole,
    /// with the same forecasts as before.
    /// </summary>
    public int MaximumValidatedSeries { get; init; } = 2000;

    /// <summary>
    /// The members by default: ets, theta, dotm, drift, arima and snaive (as the catalogue names them). Chosen by
    /// leave-one-collection-out over eight collections (M3 yearly, quarterly, monthly, other; tourism and M1 quarterly
    /// and monthly; <c>benchmarks/auto-recipes.cs</c>, README): with arima and the seasonal naive added to the first four
    /// and the global model, selection scored 0.957 of the former five-member median's test error on average, against
    /// 0.977 without them; arima and snaive each help where the others damp or smooth away a strong season (tourism).
    /// The seasonal naive joins only seasonal data (m &gt; 1; <see cref="AutoForecaster"/>).
    /// </summary>
    public static IReadOnlyList<IForecaster> DefaultMembers() =>
        [new Ets.EtsForecaster(), new Theta.ThetaForecaster(), new Theta.OptimizedThetaForecaster(new Theta.OptimizedThetaOptions { Dynamic = true }), new Baselines.DriftForecaster(), new Arima.AutoArimaForecaster(), new Baselines.SeasonalNaiveForecaster()];
}
