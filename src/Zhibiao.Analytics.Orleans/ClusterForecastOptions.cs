namespace Zhibiao.Analytics.Orleans;

/// <summary>How a batch is split and sent to a cluster.</summary>
public sealed record ClusterForecastOptions
{
    /// <summary>The defaults: partitions of <see cref="DefaultPartitionSize"/> series.</summary>
    public static ClusterForecastOptions Default { get; } = new();

    /// <summary>Series per partition by default.</summary>
    public const int DefaultPartitionSize = 1000;

    /// <summary>
    /// Series per partition (the last one may be shorter). A model that learns across series (<c>auto</c>,
    /// <c>global</c>) is trained on each partition's series: the partition is its training batch.
    /// </summary>
    public int PartitionSize { get; init; } = DefaultPartitionSize;

    /// <summary>Partitions sent at once; null is four per active silo when the run starts.</summary>
    public int? PartitionsInFlight { get; init; }

    /// <summary>Tries of a partition before the run fails (a silo that dies or cannot be reached costs a try).</summary>
    public int Attempts { get; init; } = 8;

    /// <summary>
    /// How often the client asks the cluster which silos are active (and, at least a second apart, each grain with a
    /// call in flight whether it has the work). When a silo has left, the partitions in flight are sent again (those on
    /// live silos are cancelled); a call whose grain has not said it has the work for ten seconds was lost (dropped by
    /// a silo being killed) and is tried again: no partition waits for an answer that cannot come.
    /// </summary>
    public TimeSpan MembershipPoll { get; init; } = TimeSpan.FromSeconds(1);
}
