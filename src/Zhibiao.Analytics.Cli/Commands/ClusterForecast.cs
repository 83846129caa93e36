using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Zhibiao.Analytics.Cli.Cluster;
using Zhibiao.Analytics.Cli.Output;
using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Orleans;

namespace Zhibiao.Analytics.Cli.Commands;

/// <summary>
/// The options of <c>forecast</c> that split the batch into partitions: <c>--cluster HOST:G[,HOST:G…]</c> sends them
/// to the silos of <c>analytics silo</c>; <c>--partition-size N</c> alone runs the same partitions in this process.
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
        Description = $"Series per partition (default {ClusterForecastOptions.DefaultPartitionSize} with --cluster; without it, the whole file): a model that learns across series (auto, global) is trained on each partition.",
    };

    /// <summary>Adds the options to the command.</summary>
    public void AddTo(Command command)
    {
        command.Add(Cluster);
        command.Add(PartitionSize);
    }

    /// <summary>Whether the batch is split into partitions (--cluster or --partition-size).</summary>
    public bool IsRequested(ParseResult parse) => parse.GetValue(Cluster) is not null || parse.GetValue(PartitionSize) is not null;

    /// <summary>Runs the partitions on the cluster, or in this process without --cluster; results in input order.</summary>
    public BatchItem[] Run(CliContext context, ParseResult parse, string model, IReadOnlyList<LongSeries> series, IForecaster forecaster, BatchOptions options, bool timing)
    {
        int size = parse.GetValue(PartitionSize) ?? ClusterForecastOptions.DefaultPartitionSize;
        if (size < 1) throw new CliUsageException($"--partition-size must be at least 1, not {size}");
        if (parse.GetValue(Cluster) is not { } gateways)
        {
            return ProgressBar.Run(context, $"{forecaster.Name}: {series.Count} series", series.Count,
                progress => ClusterForecaster.RunInProcess(series, forecaster, options, size, progress));
        }

        return OnCluster(context, Endpoints.ParseList(gateways, "--cluster"), gateways, model, series, options, size, timing);
    }

    private static BatchItem[] OnCluster(CliContext context, System.Net.IPEndPoint[] gateways, string text, string model, IReadOnlyList<LongSeries> series, BatchOptions options, int size, bool timing)
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.UseOrleansClient(client => client
            .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (Endpoints.ClusterId, Endpoints.ClusterId))
            .UseStaticClustering(gateways));
        using IHost host = builder.Build();
        try
        {
            using var patience = new CancellationTokenSource(ConnectTimeout);
            host.StartAsync(patience.Token).WaitAsync(patience.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            throw new CliUsageException($"--cluster: cannot reach the cluster at {text}: no gateway answered within {ConnectTimeout.TotalSeconds} s");
        }
        catch (Exception e)
        {
            throw new CliUsageException($"--cluster: cannot reach the cluster at {text}: {e.Message}");
        }

        try
        {
            var clock = Stopwatch.StartNew();
            var client = host.Services.GetRequiredService<IClusterClient>();
            BatchItem[] results = ProgressBar.Run(context, $"{model} on the cluster: {series.Count} series", series.Count,
                progress => ClusterForecaster.RunAsync(client, series, model, options, new ClusterForecastOptions { PartitionSize = size }, progress).GetAwaiter().GetResult());
            if (timing)
            {
                double seconds = clock.Elapsed.TotalSeconds;
                context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"timing: model={model} series={series.Count} partition_size={size} partitions={(series.Count + size - 1) / size} seconds={seconds:0.######} series_per_second={series.Count / seconds:0.0}"));
            }

            return results;
        }
        finally
        {
            host.StopAsync(TimeSpan.FromSeconds(5)).GetAwaiter().GetResult();
        }
    }
}
