using System.Text.RegularExpressions;

namespace Zhibiao.Analytics.Tests.Architecture;

/// <summary>
/// The rules of docs/architecture.md, checked on the source: each folder of src/Zhibiao.Analytics may use only the
/// folders below it (and itself). A type is "used" when its name appears in code (comments and strings removed),
/// outside a member access such as <c>TargetKind.Growth</c>; a type is known by the folder that declares it.
/// </summary>
public partial class LayeringTests
{
    /// <summary>Each folder and the folders it may use (docs/architecture.md).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Allowed = new Dictionary<string, string[]>
    {
        ["Errors"] = [],
        ["Periods"] = ["Errors"],
        ["Units"] = ["Errors"],
        ["Observations"] = ["Errors", "Periods", "Units"],
        ["Indicators"] = ["Errors", "Periods", "Units", "Observations"],
        ["Targets"] = ["Errors", "Periods", "Units", "Observations", "Indicators"],
        ["Series"] = ["Errors", "Periods", "Units", "Observations", "Indicators", "Growth"],
        ["Growth"] = ["Errors", "Periods", "Units", "Observations", "Indicators", "Series"],
        ["Forecasting"] = ["Errors", "Periods", "Units", "Observations", "Indicators", "Series"],
        ["Tracking"] = ["Errors", "Periods", "Units", "Observations", "Indicators", "Targets", "Series", "Growth"],
        ["Data"] = ["Errors", "Periods", "Units", "Observations", "Indicators", "Targets", "Series", "Growth"],
        ["Probability"] = ["Errors", "Periods", "Units", "Observations", "Indicators", "Targets", "Series", "Growth", "Forecasting", "Tracking", "Data"],
        ["Extraction"] = ["Errors", "Periods", "Units", "Observations", "Indicators", "Targets", "Series", "Growth", "Data"],
        ["Assessment"] = ["Errors", "Periods", "Units", "Observations", "Indicators", "Targets", "Series", "Growth", "Tracking", "Probability", "Data", "Extraction"],
        ["Evaluation"] = ["Errors", "Periods", "Units", "Observations", "Indicators", "Targets", "Series", "Growth", "Forecasting", "Tracking", "Data", "Probability", "Extraction", "Assessment"],
    };

    /// <summary>
    /// The model folders of Forecasting (docs/architecture.md): each may use only its own types, the shared folders
    /// (<see cref="SharedForecastingFolders"/>) and the protocol in Forecasting itself, never another model's folder;
    /// Ensemble combines models and may use them all.
    /// </summary>
    public static readonly string[] ModelFolders = ["Arima", "Baselines", "Ets", "Ssa", "Theta"];

    /// <summary>The folders of Forecasting every model may use; "" is Forecasting itself (the protocol, batches, catalogue).</summary>
    public static readonly string[] SharedForecastingFolders = ["", "Optimization", "Seasonality"];

    /// <summary>Folders of one layer, which may use each other: series and the growth arithmetic over them.</summary>
    public static readonly string[][] Layers = [["Series", "Growth"]];

    private static readonly string Core = Path.Combine(RepositoryPaths.Root, "src", "Zhibiao.Analytics");

    private static readonly string Forecasting = Path.Combine(Core, "Forecasting");

    [Fact]
    public void Every_folder_of_the_core_has_a_rule()
    {
        string[] folders = [.. Directory.GetDirectories(Core).Select(Path.GetFileName).Where(f => f is not ("bin" or "obj")).Order(StringComparer.Ordinal)!];
        Assert.Equal(Allowed.Keys.Order(StringComparer.Ordinal), folders);
    }

    [Fact]
    public void Folders_use_only_the_folders_below_them()
    {
        var violations = Dependencies()
            .Where(d => !Allowed[d.From].Contains(d.To))
            .Select(d => $"{d.From} uses {d.To}: {d.Type} in {d.File}")
            .ToArray();
        Assert.True(violations.Length == 0, "layering broken:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Every_folder_of_forecasting_is_a_model_folder_a_shared_folder_or_the_ensemble()
    {
        string[] folders = [.. Directory.GetDirectories(Forecasting).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
        Assert.Equal(ModelFolders.Concat(SharedForecastingFolders.Where(f => f.Length > 0)).Append("Ensemble").Order(StringComparer.Ordinal), folders);
    }

    [Fact]
    public void Model_folders_of_forecasting_use_only_the_shared_folders_and_the_protocol()
    {
        var violations = Dependencies(Files().Where(f => f.StartsWith(Forecasting + Path.DirectorySeparatorChar, StringComparison.Ordinal)), ForecastingFolderOf)
            .Where(d => ModelFolders.Contains(d.From) && !SharedForecastingFolders.Contains(d.To))
            .Select(d => $"Forecasting/{d.From} uses Forecasting/{d.To}: {d.Type} in {d.File}")
            .ToArray();
        Assert.True(violations.Length == 0, "a model folder uses another:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void The_rules_have_no_cycle()
    {
        // A topological order exists: repeatedly remove a folder whose allowed folders (outside its layer) are all removed.
        string[] LayerOf(string f) => Layers.FirstOrDefault(l => l.Contains(f)) ?? [f];
        var left = new HashSet<string>(Allowed.Keys);
        while (left.Count > 0)
        {
            string? next = left.FirstOrDefault(f => Allowed[f].All(u => LayerOf(f).Contains(u) || !left.Contains(u)));
            Assert.True(next is not null, "cycle among: " + string.Join(", ", left));
            left.Remove(next!);
        }
    }

    [Fact]
    public void The_core_has_no_reflection_and_no_presentation()
    {
        string[] offending = [.. Files().Where(f => Code(File.ReadAllText(f)) is var code
            && (code.Contains("Assembly.Load", StringComparison.Ordinal) || code.Contains("Activator.", StringComparison.Ordinal)
                || code.Contains("BindingFlags", StringComparison.Ordinal) || code.Contains(".GetType(\"", StringComparison.Ordinal)
                || code.Contains("TypeFormatterSource", StringComparison.Ordinal) || code.Contains("<table", StringComparison.Ordinal)))
            .Select(f => Path.GetRelativePath(Core, f))];
        Assert.Empty(offending);
    }

    [Fact]
    public void The_scan_sees_a_forbidden_use()
    {
        // The checker itself: a Data file naming a Forecasting type is reported, a member access is not.
        var types = new Dictionary<string, string> { ["BatchForecaster"] = "Forecasting", ["Growth"] = "Growth" };
        Assert.Equal(["BatchForecaster"], Used("var r = BatchForecaster.Run(x); // Growth\nvar k = TargetKind.Growth; string s = \"Growth\";", types));
    }

    private static IEnumerable<string> Files() =>
        Directory.EnumerateFiles(Core, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string FolderOf(string file) => Path.GetRelativePath(Core, file).Split(Path.DirectorySeparatorChar)[0];

    /// <summary>The folder of a file under Forecasting/ ("" for Forecasting itself).</summary>
    private static string ForecastingFolderOf(string file)
    {
        string[] parts = Path.GetRelativePath(Forecasting, file).Split(Path.DirectorySeparatorChar);
        return parts.Length == 1 ? "" : parts[0];
    }

    private static List<(string From, string To, string Type, string File)> Dependencies() =>
        Dependencies(Files().Where(f => Path.GetDirectoryName(f) != Core), FolderOf);

    /// <summary>Every use by a file of a type declared in another folder, among <paramref name="sources"/> (folders as <paramref name="folderOf"/> names them).</summary>
    private static List<(string From, string To, string Type, string File)> Dependencies(IEnumerable<string> sources, Func<string, string> folderOf)
    {
        var declared = new Dictionary<string, string>(StringComparer.Ordinal);
        var ambiguous = new HashSet<string>(StringComparer.Ordinal);
        string[] files = [.. sources];
        foreach (string f in files)
            foreach (Match m in Declaration().Matches(Code(File.ReadAllText(f))))
            {
                string name = m.Groups[1].Value;
                if (declared.TryGetValue(name, out string? other) && other != folderOf(f)) ambiguous.Add(name);
                else declared[name] = folderOf(f);
            }

        foreach (string a in ambiguous) declared.Remove(a);
        var result = new List<(string, string, string, string)>();
        foreach (string f in files)
        {
            string from = folderOf(f);
            string code = Code(File.ReadAllText(f));
            HashSet<string> own = [.. LocalDeclaration().Matches(code).Select(m => m.Groups[1].Value)];
            foreach (string type in Used(code, declared))
                if (declared[type] != from && !own.Contains(type)) result.Add((from, declared[type], type, Path.GetRelativePath(Core, f)));
        }

        return result;
    }

    /// <summary>The known type names a piece of code uses, outside member accesses (X.Name where X is not a namespace).</summary>
    private static string[] Used(string code, IReadOnlyDictionary<string, string> types)
    {
        code = Code(code);
        var used = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Match m in Identifier().Matches(code))
        {
            string name = m.Value;
            if (!types.ContainsKey(name)) continue;
            int i = m.Index - 1;
            if (i >= 0 && code[i] == '.')
            {
                Match before = PreviousIdentifier().Match(code[..i]);
                if (!before.Success || !Namespaces.Contains(before.Value)) continue;
            }

            used.Add(name);
        }

        return [.. used];
    }

    private static readonly HashSet<string> Namespaces = new(StringComparer.Ordinal)
    {
        "Analytics", "Data", "Forecasting", "Probability", "Evaluation", "Extraction", "Arima", "Ets", "Theta", "Ssa", "Baselines", "Ensemble", "Optimization", "Seasonality",
    };

    /// <summary>Code without comments, string and character literals, and enum members (names, not uses).</summary>
    private static string Code(string source) =>
        EnumBody().Replace(Literal().Replace(source, m => m.Value.StartsWith('/') ? "" : "\"\""), m => m.Groups[1].Value + "{}");

    [GeneratedRegex(@"(\benum\s+\w+\s*(?::\s*\w+\s*)?)\{[^}]*\}")]
    private static partial Regex EnumBody();

    [GeneratedRegex(@"\b(?:public|internal)\s+(?:(?:static|sealed|abstract|readonly|partial|ref)\s+)*(?:class|record(?:\s+struct)?|struct|enum|interface|delegate\s+\S+)\s+([A-Z]\w*)")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"\b(?:class|record|struct|enum|interface)\s+([A-Z]\w*)")]
    private static partial Regex LocalDeclaration();

    [GeneratedRegex(@"\b[A-Z]\w*\b")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"(\w+)\s*$")]
    private static partial Regex PreviousIdentifier();

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/|@""(?:[^""]|"""")*""|\$?""""""[\s\S]*?""""""|\$?""(?:[^""\\\n]|\\.)*""|'(?:[^'\\\n]|\\.)'", RegexOptions.Singleline)]
    private static partial Regex Literal();
}
