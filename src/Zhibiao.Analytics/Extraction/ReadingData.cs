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

    /// <summary>The rows of a CSV table without quoted cells, each split at commas, the header dropped.</summary>
    public static IReadOnlyList<string[]> Rows(string file) => [.. Lines(file).Skip(1).Select(l => l.Split(','))];
}
