using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Zhibiao.Analytics.Cli.Cluster;
using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Orleans;

namespace Zhibiao.Analytics.Cli.Commands;

/// <summary>
/// The options of <c>forecast</c> that split each streamed batch into partitions: <c>--cluster HOST:G[,HOST:G…]</c>
/// sends them to the silos of <c>analytics silo</c>; <c>--partition-size N</c> alone runs the same partitions in this process.
/// Either way the output is the same bytes (<see cref="ClusterForecaster"/>): a model that learns across series is
/// trained on each partition.
/// </summary>
internal sealed class ClusterForecast
{
    /// <summary>How long the client tries to reach a gateway before giving up.</summary>
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(15);

    /// <summary>--cluster: the gateways.</summary>
    public Option<string?> Cluster { get; } = new("--cluster")
    {
        Description = "Forecast on an Orleans cluster (analytics silo): gateways HOST:G, comma-separated. The output is that of the same --partition-size in this process.",
    };

    /// <summary>--partition-size: series per partition.</summary>
    public Option<int?> PartitionSize { get; } = new("--partition-size")
    {
        Description = $"Series per partition (default {ClusterForecastOptions.DefaultPartitionSize} with --cluster; without it, the whole --batch-size batch): a model that learns across series (auto, global) is trained on each partition.",
    };

    /// <summary>Adds the options to the command.</summary>
    public void AddTo(Command command)
    {
        command.Add(Cluster);
        command.Add(PartitionSize);
    }

    /// <summary>Whether the batches are split into partitions (--cluster or --partition-size).</summary>
    public bool IsRequested(ParseResult parse) => parse.GetValue(Cluster) is not null || parse.GetValue(PartitionSize) is not null;

    /// <summary>
    /// Opens the runner of the streamed batches: each batch is cut into partitions from its first series, run on
    /// the cluster (connected once, here) or, without --cluster, in this process; results in input order.
    /// </summary>
    public Runner Open(CliContext context, ParseResult parse, string model, IForecaster forecaster, BatchOptions options)
    {
        int size = parse.GetValue(PartitionSize) ?? ClusterForecastOptions.DefaultPartitionSize;
        if (size < 1) throw new CliUsageException($"--partition-size must be at least 1, not {size}");
        if (parse.GetValue(Cluster) is not { } gateways)
            return new Runner(null, size, (series, progress) => ClusterForecaster.RunInProcess(series, forecaster, options, size, progress));

        IHost host = Connect(Endpoints.ParseList(gateways, "--cluster"), gateways);
        var client = host.Services.GetRequiredService<IClusterClient>();
        var settings = new ClusterForecastOptions { PartitionSize = size };
        return new Runner(host, size, (series, progress) => ClusterForecaster.RunAsync(client, series, model, options, settings, progress).GetAwaiter().GetResult());
    }

    private static IHost Connect(System.Net.IPEndPoint[] gateways, string text)
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.UseOrleansClient(client => client
            .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (Endpoints.ClusterId, Endpoints.ClusterId))
            .UseStaticClustering(gateways));
        IHost host = builder.Build();
        try
        {
            using var patience = new CancellationTokenSource(ConnectTimeout);
            host.StartAsync(patience.Token).WaitAsync(patience.Token).GetAwaiter().GetResult();
            return host;
        }
        catch (OperationCanceledException)
        {
            host.Dispose();
            throw new CliUsageException($"--cluster: cannot reach the cluster at {text}: no gateway answered within {ConnectTimeout.TotalSeconds} s");
        }
        catch (Exception e)
        {
            host.Dispose();
            throw new CliUsageException($"--cluster: cannot reach the cluster at {text}: {e.Message}");
        }
    }

    /// <summary>Forecasts one streamed batch; disposing it disconnects from the cluster.</summary>
    internal sealed class Runner(IHost? host, int size, Func<IReadOnlyList<LongSeries>, IProgress<int>?, BatchItem[]> run) : IDisposable
    {
        /// <summary>Series per partition.</summary>
        public int Size => size;

        /// <summary>The forecasts of the batch's series, in input order.</summary>
        public BatchItem[] Run(IReadOnlyList<LongSeries> series, IProgress<int>? progress) => run(series, progress);

        /// <inheritdoc/>
        public void Dispose()
        {
            if (host is null) return;
            host.StopAsync(TimeSpan.FromSeconds(5)).GetAwaiter().GetResult();
            host.Dispose();
        }
    }
}
