using System.Text;
using Zhibiao.Analytics.Cli;

namespace Zhibiao.Analytics.Tests.Cli;

public sealed class ExtractCommandTests : IDisposable
{
    private const string Indicators =
        "id,name_zh,name_en,unit,frequency,direction,kind\n" +
        "rail_freight,铁路货物发送量,rail freight,吨,yearly,higher,flow\n" +
        "tourists,接待游客,tourist arrivals,人次,yearly,higher,flow\n";

    private readonly string _dir = Directory.CreateTempSubdirectory().FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = AnalyticsCli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string Report(string railFreight) => Write("report.txt",
        $"2024年工作回顾\n全年铁路货物发送量{railFreight}亿吨、增长10.6%，全市8家医院投用。\n2025年工作安排\n力争接待游客3.2亿人次。\n");

    [Fact]
    public void Csv_output_has_the_scorer_columns_and_one_row_per_fact()
    {
        var (code, output, _) = Run("extract", Report("2.37"), "--format", "csv");
        Assert.Equal(0, code);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("subject,period,kind,value,unit,qualifier,is_target,start,end,text", lines[0]);
        Assert.Equal("铁路货物发送量,2024,level,237000000,吨,exact,false,19,25,全年铁路货物发送量2.37亿吨", lines[1]);
        Assert.Equal("接待游客,2025,level,320000000,人次,exact,true,60,66,力争接待游客3.2亿人次", lines[^1]);
        Assert.Equal(5, lines.Length);
    }

    [Fact]
    public void Json_output_has_the_same_fields()
    {
        var (code, output, _) = Run("extract", Report("2.37"), "--format", "json", "--year", "2025");
        Assert.Equal(0, code);
        Assert.Contains("\"is_target\": true", output, StringComparison.Ordinal);
        Assert.Contains("\"value\": 237000000", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_input_is_one_line_on_stderr_and_exit_code_2()
    {
        var (code, _, err) = Run("extract", Path.Combine(_dir, "missing.txt"));
        Assert.Equal((2, 1), (code, err.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length));
        Assert.Contains("report not found", err, StringComparison.Ordinal);

        string gbk = Path.Combine(_dir, "gbk.txt");
        File.WriteAllBytes(gbk, [0xC1, 0xB8, 0xCA, 0xB3]);
        (code, _, err) = Run("extract", gbk);
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", err, StringComparison.Ordinal);
        Assert.Contains("not UTF-8", err, StringComparison.Ordinal);
    }

    [Fact]
    public void To_dataset_merges_and_a_contradiction_writes_nothing_unless_overwrite()
    {
        string data = Path.Combine(_dir, "data");
        Directory.CreateDirectory(data);
        Write("data/indicators.csv", Indicators);
        Write("data/synonyms.csv", "subject,indicator\n全年铁路货物发送量,rail_freight\n");

        var (code, output, err) = Run("extract", Report("2.37"), "--to-dataset", data, "--source", "测试报告");
        Assert.Equal(0, code);
        Assert.Contains("3 added", output, StringComparison.Ordinal);
        Assert.Contains("implied: rail_freight 2023", output, StringComparison.Ordinal);
        Assert.Contains("no indicator for subject '医院投用'", err, StringComparison.Ordinal);
        string observations = File.ReadAllText(Path.Combine(data, "observations.csv"));
        Assert.Contains("rail_freight,2024,level,2.37,亿吨,exact,测试报告,chars 19-25,", observations, StringComparison.Ordinal);
        Assert.Contains("tourists,2025,3.2,亿人次,level,at_least,测试报告,,chars 60-66,力争", File.ReadAllText(Path.Combine(data, "targets.csv")), StringComparison.Ordinal);

        (code, output, _) = Run("extract", Report("2.37"), "--to-dataset", data, "--source", "测试报告");
        Assert.Equal(0, code);
        Assert.Contains("0 added", output, StringComparison.Ordinal);

        (code, _, err) = Run("extract", Report("2.40"), "--to-dataset", data, "--source", "另一报告");
        Assert.Equal(2, code);
        Assert.Contains("conflict: rail_freight 2024 level", err, StringComparison.Ordinal);
        Assert.Equal(observations, File.ReadAllText(Path.Combine(data, "observations.csv")));

        (code, _, _) = Run("extract", Report("2.40"), "--to-dataset", data, "--source", "另一报告", "--overwrite");
        Assert.Equal(0, code);
        Assert.Contains("rail_freight,2024,level,2.40,亿吨,exact,另一报告", File.ReadAllText(Path.Combine(data, "observations.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_synonym_to_an_unknown_indicator_stops_with_exit_code_2()
    {
        string data = Path.Combine(_dir, "data");
        Directory.CreateDirectory(data);
        Write("data/indicators.csv", Indicators);
        Write("data/synonyms.csv", "subject,indicator\n全年铁路货物发送量,rail\n");
        var (code, _, err) = Run("extract", Report("2.37"), "--to-dataset", data);
        Assert.Equal(2, code);
        Assert.Contains("'rail'", err, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(data, "observations.csv")));
    }

    [Fact]
    public void Import_history_adds_rows_and_notes_them_on_figures_held_from_the_report()
    {
        string data = Path.Combine(_dir, "data");
        Directory.CreateDirectory(data);
        Write("data/indicators.csv", Indicators);
        Write("data/synonyms.csv", "subject,indicator\n全年铁路货物发送量,rail_freight\n");
        Assert.Equal(0, Run("extract", Report("2.37"), "--to-dataset", data, "--source", "测试报告").Code);
        string history = Write("history.csv",
            "indicator,name,period,value,unit,qualifier,note,source\n" +
            "rail_freight,铁路货物发送量 (rail freight),2018,1,亿吨,more_than,first time,http://example.org/r\n" +
            "rail,铁路货物发送量 (rail freight),2024,2.37,亿吨,exact,+10.6%,http://example.org/s\n");
        var (code, output, _) = Run("import-history", history, "--to-dataset", data);
        Assert.Equal(0, code);
        Assert.Contains("1 added, 1 noted", output, StringComparison.Ordinal);
        string observations = File.ReadAllText(Path.Combine(data, "observations.csv"));
        Assert.Contains("rail_freight,2018,level,1,亿吨,more_than,example.org,http://example.org/r,first time", observations, StringComparison.Ordinal);
        Assert.Contains("chars 19-25,also 2.37亿吨 per http://example.org/s", observations, StringComparison.Ordinal);

        Write("bad.csv", "indicator,name,period,value,unit,qualifier,note,source\nnothing,无,2020,1,吨,exact,,x\n");
        Assert.Equal(2, Run("import-history", Path.Combine(_dir, "bad.csv"), "--to-dataset", data).Code);
    }
}
