using Orleans.Concurrency;
using Orleans.Placement;
using Zhibiao.Analytics.Forecasting;

namespace Zhibiao.Analytics.Orleans.Grains;

/// <summary>
/// Forecasts one partition of a batch. Each partition (and each retry of it) is a grain of its own key, placed by
/// Orleans on any silo at random, and deactivated once it has answered: it holds no state between calls.
/// </summary>
internal interface IPartitionGrain : IGrainWithStringKey
{
    /// <summary>The items of the partition's series, in order, as <see cref="BatchForecaster.Run"/> gives them.</summary>
    [ResponseTimeout("01:00:00")]
    Task<ItemData[]> Forecast(PartitionWork work, CancellationToken cancellation);

    /// <summary>
    /// Whether this activation has been given its work (<see cref="Forecast"/> called, running or answered): asked
    /// while a call is in flight, interleaved with it. No for long means the call was lost on the way (the question
    /// created a new activation), or its answer was.
    /// </summary>
    [AlwaysInterleave]
    Task<bool> HasWork();
}

/// <inheritdoc cref="IPartitionGrain"/>
[RandomPlacement]
internal sealed class PartitionGrain(SiloModels models) : Grain, IPartitionGrain
{
    private bool _hasWork;

    public async Task<ItemData[]> Forecast(PartitionWork work, CancellationToken cancellation)
    {
        _hasWork = true;
        try
        {
            // Off the grain's scheduler: the fit is long and CPU-bound, and the call stays cancellable meanwhile.
            return await Task.Run(() => Run(models.Catalogue, work, cancellation), cancellation);
        }
        finally
        {
            DeactivateOnIdle();
        }
    }

    // An activation the question created (the call lost) is left to idle collection: deactivating it at once could
    // bounce a call still on its way.
    public Task<bool> HasWork() => Task.FromResult(_hasWork);

    /// <summary>The core's batch path on the partition: a global model is trained on the partition's series.</summary>
    internal static ItemData[] Run(ForecasterCatalogue catalogue, PartitionWork work, CancellationToken cancellation)
    {
        IForecaster forecaster = catalogue.Create(work.Model);
        LongSeries[] series = [.. work.Series.Select(s => s.ToSeries())];
        return [.. BatchForecaster.Run(series, forecaster, work.Options, cancellation: cancellation).Select(ItemData.From)];
    }
}

/// <summary>The models a silo forecasts with, registered by <see cref="ForecastingSilo.AddForecasting"/>.</summary>
internal sealed record SiloModels(ForecasterCatalogue Catalogue);
