using System.Globalization;
using Zhibiao.Analytics.Extraction;
using CsCheck;

namespace Zhibiao.Analytics.Tests.Extraction;

/// <summary>
/// Metamorphic tests of reading (issue 29): the facts of a report do not change when its layout does — line breaks
/// inside sentences, spaces, punctuation and digits in their other width, list numbering in another style, a qualifier
/// before the key phrase. Each property draws its edits from one CsCheck sample with a fixed seed (the same edits every
/// run) and compares every fact, its span mapped back to the original text. The same properties run over the shared
/// reports, for longer, in benchmarks/reading (not here: unit tests read the repository only).
/// </summary>
public class LayoutMetamorphicTests
{
    private const string Seed = "0N0XIzNsQ0O2";

    public static TheoryData<int> Samples() => [.. Enumerable.Range(0, ReportSamples.All.Count)];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Line_breaks_inside_sentences_change_no_fact(int sample) =>
        ForEachSeed(sample, (text, spans, random) => LayoutVariants.BreakLines(text, spans, random, 1 + random.Next(40)));

    [Theory]
    [MemberData(nameof(Samples))]
    public void Spaces_change_no_fact(int sample) =>
        ForEachSeed(sample, (text, spans, random) => LayoutVariants.AddSpaces(text, spans, random, 1 + random.Next(40)));

    [Theory]
    [MemberData(nameof(Samples))]
    public void Punctuation_and_digits_in_the_other_width_change_no_fact(int sample) =>
        ForEachSeed(sample, (text, _, random) => LayoutVariants.SwapWidths(text, random, random.NextDouble()));

    [Theory]
    [MemberData(nameof(Samples))]
    public void List_numbering_in_another_style_changes_no_fact(int sample) =>
        Same(ReportSamples.All[sample], LayoutVariants.Renumber(ReportSamples.All[sample]), "renumbered");

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_qualifier_before_the_key_phrase_changes_no_fact(int sample)
    {
        // A figure counting the key phrase itself (以下8个方面主要目标) has it in its subject: compared without the qualifier.
        foreach (string q in (string[])["全省", "经济", "全省经济社会发展"])
            Same(ReportSamples.All[sample], LayoutVariants.QualifyKeyPhrase(ReportSamples.All[sample], q), q, ignored: q);
    }

    [Theory]
    [InlineData(32)]
    [InlineData(36)]
    [InlineData(40)]
    [InlineData(44)]
    [InlineData(48)]
    [InlineData(56)]
    public void Hard_wrapping_at_a_page_width_changes_no_fact(int width)
    {
        // As text from a PDF comes: a break after any character of a full line, the end of a sentence and a colon too. (The
        // national sample is too short to show a page width: twenty full lines are needed.)
        string text = ReportSamples.Provincial;
        LayoutVariant wrapped = LayoutVariants.Wrap(text, [.. FactExtractor.Extract(text).Select(f => (f.Start, f.End))], width);
        Assert.Null(ReportText.WrapWidth(text));
        Assert.InRange(ReportText.WrapWidth(wrapped.Text) ?? 0, width - 4, width + 4);
        Same(text, wrapped, $"wrapped at {width} columns");
    }

    [Fact]
    public void A_chapter_heading_near_the_page_width_stands_alone_when_wrapped()
    {
        // Shaanxi's 二、“十五五”时期主要目标和重大举措 at 40 columns: a heading ending in no heading word and within the slack of
        // the page width was joined to the paragraph below, so the plan-period section was lost (到2030年… was no target).
        string text = ReportSamples.Provincial.Replace("二、“十五五”时期的主要目标任务", "二、“十五五”时期主要目标和重大举措", StringComparison.Ordinal)
            .Replace("城镇新增就业每年55万人以上。", "城镇新增就业每年55万人以上。到2030年，全社会研发投入强度达到3%左右。", StringComparison.Ordinal);
        Assert.Contains(FactExtractor.Extract(text), f => f.IsTarget && f.Period.Year == 2030 && f.Value.Value == 3);
        const string heading = "二、“十五五”时期主要目标和重大举措";
        int near = 0;
        foreach (int width in (int[])[34, 36, 38, 40, 42])
        {
            LayoutVariant wrapped = LayoutVariants.Wrap(text, [.. FactExtractor.Extract(text).Select(f => (f.Start, f.End))], width);
            if (wrapped.Text.Split('\n').Contains(heading) && ReportText.WrapWidth(wrapped.Text) is { } w && heading.Sum(ReportText.Columns) >= w - 4) near++;
            Same(text, wrapped, $"wrapped at {width} columns");
        }

        Assert.True(near > 0, "the heading is within the slack of the page width at some width");
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Blank_lines_indents_and_windows_line_ends_change_no_fact(int sample) =>
        Same(ReportSamples.All[sample], LayoutVariants.SpaceParagraphs(ReportSamples.All[sample]), "spaced");

    [Fact]
    public void A_text_with_a_few_lines_of_one_width_is_not_read_as_wrapped()
    {
        // Twenty lines of one width are the least that show a page: a short text's lines agree by chance.
        string line = new('字', 20);
        Assert.Null(ReportText.WrapWidth(string.Join('\n', Enumerable.Repeat(line, 19))));
        Assert.Equal(40, ReportText.WrapWidth(string.Join('\n', Enumerable.Repeat(line, 20))));
        Assert.Null(ReportText.WrapWidth(string.Join('\n', Enumerable.Range(0, 60).Select(i => new string('字', 10 + (i % 30))))));
    }

    [Fact]
    public void A_heading_of_a_plan_period_as_wide_as_the_page_ends_its_paragraph()
    {
        // Hard-wrapped at 40 columns, “十五五”时期主要目标和2026年重点工作 (38 columns, as in the Inner Mongolia report) is a
        // line of the page's width: it still stands alone, so the figure after it is a target of the plan period, not a
        // 2025 outcome of the review. A page line ending in a heading word but going on (改革任务 / ，加大…, 主要目标 / 是：…)
        // stays joined.
        string line = new('字', 20);
        string page = "一、2025年工作回顾\n" + string.Join('\n', Enumerable.Repeat(line, 24)) + "。\n";
        string text = page + "“十五五”时期主要目标和2026年重点工作\n粮食产量稳定在700亿斤以上。\n";
        Assert.InRange(ReportText.WrapWidth(text) ?? 0, 36, 44);
        Fact grain = Assert.Single(FactExtractor.Extract(text));
        Assert.True(grain.IsTarget, grain.ToString());
        Assert.NotEqual("2025", grain.PeriodText);

        string goesOn = page + "我们按照“十二五”规划提出的改革任务\n，粮食产量稳定在700亿斤以上。\n";
        Assert.Equal("2025", Assert.Single(FactExtractor.Extract(goesOn, new ExtractionOptions { Year = 2026 })).PeriodText);
    }

    [Fact]
    public void All_edits_at_once_change_no_fact() =>
        ForEachSeed(0, (text, spans, random) =>
        {
            LayoutVariant a = LayoutVariants.BreakLines(text, spans, random, 30);
            LayoutVariant b = LayoutVariants.AddSpaces(a.Text, Remap(spans, a), random, 30);
            LayoutVariant c = LayoutVariants.SwapWidths(b.Text, random, 0.5);
            return new LayoutVariant(c.Text, [.. a.Map.Select(i => b.Map[i])]);
        });

    [Fact]
    public void The_samples_hold_the_facts_the_properties_protect()
    {
        // The properties compare facts: they must have some to compare, of every kind.
        IReadOnlyList<Fact> facts = FactExtractor.Extract(ReportSamples.Provincial);
        Assert.True(facts.Count >= 40, $"{facts.Count} facts");
        Assert.Contains(facts, f => f.Kind == Measure.Change);
        Assert.Contains(facts, f => f.Kind == Measure.Growth && f.Plan is not null);
        Assert.Contains(facts, f => f.IsTarget && f.Period.Year == 2026);
        Assert.True(FactExtractor.Extract(ReportSamples.National).Count >= 15);
    }

    private static void ForEachSeed(int sample, Func<string, IReadOnlyList<(int, int)>, Random, LayoutVariant> edit)
    {
        string text = ReportSamples.All[sample];
        IReadOnlyList<(int, int)> spans = [.. FactExtractor.Extract(text).Select(f => (f.Start, f.End))];
        Gen.Int[1, int.MaxValue].Array[25].Sample(seeds =>
        {
            foreach (int seed in seeds)
                Same(text, edit(text, spans, new Random(seed)), $"seed {seed}");
        }, seed: Seed, iter: 1, threads: 1);
    }

    private static IReadOnlyList<(int, int)> Remap(IReadOnlyList<(int Start, int End)> spans, LayoutVariant v) =>
        [.. spans.Select(s => (v.Map[s.Start], v.Map[s.End]))];

    private static void Same(string text, LayoutVariant variant, string what, string? ignored = null)
    {
        string[] want = [.. FactExtractor.Extract(text).Select(f => Key(f, f.Start, f.End, ignored))];
        string[] got = [.. FactExtractor.Extract(variant.Text).Select(f => Key(f, variant.ToOriginal(f.Start), variant.ToOriginal(f.End - 1) + 1, ignored))];
        if (want.SequenceEqual(got)) return;
        string first = want.Zip(got).Where(p => p.First != p.Second).Select(p => $"{p.First}\n  became {p.Second}").FirstOrDefault()
            ?? $"{want.Length} facts became {got.Length}";
        Assert.Fail($"{what}: {first}\n--- text ---\n{variant.Text}");
    }

    private static string Key(Fact f, int start, int end, string? ignored = null)
    {
        string key = string.Create(CultureInfo.InvariantCulture,
            $"{f.Subject}|{f.PeriodText}|{f.Kind}|{f.Value.Value:R}|{f.Value.Unit.Symbol}|{f.Qualifier}|{f.IsTarget}|{f.Note}|{start}-{end}|{f.Text}");
        return ignored is null ? key : key.Replace(ignored, "", StringComparison.Ordinal);
    }
}
