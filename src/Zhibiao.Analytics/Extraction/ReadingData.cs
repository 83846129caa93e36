namespace Zhibiao.Analytics.Extraction;

/// <summary>
/// The tables the reading of reports ships with, as embedded resources "reading/FILE" (src/Zhibiao.Analytics/Extraction/Data):
/// plain UTF-8 text a person can read and extend, loaded once.
/// </summary>
internal static class ReadingData
{
    /// <summary>The lines of a table, without blank lines and comments (# …), the header first for CSV tables.</summary>
    /// <exception cref="InvalidOperationException">The resource is missing (a build error, not a user's).</exception>
    public static IReadOnlyList<string> Lines(string file)
    {
        using Stream stream = typeof(ReadingData).Assembly.GetManifestResourceStream("reading/" + file)
            ?? throw new InvalidOperationException($"the reading table reading/{file} is not embedded in {typeof(ReadingData).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            string t = line.Trim();
            if (t.Length > 0 && t[0] != '#') lines.Add(t);
        }

        return lines;
    }

    private static readonly Lazy<Dictionary<string, string[]>> WordLists = new(ReadWords);

    /// <summary>A list of words of reading/words.txt (its [Section]).</summary>
    /// <exception cref="InvalidOperationException">No such section (a build error, not a user's).</exception>
    public static WordList Words(string section) => new(WordArray(section));

    /// <summary>The words of a section of reading/words.txt, as written.</summary>
    /// <exception cref="InvalidOperationException">No such section.</exception>
    public static string[] WordArray(string section) =>
        WordLists.Value.TryGetValue(section, out string[]? words) ? words
            : throw new InvalidOperationException($"reading/words.txt has no section [{section}]");

    private static Dictionary<string, string[]> ReadWords()
    {
        var lists = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        foreach (string line in Lines("words.txt"))
        {
            if (line[0] == '[' && line[^1] == ']')
            {
                lists[line[1..^1]] = current = [];
                continue;
            }

            if (current is null) throw new InvalidOperationException($"reading/words.txt: words before the first [Section]: {line}");
            current.AddRange(line.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }

        return lists.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The rows of a CSV table without quoted cells, each split at commas, the header dropped.</summary>
    public static IReadOnlyList<string[]> Rows(string file) => [.. Lines(file).Skip(1).Select(l => l.Split(','))];
}
