namespace Zhibiao.Analytics.Data;

/// <summary>A dataset file: the path errors name, and how to open it (null when the file is absent).</summary>
internal readonly record struct DatasetFile(string Path, Func<TextReader>? Open);

/// <summary>
/// Reads a dataset directory. Every row is checked as it is read, so an error names the file, the line and the
/// column at fault; a dataset is returned only when all three files are valid.
/// </summary>
internal static class DatasetReader
{
    public static readonly string[] IndicatorColumns = ["id", "name_zh", "name_en", "unit", "frequency", "direction", "kind"];
    public static readonly string[] ObservationColumns = ["indicator", "period", "measure", "value", "unit", "qualifier", "source"];
    public static readonly string[] ObservationOptional = ["address", "note"];
    public static readonly string[] ObservationWhenUsed = ["subject", "vintage", "basis"];
    public static readonly string[] TargetColumns = ["indicator", "period", "value", "unit", "kind", "direction", "source"];
    public static readonly string[] TargetOptional = ["tolerance", "address", "note"];
    public static readonly string[] TargetWhenUsed = ["subject", "wording", "high", "main"];
    public static readonly string[] VerdictColumns = ["report_year", "year", "indicator", "met", "source"];
    public static readonly string[] VerdictOptional = ["address", "text"];

    /// <summary>The indicator column's value of a verdict on all main targets.</summary>
    public const string AllMainTargets = "*main*";

    /// <summary>Reads a dataset directory; with <paramref name="observationsOptional"/>, a missing observations.csv is an empty one.</summary>
    public static Dataset Read(string directory, bool observationsOptional = false)
    {
        if (!Directory.Exists(directory))
            throw new DataFormatException(directory, 0, null, BundledDatasets.Contains(directory)
                ? $"dataset directory not found ({directory} names a bundled dataset, which is read-only; a command that writes needs a directory)"
                : File.Exists(directory) ? "is a file, not a dataset directory" : "dataset directory not found");

        // Each file read once: the bytes parsed are the bytes remembered (DatasetGuard) to notice another writer.
        var bytes = new Dictionary<string, byte[]?>(StringComparer.Ordinal);
        byte[]? BytesOf(string name)
        {
            if (bytes.TryGetValue(name, out byte[]? held)) return held;
            string path = Path.Combine(directory, name);
            return bytes[name] = File.Exists(path) || Directory.Exists(path) ? TextFile.ReadBytes(path) : null;
        }

        Dataset dataset = Read(name =>
        {
            string path = Path.Combine(directory, name);
            return new DatasetFile(path, BytesOf(name) is { } b ? () => new StringReader(TextFile.Decode(path, b)) : null);
        }, observationsOptional);
        AtomicFile.RememberRead(directory, DatasetGuard.Fingerprint(BytesOf));
        return dataset;
    }

    /// <summary>Reads a dataset from files given by name (indicators.csv, observations.csv, targets.csv, target-history.csv, verdicts.csv).</summary>
    public static Dataset Read(Func<string, DatasetFile> file, bool observationsOptional = false)
    {
        Dictionary<string, Indicator> indicators = ReadIndicators(file("indicators.csv"));
        DatasetFile observationsFile = file("observations.csv");
        List<Observation> observations = observationsOptional && observationsFile.Open is null ? [] : ReadObservations(observationsFile, indicators);
        DatasetFile targetsFile = file("targets.csv");
        List<Target> targets = targetsFile.Open is not null ? ReadTargets(targetsFile, indicators) : [];
        DatasetFile historyFile = file("target-history.csv");
        List<Target> history = historyFile.Open is not null ? ReadTargets(historyFile, indicators) : [];
        DatasetFile verdictsFile = file("verdicts.csv");
        List<ReportVerdict> verdicts = verdictsFile.Open is not null ? ReadVerdicts(verdictsFile, indicators) : [];
        return new Dataset(indicators.Values, observations, targets, history) { Verdicts = verdicts };
    }

    /// <summary>
    /// verdicts.csv: report_year, year (the year judged, before the report's), indicator (or *main* for all main
    /// targets), met (true or false), source, and optionally address ("chars START-END") and text.
    /// </summary>
    private static List<ReportVerdict> ReadVerdicts(DatasetFile file, Dictionary<string, Indicator> indicators)
    {
        var result = new List<ReportVerdict>();
        foreach (CsvRecord r in CsvRecords.Read(file.Path, file.Open, VerdictColumns, VerdictOptional))
        {
            string id = r.Required("indicator");
            if (id != AllMainTargets && !indicators.ContainsKey(id))
                throw r.Error("indicator", $"unknown indicator '{id}' (not in indicators.csv, nor {AllMainTargets})");
            int reportYear = r.Parse("report_year", ParseYear);
            int year = r.Parse("year", ParseYear);
            if (year >= reportYear) throw r.Error("year", $"the year judged ({year}) is not before the report's ({reportYear})");
            (int start, int end) = r["address"].Length == 0 ? (0, 0) : r.Parse("address", ParseChars);
            result.Add(new ReportVerdict(reportYear, year, id == AllMainTargets ? null : id, r.Parse("met", ParseBool), r.Required("source"), start, end, r["text"]));
        }

        return result;
    }

    private static int ParseYear(string s) =>
        int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int y) && y is >= 1000 and <= 9999
            ? y : throw new FormatException($"'{s}' is not a year");

    private static (int Start, int End) ParseChars(string s) =>
        new Source("", s).Characters is { } c && c.End >= c.Start ? c : throw new FormatException($"'{s}' is not an address 'chars START-END'");

    private static Dictionary<string, Indicator> ReadIndicators(DatasetFile file)
    {
        var result = new Dictionary<string, Indicator>(StringComparer.Ordinal);
        foreach (CsvRecord r in CsvRecords.Read(file.Path, file.Open, IndicatorColumns, []))
        {
            string id = r.Required("id");
            var ind = new Indicator(id, r.Required("name_zh"), r.Required("name_en"),
                r.Parse("unit", Units.Get), r.Parse("frequency", FrequencyExtensions.ParseFrequency),
                r.Parse("direction", Indicator.ParseDirection), r.Parse("kind", Indicator.ParseKind));
            if (!result.TryAdd(id, ind)) throw r.Error("id", $"indicator '{id}' is defined twice");
        }

        return result;
    }

    private static List<Observation> ReadObservations(DatasetFile file, Dictionary<string, Indicator> indicators)
    {
        var result = new List<Observation>();
        var seen = new Dictionary<(string, Period, Measure, bool), (Observation Obs, int Line)>();
        foreach (CsvRecord r in CsvRecords.Read(file.Path, file.Open, ObservationColumns, [.. ObservationOptional, .. ObservationWhenUsed]))
        {
            Indicator ind = KnownIndicator(r, indicators);
            var o = new Observation(ind.Id, r.Parse("period", s => Period.Parse(s)), r.Parse("measure", ParseMeasure),
                ReadQuantity(r), r.Parse("qualifier", Qualifiers.Parse), ReadSource(r))
            {
                Vintage = r.ParseOptional("vintage", s => Period.Parse(s)),
                IsYearToDate = r.ParseOptional("basis", ParseBasis) ?? false,
            };
            Checked(r, "period", () => DatasetRules.CheckPeriod(ind, o));
            Checked(r, "basis", () => DatasetRules.CheckBasis(ind, o));
            Checked(r, "value", () => DatasetRules.CheckMagnitude(ind, o));
            Checked(r, "unit", () => DatasetRules.Check(ind, o));
            var key = (o.IndicatorId, o.Period, o.Measure, o.IsYearToDate);
            if (seen.TryGetValue(key, out var first))
            {
                if (!DatasetRules.Agree(first.Obs, o))
                    throw r.Error("value", $"{o.IndicatorId} {o.Period} {(o.IsYearToDate ? "year-to-date " : "")}{ToToken(o.Measure)} disagrees with line {first.Line} ({first.Obs.Qualifier.ToSign()}{first.Obs.Value} vs {o.Qualifier.ToSign()}{o.Value})");
                continue;
            }

            seen[key] = (o, r.Line);
            result.Add(o);
        }

        return result;
    }

    private static List<Target> ReadTargets(DatasetFile file, Dictionary<string, Indicator> indicators)
    {
        var result = new List<Target>();
        foreach (CsvRecord r in CsvRecords.Read(file.Path, file.Open, TargetColumns, [.. TargetOptional, .. TargetWhenUsed]))
        {
            Indicator ind = KnownIndicator(r, indicators);
            string periodText = r.Required("period");
            PlanPeriod? plan = PlanPeriod.TryParse(periodText, out PlanPeriod p) ? p : null;
            Period deadline = plan?.End ?? r.Parse("period", s => Period.Parse(s));
            TargetComparison side = r.Parse("direction", Target.ParseComparison);
            var t = new Target(ind.Id, r.Parse("kind", Target.ParseKind), deadline, ReadQuantity(r), side, ReadSource(r))
            {
                Plan = plan,
                Tolerance = r.ParseOptional("tolerance", ParseTolerance),
                High = r["high"].Length == 0 ? null : r.Parse("high", v => Quantity.Parse(v, r.Required("unit"))),
                IsMain = r.ParseOptional("main", ParseBool) ?? false,
            };
            if (r.ParseOptional("wording", Target.ParseWording) is { } wording) t = t with { Wording = wording };
            Checked(r, "value", () => DatasetRules.CheckMagnitude(ind, t));
            Checked(r, "value", () => DatasetRules.CheckSign(ind, t));
            Checked(r, "period", () => DatasetRules.CheckPlan(ind, t));
            Checked(r, "unit", () => DatasetRules.Check(ind, t));
            result.Add(t);
        }

        return result;
    }

    private static Indicator KnownIndicator(CsvRecord r, Dictionary<string, Indicator> indicators)
    {
        string id = r.Required("indicator");
        return indicators.TryGetValue(id, out Indicator? ind) ? ind
            : throw r.Error("indicator", $"unknown indicator '{id}' (not in indicators.csv)");
    }

    private static Quantity ReadQuantity(CsvRecord r)
    {
        string unit = r.Required("unit");
        Checked(r, "unit", () => Units.ParseScaled(unit));
        return r.Parse("value", v => Quantity.Parse(v, unit));
    }

    private static Source ReadSource(CsvRecord r) =>
        new(r.Required("source"), NullIfEmpty(r["address"]), NullIfEmpty(r["note"])) { Subject = NullIfEmpty(r["subject"]) };

    private static void Checked(CsvRecord r, string column, Action check)
    {
        try
        {
            check();
        }
        catch (AnalyticsException e)
        {
            throw r.Error(column, e.Message, e);
        }
    }

    private static double ParseTolerance(string s) => ParseNumber(s) is var v && v >= 0 ? v : throw new FormatException($"a tolerance cannot be negative ({s})");

    private static bool ParseBool(string s) => s switch
    {
        "true" => true,
        "false" => false,
        _ => throw new FormatException($"'{s}' is not true or false"),
    };

    private static double ParseNumber(string s) =>
        double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)
            ? v : throw new FormatException($"'{s}' is not a number");

    internal static Measure ParseMeasure(string token) => token switch
    {
        "level" => Measure.Level,
        "change" => Measure.Change,
        "growth" => Measure.Growth,
        _ => throw new FormatException($"unknown measure '{token}' (known: level, change, growth)"),
    };

    internal static string ToToken(Measure measure) => measure.ToString().ToLowerInvariant();

    /// <summary>The basis column's token of a figure of the period alone.</summary>
    internal const string PeriodBasis = "period";

    /// <summary>The basis column's token of a year-to-date figure (<see cref="Observation.IsYearToDate"/>).</summary>
    internal const string YearToDateBasis = "year_to_date";

    /// <summary>The basis column: <c>period</c> (or empty) for a figure of the period alone, <c>year_to_date</c> for a total or growth from the start of the year.</summary>
    internal static bool ParseBasis(string token) => token switch
    {
        PeriodBasis => false,
        YearToDateBasis => true,
        _ => throw new FormatException($"unknown basis '{token}' (known: {PeriodBasis}, {YearToDateBasis})"),
    };

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
