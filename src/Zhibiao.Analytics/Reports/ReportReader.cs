using System.Globalization;
using Zhibiao.Analytics.Extraction;

namespace Zhibiao.Analytics.Reports;

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

    private static readonly string[] StatementCues = ["主要预期目标", "主要目标", "预期目标"];
    private static readonly string[] GrowthNouns = ["增长率", "上涨幅度", "涨幅", "增幅", "增速", "降幅", "增长", "上涨", "下降", "降低"];
    private static readonly string[] TrailingVerbs = ["控制在", "保持在", "稳定在", "继续保持", "保持", "按", "不超过", "不高于", "不低于", "低于", "高于", "超过", "达到", "在", "为"];
    private static readonly string[] MultiYearWords = ["五年", "累计", "时期"];
    private static readonly string[] SingleYearWords = ["去年", "全年", "上年", "一年来", "这一年", "过去一年", "收官之年"];
    private static readonly string[] MissedWords = ["没有完成", "未完成", "未能完成", "没有实现", "未实现", "未能实现", "未达到", "没有达到"];
    private static readonly string[] MetWords = ["超额完成", "全面完成", "圆满完成", "顺利完成", "完成", "全面实现", "圆满实现", "实现", "超过", "达到"];

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
        if (!text.Contains("政府工作", StringComparison.Ordinal) && !text.Contains("工作报告", StringComparison.Ordinal))
            throw new AnalyticsException($"{file}: not a government work report (the words 政府工作 / 工作报告 do not occur)");
        IReadOnlyList<Fact> facts = FactExtractor.Extract(text, new ExtractionOptions { Year = year });
        if (facts.Count == 0) throw new AnalyticsException($"{file}: not a government work report (no figures with units)");
        int reportYear = year ?? FactExtractor.ReportYear(text) ?? facts.Max(f => f.Period.Year) + 1;

        facts = Respectively(text, facts);
        (int Start, int End)? main = MainStatement(text, reportYear);
        var targets = Targets(facts, synonyms, reportYear, main, file);
        var figures = Figures(text, facts.Where(f => main is not { } ms || f.Start < ms.Start || f.End > ms.End).ToList(), synonyms, reportYear, file);
        int reviewEnd = main?.Start ?? text.Length;
        var verdicts = Verdicts(text, reviewEnd, synonyms, reportYear, file);
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
        var found = new List<(Target Target, int Start)>();
        for (int i = 0; i < facts.Count; i++)
        {
            Fact f = facts[i];
            bool isMain = main is { } ms && f.Start >= ms.Start && f.End <= ms.End;
            // Every figure of the main statement is a target of the year, whatever the section headings say.
            if (f.Plan is not null || !(isMain ? f.Period.Year >= year - 1 : f.IsTarget && f.Period.Year == year)) continue;
            if (Map(f, synonyms) is not { } m) continue;
            Quantity? high = null;
            TargetWording wording = Wording(f.Qualifier, f.Subject);
            int end = f.End;
            if (i + 1 < facts.Count && facts[i + 1] is { } g && g.Subject == f.Subject && g.Qualifier == Qualifier.AtMost
                && f.Qualifier == Qualifier.AtLeast && g.Start - f.End <= 2 && Map(g, synonyms) is { } mg && mg.Id == m.Id)
            {
                high = InUnit(g.Value, m.Id);
                wording = TargetWording.Range;
                end = g.End;
                i++;
            }

            Indicator ind = ReportIndicators.Find(m.Id)!.Indicator;
            Quantity value = InUnit(f.Value, m.Id);
            (TargetComparison side, double? tolerance) = Target.FromWording(wording, ind.Direction, value);
            var t = new Target(m.Id, TargetKind.Level, Period.OfYear(year), value, side, new Source(file, $"chars {f.Start}-{end}") { Subject = f.Subject })
            {
                Wording = wording,
                High = high,
                Tolerance = tolerance,
                IsMain = isMain,
            };
            found.Add((t, f.Start));
        }

        // One target per indicator: the main statement's first, else the first in the text.
        return [.. found.GroupBy(t => t.Target.IndicatorId).Select(g => g.Any(t => t.Target.IsMain) ? g.First(t => t.Target.IsMain) : g.First()).OrderBy(t => t.Start).Select(t => t.Target)];
    }

    private static TargetWording Wording(Qualifier q, string subject) => q switch
    {
        Qualifier.Exact when subject.EndsWith("低于", StringComparison.Ordinal) || subject.EndsWith("不超过", StringComparison.Ordinal)
            || subject.EndsWith("不高于", StringComparison.Ordinal) => TargetWording.AtMost,
        Qualifier.Exact when subject.EndsWith("不低于", StringComparison.Ordinal) || subject.EndsWith("高于", StringComparison.Ordinal)
            || subject.EndsWith("超过", StringComparison.Ordinal) => TargetWording.AtLeast,
        _ => Target.WordingOf(q),
    };

    private static List<Observation> Figures(string text, IReadOnlyList<Fact> facts, SynonymTable synonyms, int year, string file)
    {
        var figures = new List<Observation>();
        var seen = new HashSet<(string, Period, PlanPeriod?)>();
        foreach (Fact f in facts)
        {
            if (f.IsTarget || f.Note is not null && !f.IsTarget && f.Note.StartsWith('预')) continue;
            if (f.Plan is null && f.Period.Year >= year) continue;
            if (Map(f, synonyms) is not { } m) continue;
            // 年均增长 right before the figure: a yearly average over the plan period (or the five years reviewed).
            bool yearly = f.Start >= 4 && f.Start <= text.Length && text.AsSpan(Math.Max(0, f.Start - 6), Math.Min(6, f.Start)).Contains("年均", StringComparison.Ordinal);
            PlanPeriod? plan;
            if (yearly) plan = f.Plan ?? new PlanPeriod(Period.OfYear(year - 5), Period.OfYear(year - 1));
            else if (f.Plan is not null || MultiYear(text, f.Start, year)) continue;
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
    /// Whether a figure is about several years: the nearest time marker before it in its paragraph is a multi-year one
    /// (五年, 累计, 时期, “十一五”) rather than a single year (2007年, 去年, 全年, 一年来, “十四五”收官之年), or its clause compares with a base
    /// year (比2002年增长65.5%). Figures in a clause about a target (目标) are not outcomes either.
    /// </summary>
    private static bool MultiYear(string text, int at, int year)
    {
        if (at > text.Length) return false;
        int p = text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1;
        string before = text[p..at];
        int clause = before.LastIndexOfAny(['，', '；', '。', '：']) + 1;
        string own = before[clause..];
        int next = text.IndexOfAny(['，', '；', '。', '\n'], at);
        string rest = text[at..(next < 0 ? text.Length : next)];
        if (own.Contains("目标", StringComparison.Ordinal) || rest.Contains("目标", StringComparison.Ordinal)) return true;
        int bi = own.IndexOf('比', StringComparison.Ordinal);
        if (bi >= 0 && ReportReader.YearAt(own, bi + 1) is { } baseYear && baseYear < year - 2) return true;
        int multi = -1;
        foreach (string w in MultiYearWords) multi = Math.Max(multi, before.LastIndexOf(w, StringComparison.Ordinal));
        for (int i = 0; i + 2 < before.Length; i++)
            if (before[i] == '十' && before[i + 2] == '五' && "一二三四五六".Contains(before[i + 1], StringComparison.Ordinal)) multi = Math.Max(multi, i);
        if (multi < 0) return false;
        int single = -1;
        foreach (string w in SingleYearWords) single = Math.Max(single, before.LastIndexOf(w, StringComparison.Ordinal));
        for (int i = 0; i + 4 < before.Length; i++)
            if (YearAt(before, i) is { } y && y == year - 1 && !before.AsSpan(i + 5).StartsWith("以来")) single = Math.Max(single, i);
        return multi > single;
    }

    /// <summary>A year written at a position (2007年 or ２００７年), or null.</summary>
    private static int? YearAt(string s, int i)
    {
        if (i + 4 >= s.Length || s[i + 4] != '年') return null;
        int y = 0;
        for (int k = 0; k < 4; k++)
        {
            char c = s[i + k];
            int d = c is >= '0' and <= '9' ? c - '0' : c is >= '０' and <= '９' ? c - '０' : -1;
            if (d < 0) return null;
            y = (y * 10) + d;
        }

        return y is >= 1900 and <= 2999 ? y : null;
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

    private static List<ReportVerdict> Verdicts(string text, int reviewEnd, SynonymTable synonyms, int year, string file)
    {
        var verdicts = new List<ReportVerdict>();
        foreach ((int s, int e) in Sentences(text, 0, reviewEnd))
        {
            foreach ((int cs, int ce) in Clauses(text, s, e))
            {
                string clause = text[cs..ce];
                int goal = clause.IndexOf("目标", StringComparison.Ordinal);
                if (goal < 0 || clause.Contains("规划", StringComparison.Ordinal) || clause.Contains("五年", StringComparison.Ordinal)
                    || clause.Contains("五”", StringComparison.Ordinal) || clause.Contains("今年", StringComparison.Ordinal)) continue;
                string? missed = MissedWords.FirstOrDefault(w => clause.Contains(w, StringComparison.Ordinal));
                string? met = missed is null ? MetWords.FirstOrDefault(w => clause.Contains(w, StringComparison.Ordinal)) : null;
                if (missed is null && met is null) continue;
                string verb = missed ?? met!;
                int at = clause.IndexOf(verb, StringComparison.Ordinal);
                string named = clause[..Math.Max(goal, at)];
                var ids = Named(synonyms, named);
                if (ids.Count == 0 && missed is not null) ids = Named(synonyms, text[s..cs]);
                if (ids.Count == 0 && missed is not null) continue;
                if (ids.Count == 0 && (missed is not null || clause.Contains("主要", StringComparison.Ordinal)))
                    verdicts.Add(new ReportVerdict(year, year - 1, null, missed is null, file, cs, ce, clause));
                foreach (string id in ids) verdicts.Add(new ReportVerdict(year, year - 1, id, missed is null, file, cs, ce, clause));
            }
        }

        return verdicts;
    }

    private static List<string> Named(SynonymTable synonyms, string words) =>
        [.. synonyms.FindWithin(words).Select(x => x.IndicatorId).Where(id => ReportIndicators.Find(id) is not null).Distinct()];

    private static IEnumerable<(int Start, int End)> Sentences(string text, int from, int to)
    {
        int s = from;
        for (int i = from; i < to; i++)
        {
            if (text[i] is '。' or '！' or '？' or '\n' or '；')
            {
                if (text[i] != '；')
                {
                    if (i + 1 > s && HasContent(text, s, i)) yield return (s, text[i] == '\n' ? i : i + 1);
                    s = i + 1;
                }
            }
        }

        if (to > s && HasContent(text, s, to)) yield return (s, to);
    }

    private static IEnumerable<(int Start, int End)> Clauses(string text, int from, int to)
    {
        int s = from;
        for (int i = from; i < to; i++)
        {
            if (text[i] is '，' or '；' or ',' or ';')
            {
                if (i > s) yield return (s, i);
                s = i + 1;
            }
        }

        if (to > s) yield return (s, to);
    }

    private static bool HasContent(string text, int s, int e)
    {
        for (int i = s; i < e; i++)
            if (!char.IsWhiteSpace(text[i]) && text[i] != '\u3000') return true;
        return false;
    }

    private static bool HasDigit(string text, int s, int e)
    {
        for (int i = s; i < e; i++)
            if (char.IsAsciiDigit(text[i]) || text[i] is >= '０' and <= '９') return true;
        return false;
    }

    private static int ParagraphEnd(string text, int from)
    {
        int nl = text.IndexOf('\n', from);
        return nl < 0 ? text.Length : nl;
    }
}
