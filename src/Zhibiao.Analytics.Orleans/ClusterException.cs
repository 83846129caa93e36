namespace Zhibiao.Analytics.Orleans;

/// <summary>
/// The cluster could not do the work: no silo is active, or a partition failed on every try. The message says which
/// partition (by its first series) and why.
/// </summary>
public sealed class ClusterException(string message, Exception? innerException = null) : AnalyticsException(message, innerException);
