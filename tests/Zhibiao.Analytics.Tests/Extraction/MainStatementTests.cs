using System.Globalization;
using Zhibiao.Analytics.Extraction;

using CsCheck;

namespace Zhibiao.Analytics.Tests.Extraction;

/// <summary>
/// The main-targets statement found by its structure (issue 29): the key phrase with qualifiers anywhere before it,
/// broken over two lines (a heading, then 是：…), a heading with the list on the lines below, a list running over
/// several sentences; and the main targets unchanged by layout (line breaks, spaces, widths, numbering, qualifiers).
/// The texts are written for the tests in the style of the reports.
/// </summary>
public class MainStatementTests
{
    private const string Head = "2026年某某省政府工作报告\n一、2025年工作回顾\n全省地区生产总值增长5.1%，城镇新增就业52万人。\n二、2026年工作安排\n";

    private static readonly string[] Three = ["gdp_growth about 5", "surveyed_unemployment about 5.5", "cpi about 2"];

    [Theory]
    [InlineData("今年经济社会发展主要预期目标是：地区生产总值增长5%左右，城镇调查失业率5.5%左右，居民消费价格涨幅2%左右。\n")]
    [InlineData("今年全省经济社会发展主要预期目标\n是：地区生产总值增长5%左右，城镇调查失业率5.5%左右，居民消费价格涨幅2%左右。\n")]
    [InlineData("综合考虑各方面因素，全省主要经济预期目标为：地区生产总值增长5%左右，城镇调查失业率5.5%左右，居民消费价格涨幅2%左右。\n")]
    [InlineData("今年主要预期目标建议为：地区生产总值增长5%左右；城镇调查失业率5.5%左右；居民消费价格涨幅2%左右。\n")]
    [InlineData("（一）主要预期目标\n1.地区生产总值增长5%左右；\n2.城镇调查失业率5.5%左右；\n3.居民消费价格涨幅2%左右。\n（二）重点工作\n规上工业增加值增长7%。\n")]
    [InlineData("主要预期目标是：地区生产总值增长5%左右。城镇调查失业率5.5%左右。居民消费价格涨幅2%左右。这些目标兼顾了需要和可能。规上工业增加值增长7%。\n")]
    [InlineData("（三）预期目标。地区生产总值增长5%左右，城镇调查失业率5.5%左右，居民消费价格涨幅2%左右。\n（四）重点工作。规上工业增加值增长7%。\n")]
    [InlineData("2.主要预期目标。地区生产总值增长5%左右；城镇调查失业率5.5%左右；居民消费价格涨幅2%左右。\n")]
    [InlineData("经济社会发展主要预期目标：\n地区生产总值增长5%左右，城镇调查失业率5.5%左右，居民消费价格涨幅2%左右。\n重点做好以下工作：\n规上工业增加值增长7%。\n")]
    [InlineData("建议今年主要预期目标如下：\n\n地区生产总值增长：5%左右\n城镇调查失业率：5.5%左右\n居民消费价格涨幅：2%左右\n\n（二）重点工作\n规上工业增加值增长7%。\n")]
    public void The_statement_is_found_by_its_structure(string plan)
    {
        RegionTargets r = ProvincialBoard.Read(Head + plan, "moumou-2026.txt", 2026);
        Assert.Null(r.Note);
        Assert.Equal(Three, r.Main.Select(Row));
    }

    [Theory]
    [InlineData("今年主要预期目标是：一是地区生产总值增长5%左右。这个目标同发展的需要相适应。二是城镇调查失业率5.5%左右。三是居民消费价格涨幅2%左右。\n")]
    [InlineData("今年主要预期目标：（一）地区生产总值增长5%左右。这样安排，留有余地。（二）城镇调查失业率5.5%左右。作出这个安排，是为了稳就业。（三）居民消费价格涨幅2%左右。这些安排兼顾需要与可能。规上工业增加值增长7%。\n")]
    [InlineData("主要预期目标为：1.地区生产总值增长5%左右。考虑了各方面的因素。2.城镇调查失业率5.5%左右；3.居民消费价格涨幅2%左右。\n")]
    [InlineData("今年主要预期目标是：一是地区生产总值增长5%左右。这个目标是积极的。二是生态环境质量持续改善。三是城镇调查失业率5.5%左右。四是居民消费价格涨幅2%左右。\n")]
    public void A_numbered_list_goes_on_over_sentences_explaining_its_items(string plan)
    {
        // Each item followed by a sentence explaining it: the statement goes on at the next item of the same sequence
        // (an item without a figure moves the sequence on); a sentence with a figure after the last item is not an item.
        RegionTargets r = ProvincialBoard.Read(Head + plan, "moumou-2026.txt", 2026);
        Assert.Equal(Three, r.Main.Select(Row));
    }

    [Theory]
    [InlineData("今年主要预期目标是：一是地区生产总值增长5%左右。这个目标同发展的需要相适应。三是城镇调查失业率5.5%左右。\n")]
    [InlineData("今年主要预期目标是：一是地区生产总值增长5%左右。这个目标同发展的需要相适应。（二）城镇调查失业率5.5%左右。\n")]
    [InlineData("今年主要预期目标是：一是地区生产总值增长5%左右。这个目标同发展的需要相适应。\n二是城镇调查失业率5.5%左右。\n")]
    [InlineData("今年主要预期目标是：地区生产总值增长5%左右。这个目标同发展的需要相适应。二是城镇调查失业率5.5%左右。\n")]
    public void Only_the_next_item_of_the_same_sequence_in_the_paragraph_goes_on(string plan)
    {
        // A skipped number, another numbering style, a new paragraph, or a statement that opened no list: the statement
        // ends at the sentence without a figure.
        RegionTargets r = ProvincialBoard.Read(Head + plan, "moumou-2026.txt", 2026);
        Assert.Equal(["gdp_growth about 5"], r.Main.Select(Row));
    }

    [Theory]
    [InlineData("今年主要预期目标建议为：地区生产总值增长5%左右。作出这样的安排，主要是为了稳定预期。城镇调查失业率5.5%左右，居民消费价格涨幅2%左右。\n")]
    [InlineData("主要预期目标是：地区生产总值增长5%左右。这一增速兼顾了需要与可能。经过努力是可以实现的。城镇调查失业率5.5%左右；居民消费价格涨幅2%左右，与全国目标相衔接。\n")]
    [InlineData("建议今年全省地区生产总值增长5%左右，在实际工作中争取更好结果。其他主要预期目标是：城镇调查失业率5.5%左右，居民消费价格涨幅2%左右。\n")]
    [InlineData("全省地区生产总值预期增长5%左右。其余主要目标为：城镇调查失业率5.5%左右，居民消费价格涨幅2%左右。\n")]
    public void A_list_without_markers_is_read_whole_around_its_asides(string plan)
    {
        // A list without markers resumes after sentences explaining its first target, at a sentence that is a list of figures
        // again; a key phrase of the other targets (其他, 其余) takes its first target from the sentence before it.
        RegionTargets r = ProvincialBoard.Read(Head + plan, "moumou-2026.txt", 2026);
        Assert.Equal(Three, r.Main.Select(Row));
    }

    [Theory]
    [InlineData("主要预期目标是：地区生产总值增长5%左右。这一目标是积极的。今年城镇调查失业率5.5%左右，居民消费价格涨幅2%左右。\n")]
    [InlineData("主要预期目标是：地区生产总值增长5%左右。这一目标是积极的。\n城镇调查失业率5.5%左右，居民消费价格涨幅2%左右。\n")]
    [InlineData("主要预期目标是：地区生产总值增长5%左右。这一目标是积极的。全面完成各项任务，城镇调查失业率5.5%左右，居民消费价格涨幅2%左右。\n")]
    [InlineData("主要预期目标是：地区生产总值增长5%左右。这一目标是积极的。它同规划相衔接。它留有余地。它可以实现。城镇调查失业率5.5%左右，居民消费价格涨幅2%左右。\n")]
    [InlineData("主要预期目标是：地区生产总值增长5%左右。这一目标是积极的。城镇调查失业率5.5%左右，稳就业，保民生，防风险。\n")]
    public void A_list_without_markers_resumes_only_at_a_list_of_figures_nearby(string plan)
    {
        // Not after a sentence opening with a time word, in a new paragraph, after a first clause without a figure, past
        // three sentences without figures, or at a sentence with fewer than half its clauses holding figures.
        RegionTargets r = ProvincialBoard.Read(Head + plan, "moumou-2026.txt", 2026);
        Assert.Equal(["gdp_growth about 5"], r.Main.Select(Row));
    }

    [Fact]
    public void Other_targets_take_no_sentence_from_the_paragraph_before()
    {
        RegionTargets r = ProvincialBoard.Read(Head + "全省地区生产总值增长5%左右。\n其他主要预期目标是：城镇调查失业率5.5%左右，居民消费价格涨幅2%左右。\n", "moumou-2026.txt", 2026);
        Assert.Equal(["surveyed_unemployment about 5.5", "cpi about 2"], r.Main.Select(Row));
    }

    [Fact]
    public void A_report_in_full_width_digits_keeps_its_targets_and_outcomes()
    {
        // Issue 32: full-width digits turned 2025 targets into 2024 outcomes.
        const string text = "２０２５年某某省政府工作报告\n一、２０２４年工作回顾\n地区生产总值增长５．１％。\n二、２０２５年工作安排\n" +
            "主要预期目标是：地区生产总值增长５％左右，城镇调查失业率５．５％左右，居民消费价格涨幅２％左右。\n";
        RegionTargets r = ProvincialBoard.Read(text, "moumou.txt");
        Assert.Equal(2025, r.Content.Year);
        Assert.Equal(Three, r.Main.Select(Row));
        Assert.Equal(5.1, ProvincialBoard.Latest(r.Content, "gdp_growth")!.Value.Value, 9);
        IReadOnlyList<Fact> facts = FactExtractor.Extract(text);
        Assert.All(facts.Skip(1), f => Assert.True(f.IsTarget && f.Period.Year == 2025, f.ToString()));
    }

    [Fact]
    public void Main_targets_do_not_change_with_the_layout()
    {
        string text = ReportSamples.Provincial;
        string[] want = [.. ProvincialBoard.Read(text, "moumou-2026.txt").Main.Select(Row)];
        Assert.Equal(8, want.Length);
        IReadOnlyList<(int, int)> spans = [.. FactExtractor.Extract(text).Select(f => (f.Start, f.End))];
        Gen.Int[1, int.MaxValue].Array[12].Sample(seeds =>
        {
            foreach (int seed in seeds)
            {
                var random = new Random(seed);
                LayoutVariant[] variants =
                [
                    LayoutVariants.BreakLines(text, spans, random, 40), LayoutVariants.AddSpaces(text, spans, random, 40),
                    LayoutVariants.SwapWidths(text, random, 0.5), LayoutVariants.Renumber(text), LayoutVariants.QualifyKeyPhrase(text, "全省"),
                    LayoutVariants.Wrap(text, spans, 32 + random.Next(24)), LayoutVariants.SpaceParagraphs(text),
                ];
                foreach (LayoutVariant v in variants)
                    Assert.Equal(want, ProvincialBoard.Read(v.Text, "moumou-2026.txt").Main.Select(Row));
            }
        }, seed: "0N0XIzNsQ0O2", iter: 1, threads: 1);
    }

    [Fact]
    public void A_sentence_that_only_ends_in_the_key_phrase_is_not_a_run_in_heading()
    {
        // Only a numbered heading closed by a full stop opens the statement on its own line (（二）主要目标。…).
        RegionTargets r = ProvincialBoard.Read(Head + "全力以赴完成全年主要目标。规上工业增加值增长7%，服务业增加值增长6%，进出口增长3%。\n", "moumou-2026.txt", 2026);
        Assert.Empty(r.Main);
        Assert.StartsWith("no main-targets statement found", r.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_review_of_the_targets_or_a_plan_period_list_is_not_the_statement()
    {
        const string text = "2026年某某省政府工作报告\n一、2025年工作回顾\n全年经济社会发展主要目标任务顺利完成，地区生产总值增长5.1%，增速高于预期目标。\n" +
            "二、“十五五”时期的主要目标任务\n“十五五”时期主要目标是：地区生产总值年均增长5%左右。\n三、2026年工作安排\n坚持稳中求进。\n";
        RegionTargets r = ProvincialBoard.Read(text, "moumou-2026.txt");
        Assert.Empty(r.Main);
        Assert.StartsWith("no main-targets statement found", r.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sentence_after_a_statement_of_running_text_is_not_one_of_its_items()
    {
        // The list is a paragraph of running text closed by a full stop; the line after it, without a marker, is a sentence
        // of its own (its figure a target of the year, not a main one).
        const string plan = "今年经济社会发展的预期目标，一是地区生产总值增长5%左右，二是城镇调查失业率5.5%左右，三是居民消费价格涨幅2%左右，同时坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，统筹发展和安全。\n" +
            "力争全年社会消费品零售总额增长5%左右。\n";
        Assert.True(plan.IndexOf('\n', StringComparison.Ordinal) > 80);
        RegionTargets r = ProvincialBoard.Read(Head + plan, "moumou-2026.txt", 2026);
        Assert.Equal(Three, r.Main.Select(Row));
    }

    [Fact]
    public void A_report_printed_without_its_title_is_read_from_its_opening_and_byline()
    {
        // No 政府工作报告 anywhere: the opening every report has (向大会报告工作) says what it is, the byline whose region.
        const string text = "——2026年1月25日在省十四届人大五次会议上\n山东省省长 周某\n各位代表：\n现在，我代表省人民政府，向大会报告工作，请予审议。\n" +
            "一、2025年工作回顾\n全省生产总值增长5.5%。\n二、今年工作安排\n全省经济社会发展的主要预期目标是：地区生产总值增长5%左右，城镇调查失业率5.5%左右，居民消费价格涨幅2%左右。\n";
        RegionTargets r = ProvincialBoard.Read(text, "report.txt");
        Assert.Equal("山东省", r.Region);
        Assert.Equal(2026, r.Content.Year);
        Assert.Equal(Three, r.Main.Select(Row));
    }

    [Fact]
    public void A_long_report_reads_like_its_parts()
    {
        // Issue 32: the board was quadratic on a long report (7 MB: 20 s). About 1.5 MB here: the same main targets, and
        // every copy's facts; a reading that went back over the text for each figure would not finish in the suite's time.
        string one = ReportSamples.Provincial;
        string text = string.Concat(Enumerable.Repeat(one, 1_500_000 / (one.Length * 3) + 1));
        RegionTargets r = ProvincialBoard.Read(text, "moumou-2026.txt");
        Assert.Equal(ProvincialBoard.Read(one, "moumou-2026.txt").Main.Select(Row), r.Main.Select(Row));
        int copies = text.Length / one.Length;
        Assert.Equal(copies * FactExtractor.Extract(one).Count, FactExtractor.Extract(text).Count);
    }

    private static string Row(Target t) => string.Create(CultureInfo.InvariantCulture,
        $"{t.IndicatorId} {Target.ToToken(t.Wording)} {t.Value.Value}{(t.High is { } h ? "-" + h.Value.ToString(CultureInfo.InvariantCulture) : "")}");
}
