using System.Globalization;

namespace Zhibiao.Analytics.Extraction;

/// <summary>
/// Reads one government work report into <see cref="ReportContent"/>: the facts of <see cref="FactExtractor"/>
/// mapped to canonical indicators through a <see cref="SynonymTable"/> (by the head of the subject), the main-targets
/// statement, ranges joined into one target, plan-period averages kept as period figures, and the report's own
/// verdicts on last year's targets.
/// </summary>
/// <remarks>
/// The main-targets statement is found by <see cref="MainStatement"/> (ReportReader.MainTargets.cs): the first cue
/// (主要预期目标 / 主要目标 / 预期目标 followed by 是, 为 or a colon) whose time frame is the coming year.
/// </remarks>
public static partial class ReportReader
{
    /// <summary>The report files named by paths: files as given, directories by their *.txt files in name order.</summary>
    /// <exception cref="AnalyticsException">No file at all.</exception>
    internal static IReadOnlyList<string> Files(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<string>();
        foreach (string p in paths)
        {
            if (Directory.Exists(p)) files.AddRange(Directory.GetFiles(p, "*.txt").Order(StringComparer.Ordinal));
            else files.Add(p);
        }

        if (files.Count == 0) throw new AnalyticsException("no report given (a directory without *.txt files?)");
        return files;
    }

    private static readonly string[] GrowthNouns = ["增长率", "上涨幅度", "涨幅", "增幅", "增速", "降幅", "增长", "上涨", "下降", "降低"];
    private static readonly string[] TrailingVerbs = ["控制在", "保持在", "稳定在", "继续保持", "保持", "按", "不超过", "不高于", "不低于", "低于", "高于", "超过", "达到", "在", "为"];

    /// <summary>Reads a report file; its year comes from the file name (national-2005.txt) or else from its headings.</summary>
    /// <exception cref="AnalyticsException">The file cannot be read, is not UTF-8 text, or is not a government work report.</exception>
    public static ReportContent ReadFile(string path, SynonymTable? synonyms = null)
    {
        string text = FactExtractor.ReadReport(path);
        int? year = YearOfFileName(Path.GetFileNameWithoutExtension(path));
        try
        {
            return Read(text, Path.GetFileName(path), year, synonyms);
        }
        catch (AnalyticsException e) when (!e.Message.StartsWith(Path.GetFileName(path), StringComparison.Ordinal))
        {
            throw new AnalyticsException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Reads a report text.</summary>
    /// <param name="text">The report.</param>
    /// <param name="file">The name recorded as the source of every figure.</param>
    /// <param name="year">The report's year; null to take it from the headings.</param>
    /// <param name="synonyms">Subjects → canonical ids; default <see cref="ReportIndicators.DefaultSynonyms"/>.</param>
    /// <exception cref="AnalyticsException">The text is not a government work report, or its year cannot be told.</exception>
    public static ReportContent Read(string text, string file, int? year = null, SynonymTable? synonyms = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        synonyms ??= ReportIndicators.DefaultSynonyms;
        ReportFacts read = FactExtractor.Read(text, new ExtractionOptions { Year = year });
        // In the text as read: a title wrapped as 政府工 / 作报告 is still one. A report printed without its title opens
        // as every report does: 我代表省人民政府，向大会报告工作.
        string plain = read.Text.Text;
        if (!plain.Contains("政府工作", StringComparison.Ordinal) && !plain.Contains("工作报告", StringComparison.Ordinal)
            && !plain.Contains("报告工作", StringComparison.Ordinal))
            throw new AnalyticsException($"{file}: not a government work report (the words 政府工作 / 工作报告 / 报告工作 do not occur)");
        IReadOnlyList<Fact> facts = read.Facts;
        if (facts.Count == 0) throw new AnalyticsException($"{file}: not a government work report (no figures with units)");
        int reportYear = year ?? read.Layout.PlanYear ?? facts.Max(f => f.Period.Year) + 1;
        (int Start, int End)? statement = Extraction.MainStatement.Find(read);
        (int Start, int End)? main = statement is { } m ? (read.Offsets.Start(m.Start), read.Offsets.End(m.End)) : null;
        var targets = Targets(facts, synonyms, reportYear, main, file);
        var figures = Figures(text, facts.Where(f => main is not { } ms || f.Start < ms.Start || f.End > ms.End).ToList(), synonyms, reportYear, file);
        var verdicts = Verdicts(read, statement?.Start ?? read.Text.Text.Length, synonyms, reportYear, file);
        return new ReportContent(file, reportYear, targets, figures, verdicts, main);
    }

    /// <summary>The last four-digit year 1900–2999 in a file name (anhui-2026 → 2026), or null.</summary>
    public static int? YearOfFileName(string name)
    {
        int? found = null;
        for (int i = 0; i + 4 <= name.Length; i++)
        {
            if ((i > 0 && char.IsAsciiDigit(name[i - 1])) || (i + 4 < name.Length && char.IsAsciiDigit(name[i + 4]))) continue;
            if (int.TryParse(name.AsSpan(i, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int y) && y is >= 1900 and <= 2999) found = y;
        }

        return found;
    }

    private static List<Target> Targets(IReadOnlyList<Fact> facts, SynonymTable synonyms, int year, (int Start, int End)? main, string file)
    {
        bool IsMain(Fact f) => main is { } ms && f.Start >= ms.Start && f.End <= ms.End;

        // Every figure of the main statement is a target of the year, whatever the section headings say.
        bool Kept(Fact f) => f.Plan is null && (IsMain(f) ? f.Period.Year >= year - 1 : f.IsTarget && f.Period.Year == year) && Map(f, synonyms) is not null;
        var found = new List<(Target Target, int Start)>();
        foreach (TargetFigure figure in TargetFigures.Of(facts, Kept))
        {
            Fact f = figure.Fact;
            var m = Map(f, synonyms)!.Value;
            Quantity? high = figure.High is { } g && Map(g, synonyms) is { } mg && mg.Id == m.Id ? InUnit(g.Value, m.Id) : null;
            TargetWording wording = figure.Wording == TargetWording.Range && high is null ? Target.WordingOf(f.Qualifier) : figure.Wording;
            int end = high is null ? f.End : figure.End;
            Indicator ind = ReportIndicators.Find(m.Id)!.Indicator;
            Quantity value = InUnit(f.Value, m.Id);
            (TargetComparison side, double? tolerance) = Target.FromWording(wording, ind.Direction, value);
            var t = new Target(m.Id, TargetFigures.KindOf(Measure.Level, value, ind, null), Period.OfYear(year), value, side, new Source(file, $"chars {f.Start}-{end}") { Subject = f.Subject })
            {
                Wording = wording,
                High = high,
                Tolerance = tolerance,
                IsMain = IsMain(f),
            };
            found.Add((t, f.Start));
        }

        // One target per indicator: the main statement's first, else the first in the text.
        return [.. found.GroupBy(t => t.Target.IndicatorId).Select(g => g.Any(t => t.Target.IsMain) ? g.First(t => t.Target.IsMain) : g.First()).OrderBy(t => t.Start).Select(t => t.Target)];
    }

    private static List<Observation> Figures(string text, IReadOnlyList<Fact> facts, SynonymTable synonyms, int year, string file)
    {
        var figures = new List<Observation>();
        var seen = new HashSet<(string, Period, PlanPeriod?)>();
        foreach (Fact f in facts)
        {
            if (f.IsTarget || f.Note is not null && !f.IsTarget && f.Note.StartsWith('预')) continue;
            if (f.Plan is null && f.Period.Year >= year) continue;
            if (f.IsYearToDate) continue;
            if (Map(f, synonyms) is not { } m) continue;
            // 年均增长 right before the figure: a yearly average over the plan period (or the five years reviewed).
            bool yearly = f.Start >= 4 && f.Start <= text.Length && text.AsSpan(Math.Max(0, f.Start - 6), Math.Min(6, f.Start)).Contains("年均", StringComparison.Ordinal);
            PlanPeriod? plan;
            if (yearly) plan = f.Plan ?? new PlanPeriod(Period.OfYear(year - 5), Period.OfYear(year - 1));
            else if (f.Plan is not null || AboutATarget(text, f.Start)) continue;
            else plan = null;
            Period period = plan?.End ?? f.Period;
            if (!seen.Add((m.Id, period, plan))) continue;
            figures.Add(new Observation(m.Id, period, Measure.Level, InUnit(f.Value, m.Id), f.Qualifier, new Source(file, $"chars {f.Start}-{f.End}") { Subject = f.Subject })
            {
                Vintage = Period.OfYear(year),
                Plan = plan,
            });
        }

        return figures;
    }

    /// <summary>The canonical indicator of a fact and its value in the indicator's unit, or null when the fact does not fit one.</summary>
    internal static (string Id, double Value)? Map(Fact f, SynonymTable synonyms)
    {
        string stripped = StripGrowthNoun(Qualified(f.Subject.TrimEnd()), out bool growthNoun);
        if ((synonyms.FindByHead(Qualified(f.Subject)) ?? synonyms.FindByHead(stripped) ?? EconomyAsGdp(stripped, f, synonyms)) is not { } s || ReportIndicators.Find(s.IndicatorId) is not { } ind) return null;
        Unit unit = ind.Indicator.Unit;
        if (ind.Reads == Measure.Growth)
        {
            bool growth = f.Kind == Measure.Growth || (f.Kind == Measure.Level && (growthNoun || GrowthBeforeFigure(f.Text)));
            if (!growth || f.Value.Unit.Symbol != "%") return null;
            return (ind.Id, f.Value.Value);
        }

        if (f.Kind != Measure.Level || f.Value.Unit.Dimension != unit.Dimension) return null;
        return (ind.Id, f.Value.ConvertTo(unit).Value);
    }

    private static Quantity InUnit(Quantity q, string id)
    {
        Unit unit = ReportIndicators.Find(id)!.Indicator.Unit;
        return q.Unit == unit || q.Unit.Dimension != unit.Dimension ? q : q.ConvertTo(unit);
    }

    /// <summary>
    /// Whether a figure stands in a clause about a target (目标): 增速高于预期目标, 完成目标…, not an outcome of the year. (Its
    /// time — one year, a plan period, the years since a base year — is the extractor's.) Looks at most 200 characters
    /// either side.
    /// </summary>
    private static bool AboutATarget(string text, int at)
    {
        if (at > text.Length) return false;
        int from = Math.Max(0, at - 200);
        int clause = text.AsSpan(from, at - from).LastIndexOfAny("，；。：\n") + 1;
        ReadOnlySpan<char> own = text.AsSpan(from + clause, at - from - clause);
        int to = Math.Min(text.Length, at + 200);
        ReadOnlySpan<char> after = text.AsSpan(at, to - at);
        int next = after.IndexOfAny("，；。\n");
        ReadOnlySpan<char> rest = next < 0 ? after : after[..next];
        return own.Contains("目标", StringComparison.Ordinal) || rest.Contains("目标", StringComparison.Ordinal);
    }

    private static string StripGrowthNoun(string subject, out bool stripped)
    {
        stripped = false;
        bool again = true;
        while (again)
        {
            again = false;
            foreach (string w in TrailingVerbs)
            {
                if (subject.Length > w.Length && subject.EndsWith(w, StringComparison.Ordinal))
                {
                    subject = subject[..^w.Length];
                    again = true;
                }
            }

            foreach (string w in GrowthNouns)
            {
                if (subject.Length > w.Length && subject.EndsWith(w, StringComparison.Ordinal))
                {
                    subject = subject[..^w.Length];
                    stripped = again = true;
                }
            }
        }

        return subject;
    }

    private static List<ReportVerdict> Verdicts(ReportFacts read, int reviewEnd, SynonymTable synonyms, int year, string file)
    {
        var verdicts = new List<ReportVerdict>();
        foreach (VerdictClause v in VerdictClauses.Find(read, reviewEnd))
        {
            var ids = Named(synonyms, v.Named);
            if (ids.Count == 0 && !v.Met) ids = Named(synonyms, v.Before);
            if (ids.Count == 0 && !v.Met) continue;
            if (ids.Count == 0 && v.Main) verdicts.Add(new ReportVerdict(year, year - 1, null, v.Met, file, v.Start, v.End, v.Clause));
            foreach (string id in ids) verdicts.Add(new ReportVerdict(year, year - 1, id, v.Met, file, v.Start, v.End, v.Clause));
        }

        return verdicts;
    }

    private static List<string> Named(SynonymTable synonyms, string words) =>
        [.. synonyms.FindWithin(words).Select(x => x.IndicatorId).Where(id => ReportIndicators.Find(id) is not null).Distinct()];
}
