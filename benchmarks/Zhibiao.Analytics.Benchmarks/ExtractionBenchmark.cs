using System.Text;
using Zhibiao.Analytics.Extraction;
using BenchmarkDotNet.Attributes;

namespace Zhibiao.Analytics.Benchmarks;

/// <summary>
/// Linear time of the fact extractor and of the report reader behind board and extract-series: the same kind of text
/// at 1, 4 and 10 MB (UTF-8) should take time in proportion.
/// Two texts: report-like prose (headings, sentences with a few figures each) and a worst case of one sentence with
/// no clause break and a figure every few characters. Built from hand-made phrases, not from any report.
/// Run: dotnet run -c Release --project benchmarks/Zhibiao.Analytics.Benchmarks -- --filter '*Extraction*'
/// </summary>
[MemoryDiagnoser]
public class ExtractionBenchmark
{
    private static readonly string[] Prose =
    [
        "全区棉花播种面积3600万亩、新增12.5万亩，粮食增产8.5亿斤，总产400亿斤。",
        "地区生产总值达到2.1万亿元、增长6.1%，居民消费价格上涨0.3%。",
        "全力推进纺织服装全产业链发展，产值超1500亿元，吸纳就业60余万人。",
        "风电、光伏发电量分别增长12%、35%，新型储能装机近500万千瓦。",
        "坚持以人民为中心的发展思想，持续深化改革，扩大高水平开放，推动经济社会高质量发展。",
        "创建12个国家级示范村，全市8家医院实现150项检查结果互认。",
    ];

    private string _text = "";

    /// <summary>Size of the text in MB of UTF-8.</summary>
    [Params(1, 4, 10)]
    public int Megabytes { get; set; }

    /// <summary>prose or dense.</summary>
    [Params("prose", "dense")]
    public string Kind { get; set; } = "prose";

    [GlobalSetup]
    public void Setup() => _text = Build(Kind, Megabytes * 1_000_000);

    [Benchmark]
    public int Extract() => FactExtractor.Extract(_text).Count;

    /// <summary>
    /// The path of <c>board</c> and <c>extract-series</c>: facts, the main-targets statement, targets, outcomes and verdicts
    /// (issue 32: it was quadratic, 7 MB in 20 s against 3 s for the facts alone).
    /// </summary>
    [Benchmark]
    public int ReadReport() => Zhibiao.Analytics.Extraction.ReportReader.Read(_text, "benchmark-2025.txt", 2025).Targets.Count;

    /// <summary>A text of about <paramref name="bytes"/> UTF-8 bytes.</summary>
    public static string Build(string kind, int bytes)
    {
        var sb = new StringBuilder("政府工作报告\n2024年工作回顾\n");
        int size = Encoding.UTF8.GetByteCount(sb.ToString());
        for (int i = 0; size < bytes; i++)
        {
            string piece = kind == "dense" ? "面积4440万亩、新增202.9万亩增长10.6%一半以上三百万吨十四五" : Prose[i % Prose.Length] + (i % 7 == 6 ? "\n" : "");
            if (kind == "prose" && i % 5000 == 2500) piece = "2025年工作安排\n" + piece;
            sb.Append(piece);
            size += Encoding.UTF8.GetByteCount(piece);
        }

        return sb.ToString();
    }
}
