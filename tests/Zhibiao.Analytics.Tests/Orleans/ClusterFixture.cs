using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;
using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.ML;
using Zhibiao.Analytics.Orleans;
using Zhibiao.Analytics.Orleans.Grains;

namespace Zhibiao.Analytics.Tests.Orleans;

/// <summary>One in-process cluster of three silos (Orleans TestingHost), shared by the tests of a class.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // The gate blocks fits on pool threads while the kill needs them: enough threads that the pool never starves.
        ThreadPool.GetMinThreads(out int workers, out int io);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), io);

        var builder = new TestClusterBuilder(3);
        builder.AddSiloBuilderConfigurator<Silo>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        // Until every silo knows every silo's grain types, a silo places grains only on the silos it knows (under load
        // the kill test then saw its whole run placed on the primary, and no silo to kill).
        await Cluster.WaitForClusterManifestToStabilizeAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>The models every silo forecasts with: the command line's, and <see cref="Gate"/>.</summary>
    public static ForecasterCatalogue Models { get; } = ForecasterCatalogue.Core.WithGlobalModel();

    private sealed class Silo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.AddForecasting(Models);
            // The gate knows its silo, so a test can tell where a partition runs.
            silo.Services.AddSingleton(sp => new SiloModels(Models.With(Gate.Name, () => new Gate(sp.GetRequiredService<ILocalSiloDetails>().SiloAddress))));
            // A killed silo is declared dead within seconds.
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = TimeSpan.FromSeconds(1);
                o.NumMissedProbesLimit = 1;
                o.NumVotesForDeathDeclaration = 1;
            });
        }
    }
}

/// <summary>
/// Theta behind a gate: each fit records its silo and, while the gate is shut, waits on silos other than the primary
/// (the silos of a TestingHost cluster share this process, and so this static state).
/// </summary>
internal sealed class Gate(SiloAddress silo) : IForecaster
{
    public const string Name = "gate";

    private static readonly ConcurrentQueue<SiloAddress> Fits = new();
    private static volatile SiloAddress? _primary;
    private static readonly ManualResetEventSlim Open = new(true);

    string IForecaster.Name => Name;

    public static IReadOnlyCollection<SiloAddress> FitsBySilo => Fits;

    /// <summary>Shuts the gate for fits on silos other than <paramref name="primary"/>.</summary>
    public static void Shut(SiloAddress primary)
    {
        Fits.Clear();
        _primary = primary;
        Open.Reset();
    }

    public static void Lift() => Open.Set();

    public IFittedModel Fit(ReadOnlySpan<double> y, int seasonLength = 1)
    {
        Fits.Enqueue(silo);
        if (!silo.Equals(_primary)) Open.Wait(TimeSpan.FromMinutes(2));
        return new Zhibiao.Analytics.Forecasting.Theta.ThetaForecaster().Fit(y, seasonLength);
    }
}
