namespace Zhibiao.Analytics.Extraction;

/// <summary>
/// A fixed list of words, matched at the start or end of a text. The words are grouped by their first and last
/// character, so a match looks only at the few words that can fit, longest first.
/// </summary>
internal sealed class WordList
{
    private readonly Dictionary<char, string[]> _byFirst;
    private readonly Dictionary<char, string[]> _byLast;

    /// <summary>A list of the given words (duplicates dropped, empty words not allowed).</summary>
    public WordList(params string[] words)
    {
        Words = [.. words.Distinct(StringComparer.Ordinal).OrderByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal)];
        if (Words.Any(w => w.Length == 0)) throw new ArgumentException("a word list holds no empty word", nameof(words));
        _byFirst = Words.GroupBy(w => w[0]).ToDictionary(g => g.Key, g => g.ToArray());
        _byLast = Words.GroupBy(w => w[^1]).ToDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>The words, longest first.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>The longest word the text starts with, or null.</summary>
    public string? AtStart(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || !_byFirst.TryGetValue(text[0], out string[]? words)) return null;
        foreach (string w in words)
            if (text.StartsWith(w, StringComparison.Ordinal)) return w;
        return null;
    }

    /// <summary>The longest word the text ends with, or null.</summary>
    public string? AtEnd(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || !_byLast.TryGetValue(text[^1], out string[]? words)) return null;
        foreach (string w in words)
            if (text.EndsWith(w, StringComparison.Ordinal)) return w;
        return null;
    }

    /// <summary>Whether the text is one of the words.</summary>
    public bool Contains(ReadOnlySpan<char> text) => AtStart(text) is { } w && w.Length == text.Length;
}
