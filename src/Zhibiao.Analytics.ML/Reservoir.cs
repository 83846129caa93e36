namespace Zhibiao.Analytics.ML;

/// <summary>
/// A uniform sample of at most <c>capacity</c> items from a stream of unknown length (reservoir sampling, Vitter's
/// algorithm R): the first <c>capacity</c> are kept; the i-th after them (0-based i over all items) replaces a kept one
/// with probability capacity/(i+1). Seeded, so the same stream gives the same sample; an item is made only when kept,
/// so the work beyond the capacity is a random draw per item (about capacity·ln(n/capacity) items are made).
/// </summary>
internal sealed class Reservoir<T>(int capacity, int seed)
{
    private readonly List<T> _items = [];
    private readonly Random _random = new(seed);
    private long _seen;

    /// <summary>The sample, in stream order while nothing has been replaced.</summary>
    public IReadOnlyList<T> Items => _items;

    /// <summary>Items kept.</summary>
    public int Count => _items.Count;

    /// <summary>Offers the next item of the stream (an item that costs nothing to make).</summary>
    public void Offer(T item)
    {
        int slot = Slot();
        if (slot == _items.Count) _items.Add(item);
        else if (slot >= 0) _items[slot] = item;
    }

    /// <summary>Offers the next item of the stream, made by <paramref name="make"/> only when it is kept.</summary>
    public void Offer(Func<T> make)
    {
        int slot = Slot();
        if (slot == _items.Count) _items.Add(make());
        else if (slot >= 0) _items[slot] = make();
    }

    /// <summary>Where the next item of the stream goes: appended while there is room (the count), else slot j with probability capacity/(i+1), else nowhere (−1).</summary>
    private int Slot()
    {
        long i = _seen++;
        if (_items.Count < capacity) return _items.Count;
        long j = _random.NextInt64(i + 1);
        return j < capacity ? (int)j : -1;
    }
}
