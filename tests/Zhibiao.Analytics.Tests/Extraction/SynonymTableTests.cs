using Zhibiao.Analytics.Extraction;

namespace Zhibiao.Analytics.Tests.Extraction;

public class SynonymTableTests
{
    [Fact]
    public void Subjects_match_without_quotes_spaces_or_full_width_parentheses()
    {
        var table = SynonymTable.Of([new Synonym("“疆电外送”", "power_sent_out"), new Synonym("中欧（中亚）班列", "trains")]);
        Assert.Equal("power_sent_out", table.Find("疆电外送")?.IndicatorId);
        Assert.Equal("trains", table.Find("中欧(中亚) 班列")?.IndicatorId);
        Assert.Null(table.Find("疆电"));
    }

    [Fact]
    public void Indicator_ids_and_chinese_names_are_synonyms_but_table_entries_win()
    {
        var table = SynonymTable.Of([new Synonym("粮食单产", "grain_yield", Units.JinPerMu)]).WithIndicators(FactJoinTests.Indicators);
        Assert.Equal("tourists", table.Find("接待游客")?.IndicatorId);
        Assert.Equal("tourists", table.Find("tourists")?.IndicatorId);
        Assert.Equal(Units.JinPerMu, table.Find("粮食单产")?.Unit);
    }

    [Fact]
    public void Load_reads_a_csv_and_rejects_a_subject_mapped_twice()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "subject,indicator,unit,note\n粮食单产,grain_yield,斤/亩,per mu\n接待游客,tourists,,\n");
            SynonymTable table = SynonymTable.Load(path);
            Assert.Equal(2, table.Entries.Count);
            File.WriteAllText(path, "subject,indicator\n粮食单产,grain_yield\n“粮食单产”,grain_output\n");
            var e = Assert.Throws<DataFormatException>(() => SynonymTable.Load(path));
            Assert.Equal(3, e.Line);
            File.WriteAllText(path, "subject,indicator,unit\n粮食单产,grain_yield,斤每亩\n");
            Assert.Equal("unit", Assert.Throws<DataFormatException>(() => SynonymTable.Load(path)).Column);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
