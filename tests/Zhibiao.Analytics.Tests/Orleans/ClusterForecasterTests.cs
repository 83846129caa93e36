using System.Runtime.InteropServices;
using Orleans.TestingHost;
using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Orleans;

namespace Zhibiao.Analytics.Tests.Orleans;

/// <summary>
/// The cluster run equals the single-process run bit for bit (local models whatever the partitions; models that learn
/// across series with the same partitions), and a silo killed mid-run loses no work. The three silos share this
/// process, so the class runs alone, after the tests that run in parallel.
/// </summary>
[CollectionDefinition(nameof(ClusterForecasterTests), DisableParallelization = true)]
[Collection(nameof(ClusterForecasterTests))]
public sealed class ClusterForecasterTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static readonly BatchOptions Options = new() { Horizon = 6, Levels = [80, 95] };

    /// <summary>M3-like yearly series: 14 to 40 positive values with a trend, a cycle and noise; one series too short to fit.</summary>
    internal static LongSeries[] Yearly(int count, int seed = 7)
    {
        var random = new Random(seed);
        var series = new LongSeries[count];
        for (int i = 0; i < count; i++)
        {
            int n = i == 3 ? 2 : random.Next(14, 41);
            double level = 1000 + (5000 * random.NextDouble()), growth = 0.06 * (random.NextDouble() - 0.3);
            var y = new double[n];
            for (int t = 0; t < n; t++)
                y[t] = level * Math.Exp(growth * t) * (1 + (0.1 * Math.Sin(t / 2.0)) + (0.05 * (random.NextDouble() - 0.5)));
            series[i] = new LongSeries($"S{i:0000}", Period.OfYear(1975 + random.Next(10)), y);
        }

        return series;
    }

    [Fact]
    public async Task A_local_model_on_the_cluster_equals_the_whole_batch_in_process_whatever_the_partitions()
    {
        LongSeries[] series = Yearly(240);
        BatchItem[] expected = BatchForecaster.Run(series, ClusterFixture.Models.Create("theta"), Options);
        BatchItem[] actual = await ClusterForecaster.RunAsync(fixture.Cluster.Client, series, "theta", Options, new ClusterForecastOptions { PartitionSize = 37 });
        AssertSame(expected, actual);
        Assert.Contains(expected, e => e.Forecast is null);
    }

    [Fact]
    public async Task Auto_with_its_global_member_on_the_cluster_equals_the_same_partitions_in_process()
    {
        LongSeries[] series = Yearly(80, seed: 11);
        var cluster = new ClusterForecastOptions { PartitionSize = 40 };
        BatchItem[] expected = ClusterForecaster.RunInProcess(series, ClusterFixture.Models.Create("auto"), Options, cluster.PartitionSize);
        BatchItem[] actual = await ClusterForecaster.RunAsync(fixture.Cluster.Client, series, "auto", Options, cluster);
        AssertSame(expected, actual);
        Assert.Contains(actual, a => a.Forecast is { } f && f.Method.Contains("global", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_silo_killed_mid_run_loses_no_work()
    {
        TestCluster cluster = fixture.Cluster;
        LongSeries[] series = Yearly(48, seed: 3);
        BatchItem[] expected = BatchForecaster.Run(series, ClusterFixture.Models.Create("theta"), Options);
        Gate.Shut(cluster.Primary!.SiloAddress);
        try
        {
            var options = new ClusterForecastOptions { PartitionSize = 4, PartitionsInFlight = 12, MembershipPoll = TimeSpan.FromMilliseconds(200) };
            Task<BatchItem[]> run = ClusterForecaster.RunAsync(cluster.Client, series, Gate.Name, Options, options);

            // Wait until a partition has reached a silo other than the primary, then kill that silo.
            SiloHandle? victim = null;
            for (int i = 0; i < 600 && victim is null && !run.IsCompleted; i++)
            {
                victim = cluster.SecondarySilos.FirstOrDefault(s => Gate.FitsBySilo.Contains(s.SiloAddress));
                if (victim is null) await Task.Delay(100);
            }

            victim ??= cluster.SecondarySilos.FirstOrDefault(s => Gate.FitsBySilo.Contains(s.SiloAddress));
            Assert.True(victim is not null, $"no partition reached a secondary silo; fits on {Gate.FitsBySilo.Distinct().Count()} silo(s); the run is {run.Status}: {run.Exception?.InnerException?.Message}");
            Assert.Contains(victim.SiloAddress, Gate.FitsBySilo);

            // The kill may wait for the grain calls in progress on the victim, which wait for the gate: lift it meanwhile.
            Task kill = cluster.KillSiloAsync(victim);
            await Task.WhenAny(kill, Task.Delay(500));
            Gate.Lift();
            // A hang is a failure that says where, not a test run that never ends.
            await kill.WaitAsync(TimeSpan.FromMinutes(2));
            BatchItem[] actual = await run.WaitAsync(TimeSpan.FromMinutes(2));
            AssertSame(expected, actual);
        }
        finally
        {
            Gate.Lift();
        }

        await cluster.StartAdditionalSiloAsync();
        await cluster.WaitForClusterManifestToStabilizeAsync();
    }

    /// <summary>Same series, errors, methods, origins and every number bit for bit.</summary>
    internal static void AssertSame(BatchItem[] expected, BatchItem[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            BatchItem e = expected[i], a = actual[i];
            Assert.Equal(e.Series.Id, a.Series.Id);
            Assert.Equal(e.Error, a.Error);
            if (e.Forecast is not { } f) continue;
            Forecast g = a.Forecast!;
            Assert.Equal(f.Method, g.Method);
            Assert.Equal(f.Origin, g.Origin);
            Bits(f.Mean, g.Mean);
            Bits(f.Fitted, g.Fitted);
            Bits(f.Residuals, g.Residuals);
            Assert.Equal(f.Intervals.Count, g.Intervals.Count);
            for (int k = 0; k < f.Intervals.Count; k++)
            {
                Assert.Equal(f.Intervals[k].Level, g.Intervals[k].Level);
                Bits(f.Intervals[k].Lower, g.Intervals[k].Lower);
                Bits(f.Intervals[k].Upper, g.Intervals[k].Upper);
            }
        }
    }

    private static void Bits(ReadOnlyMemory<double> expected, ReadOnlyMemory<double> actual) =>
        Assert.Equal(MemoryMarshal.Cast<double, long>(expected.Span).ToArray(), MemoryMarshal.Cast<double, long>(actual.Span).ToArray());
}
