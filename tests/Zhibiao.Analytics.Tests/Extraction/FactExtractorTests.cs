using System.Text;
using Zhibiao.Analytics.Extraction;

namespace Zhibiao.Analytics.Tests.Extraction;

public class FactExtractorTests
{
    [Fact]
    public void Spans_count_code_points_not_utf16_units()
    {
        // 𠀀 (U+20000) is one character but two UTF-16 units: offsets after it are one less than string indices.
        string text = "2024年工作回顾\n𠀀粮食产量4440万吨。";
        Fact f = Assert.Single(FactExtractor.Extract(text));
        int utf16 = text.IndexOf("4440", StringComparison.Ordinal);
        Assert.Equal(utf16 - 1, f.Start);
        Assert.Equal(utf16 - 1 + "4440万吨".Length, f.End);
        Assert.Equal("chars 15-21", f.Address);
    }

    [Fact]
    public void Year_option_overrides_headings_and_places_text_without_headings_in_the_review()
    {
        Fact f = Assert.Single(FactExtractor.Extract("粮食产量4440万吨。", new ExtractionOptions { Year = 2031 }));
        Assert.Equal(Period.OfYear(2030), f.Period);
        Assert.False(f.IsTarget);
        Fact g = Assert.Single(FactExtractor.Extract("2025年工作安排\n粮食产量4440万吨。", new ExtractionOptions { Year = 2031 }));
        Assert.Equal(Period.OfYear(2031), g.Period);
        Assert.True(g.IsTarget);
    }

    [Fact]
    public void Report_year_comes_from_the_review_heading_when_there_is_no_plan_heading()
    {
        Fact f = Assert.Single(FactExtractor.Extract("2023年工作回顾\n粮食产量4440万吨。"));
        Assert.Equal(Period.OfYear(2023), f.Period);
    }

    [Fact]
    public void Figures_without_a_known_year_are_an_error_that_says_what_to_do()
    {
        var e = Assert.Throws<AnalyticsException>(() => FactExtractor.Extract("粮食产量4440万吨。"));
        Assert.Contains("--year", e.Message, StringComparison.Ordinal);
        Assert.Empty(FactExtractor.Extract("没有数字的文字。"));
    }

    [Fact]
    public void Forecasts_and_targets_carry_their_word_as_note()
    {
        IReadOnlyList<Fact> facts = FactExtractor.Extract("2024年工作回顾\n预计全年增长6%。\n2025年工作安排\n力争接待游客3亿人次。");
        Assert.Equal(["预计", "力争"], facts.Select(f => f.Note));
        Assert.Equal([false, true], facts.Select(f => f.IsTarget));
    }

    [Fact]
    public void A_plan_heading_that_says_今年_plans_the_report_year()
    {
        // Without a year in it (三、今年重点工作安排), the heading still opens the plan of the year: its figures are targets.
        IReadOnlyList<Fact> facts = FactExtractor.Extract("一、2025年工作回顾\n粮食产量增长2%。\n三、今年重点工作安排\n城镇新增就业45万人，规上工业增加值增长6%。");
        Assert.Equal([false, true, true], facts.Select(f => f.IsTarget));
        Assert.Equal([2025, 2026, 2026], facts.Select(f => f.Period.Year));
    }

    [Fact]
    public void Implied_growth_of_a_forecast_is_derived_in_the_join()
    {
        Fact f = Assert.Single(FactExtractor.Extract("2024年工作回顾\n快递业务量增长39.2%。"));
        Assert.Equal(Measure.Growth, f.Kind);
        Assert.Equal("39.2%", f.Value.ToWrittenString());
    }

    [Fact]
    public void ReadReport_reads_utf8_and_normalises_line_breaks_like_python()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, [.. new UTF8Encoding(true).GetPreamble(), .. Encoding.UTF8.GetBytes("2024年工作回顾\r\n粮食产量4440万吨。\r")]);
            string text = FactExtractor.ReadReport(path);
            Assert.Equal("\uFEFF2024年工作回顾\n粮食产量4440万吨。\n", text);
            Fact f = Assert.Single(FactExtractor.Extract(text));
            Assert.Equal("4440万吨", text[f.Start..f.End]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ReadReport_rejects_bytes_that_are_not_utf8_with_one_line()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, [0xC1, 0xB8, 0xCA, 0xB3, 0x34, 0x34, 0x34, 0x30]); // GBK text
            var e = Assert.Throws<AnalyticsException>(() => FactExtractor.ReadReport(path));
            Assert.Contains("not UTF-8", e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', e.Message);
            File.WriteAllBytes(path, [0x41, 0x00, 0x42]);
            Assert.Contains("NUL", Assert.Throws<AnalyticsException>(() => FactExtractor.ReadReport(path)).Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ReadReport_names_a_missing_file()
    {
        var e = Assert.Throws<AnalyticsException>(() => FactExtractor.ReadReport("/nonexistent/report.txt"));
        Assert.Equal("/nonexistent/report.txt: report not found", e.Message);
    }

    [Theory]
    [InlineData("新增202.9万亩", 6, 0)]
    [InlineData("绿电、绿证交易规模", 2, 2)]
    public void Respectively_lists_split_into_subjects_sharing_the_last_head(string core, int n, int expected)
    {
        string[]? parts = SentenceReader.SplitSubjects(core, n);
        Assert.Equal(expected, parts?.Length ?? 0);
    }

    [Theory]
    [InlineData("到2027年力争", 6)]
    [InlineData("2021—2025年累计", 10)]
    [InlineData("截至2024年底全区", 8)]
    [InlineData("2024亿元", 0)]
    [InlineData("到202", 0)]
    [InlineData("“十四五”期间全区", 7)]
    [InlineData("十三五时期", 5)]
    [InlineData("十四五规划", 0)]
    public void Year_phrases_at_the_start_of_a_subject_are_measured(string text, int length) =>
        Assert.Equal(length, SentenceReader.YearPhrase(text));
}
