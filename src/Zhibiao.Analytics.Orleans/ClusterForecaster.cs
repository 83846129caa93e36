using System.Diagnostics;
using System.Runtime.CompilerServices;
using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Orleans.Grains;

namespace Zhibiao.Analytics.Orleans;

/// <summary>
/// Batch forecasting on an Orleans cluster. The series are cut into partitions of consecutive series
/// (<see cref="ClusterForecastOptions.PartitionSize"/>); each partition is forecast by a grain on whichever silo
/// Orleans places it, with the core's batch path (<see cref="BatchForecaster.Run"/>) and the silo's catalogue
/// (<see cref="ForecastingSilo.AddForecasting"/>); the results are gathered in input order. A partition whose silo
/// dies, or that cannot be delivered, is sent again to another silo, so no work is lost.
/// <para>
/// The result is the same, bit for bit, as <see cref="RunInProcess"/> with the same partition size: for a model
/// that forecasts each series alone it is also <see cref="BatchForecaster.Run"/> on the whole batch, whatever the
/// partition size; a model that learns across series (<see cref="IGlobalForecaster"/>: <c>auto</c>, <c>global</c>)
/// is trained on each partition, which is its training batch.
/// </para>
/// </summary>
public static class ClusterForecaster
{
    /// <summary>Forecasts every series on the cluster; results in input order.</summary>
    /// <param name="client">A client connected to the cluster.</param>
    /// <param name="series">The series.</param>
    /// <param name="model">The model's name in the silos' catalogue.</param>
    /// <param name="options">Horizon, levels and season length (threads are the silos' business).</param>
    /// <param name="cluster">Partition size, partitions in flight, tries; null for the defaults.</param>
    /// <param name="progress">Told the number of series finished so far, after each partition.</param>
    /// <param name="cancellation">Stops the run (throws <see cref="OperationCanceledException"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException">Horizon, levels or threads out of range, or a cluster setting below 1.</exception>
    /// <exception cref="ClusterException">No silo is active, or a partition failed on every try.</exception>
    public static async Task<BatchItem[]> RunAsync(IClusterClient client, IReadOnlyList<LongSeries> series, string model, BatchOptions options, ClusterForecastOptions? cluster = null, IProgress<int>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        BatchForecaster.Check(options);
        cluster ??= ClusterForecastOptions.Default;
        Check(cluster);
        var results = new BatchItem[series.Count];
        if (series.Count == 0) return results;

        using var watch = new MembershipWatch(client.GetGrain<IManagementGrain>(0), cluster.MembershipPoll);
        int silos = await watch.StartAsync(cancellation);
        if (silos == 0) throw new ClusterException("the cluster has no active silo");
        int inFlight = cluster.PartitionsInFlight ?? 4 * silos;

        string run = Guid.NewGuid().ToString("N");
        int size = cluster.PartitionSize;
        int count = (series.Count + size - 1) / size;
        var tries = new int[count];
        var waiting = new Queue<int>(Enumerable.Range(0, count));
        var running = new Dictionary<Task<ItemData[]>, int>();
        int done = 0;
        while (waiting.Count > 0 || running.Count > 0)
        {
            while (running.Count < inFlight && waiting.TryDequeue(out int p))
            {
                int start = p * size;
                PartitionWork work = PartitionWork.From(model, options, series, start, Math.Min(size, series.Count - start));
                IPartitionGrain grain = client.GetGrain<IPartitionGrain>($"{run}/{p}/{tries[p]}");
                running.Add(Send(grain, work, tries[p]++, cluster.MembershipPoll, watch.Epoch, cancellation), p);
            }

            Task<ItemData[]> finished = await Task.WhenAny(running.Keys);
            int partition = running[finished];
            running.Remove(finished);
            try
            {
                ItemData[] items = await finished;
                int start = partition * size;
                for (int i = 0; i < items.Length; i++) results[start + i] = items[i].ToItem(series[start + i]);
                done += items.Length;
                progress?.Report(done);
            }
            catch (Exception e) when (!cancellation.IsCancellationRequested && IsSiloFailure(e))
            {
                if (tries[partition] >= cluster.Attempts)
                    throw new ClusterException($"the partition from series {series[partition * size].Id} failed {tries[partition]} times; last: {e.Message}", e);
                waiting.Enqueue(partition);
            }
        }

        return results;
    }

    /// <summary>
    /// What the cluster computes, in this process: <see cref="BatchForecaster.Run"/> on each partition of
    /// <paramref name="partitionSize"/> consecutive series (a global model trained on each), results in input order.
    /// </summary>
    /// <param name="series">The series.</param>
    /// <param name="forecaster">The model.</param>
    /// <param name="options">Horizon, levels, season length, threads.</param>
    /// <param name="partitionSize">Series per partition.</param>
    /// <param name="progress">Told the number of series finished so far.</param>
    /// <param name="cancellation">Stops the run.</param>
    /// <exception cref="ArgumentOutOfRangeException">Horizon or levels out of range, threads or partition size below 1.</exception>
    public static BatchItem[] RunInProcess(IReadOnlyList<LongSeries> series, IForecaster forecaster, BatchOptions options, int partitionSize = ClusterForecastOptions.DefaultPartitionSize, IProgress<int>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitionSize, 1);
        var results = new List<BatchItem>(series.Count);
        for (int start = 0; start < series.Count; start += partitionSize)
        {
            LongSeries[] part = [.. series.Skip(start).Take(partitionSize)];
            int before = results.Count;
            results.AddRange(BatchForecaster.Run(part, forecaster, options, progress is null ? null : new Progress(progress, before), cancellation));
        }

        return [.. results];
    }

    /// <summary>
    /// How long a call's grain may go without saying it has the work before the call is lost: ten questions at the
    /// shortest interval, well above the seconds a call can take to reach its grain on a loaded machine (the first
    /// calls of a process, a new activation).
    /// </summary>
    private static readonly TimeSpan LostAfter = TimeSpan.FromSeconds(10);

    /// <summary>
    /// One try of a partition: after a pause that grows with the tries, the call, abandoned when a silo leaves or when
    /// the call is lost. Orleans can drop a call, or its answer, that goes through a silo's gateway while that silo is
    /// being killed, whichever silo the call was for, and nothing then ends the call before its one-hour response
    /// timeout. So while the call is in flight its grain is asked every <paramref name="check"/> (at least a second
    /// apart; interleaved with the call) whether it has the work; when no yes has come for <see cref="LostAfter"/>
    /// (the call never arrived, or its answer was lost and a new activation answers) the call is lost: cancelled, and a
    /// <see cref="TimeoutException"/> (another try, under a new grain key).
    /// </summary>
    private static async Task<ItemData[]> Send(IPartitionGrain grain, PartitionWork work, int attempt, TimeSpan check, CancellationToken epoch, CancellationToken cancellation)
    {
        using var both = CancellationTokenSource.CreateLinkedTokenSource(epoch, cancellation);
        if (attempt > 0) await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5000, 250 * attempt)), both.Token);
        TimeSpan every = check > TimeSpan.FromSeconds(1) ? check : TimeSpan.FromSeconds(1);
        Task<ItemData[]> call = grain.Forecast(work, both.Token);
        Forget(call);
        var lastYes = new StrongBox<long>(Stopwatch.GetTimestamp());
        while (true)
        {
            Task tick = Task.Delay(every, both.Token);
            if (await Task.WhenAny(call, tick) == call) return await call;
            await tick;
            if (Stopwatch.GetElapsedTime(Interlocked.Read(ref lastYes.Value)) >= LostAfter) break;
            // Not awaited: a question lost like the call must not hold up the next one.
            _ = grain.HasWork().ContinueWith(
                t =>
                {
                    if (t.IsFaulted) _ = t.Exception;
                    else if (t.IsCompletedSuccessfully && t.Result) Interlocked.Exchange(ref lastYes.Value, Stopwatch.GetTimestamp());
                },
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        await both.CancelAsync();
        throw new TimeoutException($"a call was lost: its grain did not say it had the work for {LostAfter.TotalSeconds:0} s");
    }

    /// <summary>Observes the failure of a task that may be left unawaited (a call abandoned).</summary>
    private static void Forget(Task task) =>
        task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    /// <summary>
    /// A failure of the cluster rather than of the work: a silo unreachable or gone (Orleans' exceptions), a call that
    /// timed out or was lost, or one abandoned because a silo left. Errors of the work itself (an unknown model) are not retried.
    /// </summary>
    private static bool IsSiloFailure(Exception e) => e is OrleansException or TimeoutException or OperationCanceledException;

    private static void Check(ClusterForecastOptions cluster)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cluster.PartitionSize, 1, nameof(cluster.PartitionSize));
        if (cluster.PartitionsInFlight is { } n) ArgumentOutOfRangeException.ThrowIfLessThan(n, 1, nameof(cluster.PartitionsInFlight));
        ArgumentOutOfRangeException.ThrowIfLessThan(cluster.Attempts, 1, nameof(cluster.Attempts));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(cluster.MembershipPoll, TimeSpan.Zero, nameof(cluster.MembershipPoll));
    }

    /// <summary>Progress of one partition, offset by the series finished before it.</summary>
    private sealed class Progress(IProgress<int> total, int before) : IProgress<int>
    {
        public void Report(int value) => total.Report(before + value);
    }
}
