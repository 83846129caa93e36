using System.Reflection;

namespace Zhibiao.Analytics.Data;

/// <summary>
/// The datasets that ship inside the package: every CSV file under the repository's datasets/NAME/ is embedded as
/// the resource "datasets/NAME/FILE" (see the project file), so a bundled dataset loads by NAME from any directory.
/// </summary>
internal static class BundledDatasets
{
    private const string Prefix = "datasets/";
    private static readonly Assembly Assembly = typeof(BundledDatasets).Assembly;

    /// <summary>Resource name by dataset name and file name.</summary>
    private static readonly Dictionary<string, Dictionary<string, string>> Resources = Index();

    /// <summary>The names of the bundled datasets, sorted.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Resources.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Whether a dataset of that name is bundled.</summary>
    public static bool Contains(string name) => Resources.ContainsKey(name);

    /// <summary>The file names of a bundled dataset (indicators.csv, …), sorted.</summary>
    public static IReadOnlyList<string> Files(string name) => [.. Resources[name].Keys.Order(StringComparer.Ordinal)];

    /// <summary>Opens a file of a bundled dataset as UTF-8 text.</summary>
    /// <exception cref="DataFormatException">No such bundled dataset, or it has no such file (named as bundled:NAME/FILE).</exception>
    public static TextReader Open(string name, string file) =>
        Resources.TryGetValue(name, out var files) && files.TryGetValue(file, out string? resource)
            ? new StreamReader(Assembly.GetManifestResourceStream(resource)!)
            : throw new DataFormatException($"bundled:{name}/{file}", 0, null,
                Contains(name) ? $"file not found (the bundled dataset {name} has {string.Join(", ", Files(name))})" : "no such bundled dataset");

    /// <summary>Reads a bundled dataset; errors name the file as "bundled:NAME/FILE".</summary>
    public static Dataset Load(string name) => DatasetReader.Read(file => new DatasetFile(
        $"bundled:{name}/{file}", Resources[name].ContainsKey(file) ? () => Open(name, file) : null));

    private static Dictionary<string, Dictionary<string, string>> Index()
    {
        var index = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (string resource in Assembly.GetManifestResourceNames())
        {
            string[] parts = resource.Replace('\\', '/').Split('/');
            if (parts.Length != 3 || parts[0] + "/" != Prefix) continue;
            if (!index.TryGetValue(parts[1], out var files)) index[parts[1]] = files = new(StringComparer.Ordinal);
            files[parts[2]] = resource;
        }

        return index;
    }
}
