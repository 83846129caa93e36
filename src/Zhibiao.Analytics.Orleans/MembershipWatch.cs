namespace Zhibiao.Analytics.Orleans;

/// <summary>
/// Asks the cluster every so often which silos are active, and cancels <see cref="Epoch"/> (then starts a new one)
/// when a silo has left: a call to a grain on a dead silo gets no answer, so the calls in flight are abandoned and sent
/// again. Orleans declares a silo dead after its probes fail (seconds, <c>ClusterMembershipOptions</c>).
/// </summary>
internal sealed class MembershipWatch(IManagementGrain management, TimeSpan poll) : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private CancellationTokenSource _epoch = new();
    private HashSet<SiloAddress> _active = [];
    private Task? _loop;

    /// <summary>Cancelled when a silo that was active has left.</summary>
    public CancellationToken Epoch => Volatile.Read(ref _epoch).Token;

    /// <summary>Reads the active silos, starts watching, and returns how many there are.</summary>
    public async Task<int> StartAsync(CancellationToken cancellation)
    {
        // The first question may be the process's first call to the cluster (slow under load): it gets 30 s at least.
        _active = [.. (await management.GetHosts(onlyActive: true).WaitAsync(Max(10 * poll, TimeSpan.FromSeconds(30)), cancellation)).Keys];
        _loop = Task.Run(Loop, CancellationToken.None);
        return _active.Count;
    }

    /// <summary>The active silos; a question unanswered within ten polls (its silo gone) is a <see cref="TimeoutException"/>.</summary>
    private async Task<HashSet<SiloAddress>> Active(CancellationToken cancellation) =>
        [.. (await management.GetHosts(onlyActive: true).WaitAsync(10 * poll, cancellation)).Keys];

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private async Task Loop()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(poll, _stop.Token);
                HashSet<SiloAddress> now = await Active(_stop.Token);
                if (_active.Except(now).Any())
                {
                    CancellationTokenSource old = Interlocked.Exchange(ref _epoch, new CancellationTokenSource());
                    await old.CancelAsync();
                    old.Dispose();
                }

                _active = now;
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception) when (!_stop.IsCancellationRequested)
            {
                // The management grain's silo may be the one that left, or the question failed otherwise: ask again at
                // the next poll (the watch must not end before the run).
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _loop?.Wait();
        }
        catch (AggregateException)
        {
        }

        _stop.Dispose();
        _epoch.Dispose();
    }
}
