using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Zhibiao.Analytics.Cli.Output;

/// <summary>
/// The stages of a streaming command side by side: the next batch is read while this one is forecast, and the last
/// one is formatted and written meanwhile, so reading, fitting and writing overlap instead of taking turns. Each stage
/// runs on its own thread with one item in hand and one queued, so memory holds a few batches whatever the file's
/// size; results keep the input order; a failure in a stage surfaces in the command at the point where the sequential
/// run would have met it (a bad row after the batches before it, a failed write at the next batch).
/// </summary>
internal static class Pipeline
{
    /// <summary>The items of <paramref name="source"/>, enumerated on a thread of their own up to <paramref name="ahead"/> items ahead.</summary>
    public static IEnumerable<T> ReadAhead<T>(IEnumerable<T> source, int ahead = 1)
    {
        using var queue = new BlockingCollection<T>(Math.Max(1, ahead));
        using var stop = new CancellationTokenSource();
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                using IEnumerator<T> items = source.GetEnumerator();
                while (!stop.IsCancellationRequested && items.MoveNext()) queue.Add(items.Current, stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // the consumer stopped early
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                queue.CompleteAdding();
            }
        })
        { IsBackground = true, Name = "read ahead" };
        thread.Start();
        try
        {
            foreach (T item in queue.GetConsumingEnumerable()) yield return item;
            thread.Join();
            failure?.Throw();
        }
        finally
        {
            stop.Cancel();
            thread.Join();
        }
    }

    /// <summary>
    /// A writing stage: <see cref="Post"/> hands rows to a thread that passes them to the sink in order; the caller
    /// waits only when one batch is already queued. <see cref="Complete"/> waits for the last write and throws a
    /// write's failure; disposing without completing still writes what was posted (standard output keeps the batches
    /// before an error, as when written in turn) and drops a write failure behind the error already in flight.
    /// </summary>
    public sealed class Writer : IDisposable
    {
        private readonly BlockingCollection<ITableRows> _queue = new(1);
        private readonly Thread _thread;
        private ExceptionDispatchInfo? _failure;
        private bool _joined;

        /// <summary>Starts the stage in front of <paramref name="sink"/>.</summary>
        public Writer(Action<ITableRows> sink)
        {
            _thread = new Thread(() =>
            {
                foreach (ITableRows rows in _queue.GetConsumingEnumerable())
                {
                    if (_failure is not null) continue;
                    try
                    {
                        sink(rows);
                    }
                    catch (Exception e)
                    {
                        _failure = ExceptionDispatchInfo.Capture(e);
                    }
                }
            })
            { IsBackground = true, Name = "write" };
            _thread.Start();
        }

        /// <summary>Queues rows for writing; throws the failure of an earlier write.</summary>
        public void Post(ITableRows rows)
        {
            _failure?.Throw();
            _queue.Add(rows);
        }

        /// <summary>Waits until every row posted is written; throws a write's failure.</summary>
        public void Complete()
        {
            Join();
            _failure?.Throw();
        }

        /// <inheritdoc/>
        public void Dispose()
        {
            Join();
            _queue.Dispose();
        }

        private void Join()
        {
            if (_joined) return;
            _joined = true;
            _queue.CompleteAdding();
            _thread.Join();
        }
    }
}
