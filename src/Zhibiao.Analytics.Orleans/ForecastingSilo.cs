using Microsoft.Extensions.DependencyInjection;
using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Orleans.Grains;

namespace Zhibiao.Analytics.Orleans;

/// <summary>What a silo needs to forecast partitions: the models, by name.</summary>
public static class ForecastingSilo
{
    /// <summary>
    /// Lets the silo forecast partitions with the models of <paramref name="catalogue"/>. Every silo of a cluster must
    /// be given the same catalogue (the one the single-process run uses, e.g. <c>ForecasterCatalogue.Core.WithGlobalModel()</c>),
    /// so that a model name means the same model on every silo.
    /// </summary>
    /// <param name="silo">The silo being built.</param>
    /// <param name="catalogue">The models.</param>
    /// <returns>The same builder.</returns>
    public static ISiloBuilder AddForecasting(this ISiloBuilder silo, ForecasterCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(catalogue);
        silo.Services.AddSingleton(new SiloModels(catalogue));
        return silo;
    }
}
