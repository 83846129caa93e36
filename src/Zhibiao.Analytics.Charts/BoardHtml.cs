using System.Globalization;
using System.Net;
using System.Text;
using Zhibiao.Analytics.Data;
using Zhibiao.Analytics.Probability;
using Zhibiao.Analytics.Extraction;

namespace Zhibiao.Analytics.Charts;

/// <summary>
/// The provincial board as one self-contained HTML page: regions × indicators, each cell the target as written with
/// its P(met) and the IPCC likelihood words (<see cref="LikelihoodScale"/>), coloured by them; a click on a column
/// heading sorts the rows (a few lines of inline script, no external resources).
/// </summary>
public static class BoardHtml
{
    /// <summary>The cell colours of the IPCC categories, from exceptionally unlikely to virtually certain.</summary>
    public static IReadOnlyDictionary<Likelihood, string> Colours { get; } = new Dictionary<Likelihood, string>
    {
        [Likelihood.ExceptionallyUnlikely] = "#b2182b",
        [Likelihood.VeryUnlikely] = "#d6604d",
        [Likelihood.Unlikely] = "#f4a582",
        [Likelihood.AboutAsLikelyAsNot] = "#f7f7c5",
        [Likelihood.Likely] = "#c7e9c0",
        [Likelihood.VeryLikely] = "#74c476",
        [Likelihood.VirtuallyCertain] = "#238b45",
    };

    /// <summary>Writes the page (UTF-8), all or nothing (<see cref="AtomicFile"/>).</summary>
    /// <exception cref="AnalyticsException">The file cannot be written.</exception>
    public static void Write(ProvincialBoard board, string path) => AtomicFile.WriteText(path, w => w.Write(Render(board)));

    /// <summary>The page as a string.</summary>
    public static string Render(ProvincialBoard board)
    {
        ArgumentNullException.ThrowIfNull(board);
        var columns = ProvincialBoard.Indicators.Where(id => board.Rows.Any(r => r.Indicator.Id == id)).ToList();
        int year = board.Regions.Count > 0 ? board.Regions.Max(r => r.Content.Year) : 0;
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.Append(Inv($"<title>{year} targets of the regions: P(met)</title>\n"));
        sb.Append("<style>\nbody{font-family:'WenQuanYi Micro Hei','Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:1em;color:#222}table{border-collapse:collapse;font-size:13px}"
            + "th,td{border:1px solid #bbb;padding:3px 5px;text-align:center;white-space:nowrap}th{background:#eee;cursor:pointer;position:sticky;top:0}"
            + "td.region{text-align:left;font-weight:bold}td .p{font-size:11px;color:#333}td.none{background:#fafafa;color:#aaa}"
            + ".legend span{display:inline-block;padding:2px 6px;margin-right:4px;border:1px solid #bbb;font-size:12px}\n</style>\n</head>\n<body>\n");
        sb.Append(Inv($"<h1>{year} main targets of {board.Regions.Count} regions and the probability each is met</h1>\n"));
        sb.Append("<p>Each cell: the target as the region's report states it, P(met) and its IPCC likelihood words. Click a column heading to sort. "
            + "P(met) pools a forecast from last year's outcome (spread of changes pooled across regions and the national history) with the national target setters' track record.</p>\n");
        sb.Append("<p class=\"legend\">");
        foreach ((Likelihood l, string colour) in Colours)
            sb.Append(Inv($"<span style=\"background:{colour}\">{l.ToWords()}</span>"));
        sb.Append("</p>\n<table id=\"board\">\n<thead><tr><th data-col=\"0\">region</th>");
        for (int c = 0; c < columns.Count; c++)
            sb.Append(Inv($"<th data-col=\"{c + 1}\" title=\"{Esc(ReportIndicators.Find(columns[c])!.Indicator.NameEn)}\">{Esc(ReportIndicators.Find(columns[c])!.Indicator.NameZh)}<br>{Esc(columns[c])}</th>"));
        sb.Append(Inv($"<th data-col=\"{columns.Count + 1}\">mean P(met)</th></tr></thead>\n<tbody>\n"));
        foreach (RegionTargets region in board.Regions)
        {
            var rows = board.Rows.Where(r => r.Region == region.Region && r.Target.Source.Document == region.File).ToList();
            sb.Append(Inv($"<tr><td class=\"region\" data-sort=\"{Esc(region.Region)}\"{(region.Note is null ? "" : $" title=\"{Esc(region.Note)}\"")}>{Esc(region.Region)}</td>"));
            foreach (string id in columns)
            {
                if (rows.FirstOrDefault(r => r.Indicator.Id == id) is not { } row)
                {
                    sb.Append("<td class=\"none\" data-sort=\"-1\">–</td>");
                    continue;
                }

                double p = row.Judgement.ProbabilityMet ?? double.NaN;
                if (double.IsNaN(p))
                {
                    sb.Append(Inv($"<td class=\"none\" data-sort=\"-1\" title=\"{Esc(row.Judgement.Unassessed ?? "")}\">{Esc(Written(row.Target))}<br><span class=\"p\">no P(met)</span></td>"));
                    continue;
                }

                Likelihood l = LikelihoodScale.Of(Math.Clamp(p, 0, 1));
                string latest = row.Latest is { } f ? $"; {f.Period}: {f.Value.ToWrittenString()}" : "";
                sb.Append(Inv($"<td style=\"background:{Colours[l]}\" data-sort=\"{p:0.0000}\" title=\"{Esc(row.Target.Source.Subject ?? "")} {Esc(Written(row.Target))}{Esc(latest)}; {l.ToWords()}; status {row.Judgement.Tracking.Status.ToWords()}\">"));
                sb.Append(Inv($"{Esc(Written(row.Target))}<br><span class=\"p\">{p * 100:0}% {l.ToWords()}</span></td>"));
            }

            var ps = rows.Select(r => r.Judgement.ProbabilityMet).OfType<double>().ToList();
            double mean = ps.Count == 0 ? -1 : ps.Average();
            sb.Append(Inv($"<td data-sort=\"{mean:0.0000}\">{(rows.Count == 0 ? "no main targets found" : ps.Count == 0 ? "–" : $"{mean * 100:0}%")}</td></tr>\n"));
        }

        sb.Append("</tbody>\n</table>\n");
        sb.Append("<script>\nfor(const th of document.querySelectorAll('#board th')){th.addEventListener('click',()=>{"
            + "const c=+th.dataset.col,b=document.querySelector('#board tbody'),rs=[...b.rows],down=th.dataset.dir!=='down';"
            + "rs.sort((x,y)=>{const a=x.cells[c].dataset.sort,z=y.cells[c].dataset.sort;const r=c===0?a.localeCompare(z,'zh'):(+a)-(+z);return down?-r:r;});"
            + "th.dataset.dir=down?'down':'up';for(const r of rs)b.appendChild(r);});}\n</script>\n</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>The target as written with its wording: 5%左右, 5%–5.5%, 68万人以上, 5%以内.</summary>
    public static string Written(Target target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Written + target.Wording switch
        {
            TargetWording.About => "左右",
            TargetWording.AtLeast => "以上",
            TargetWording.AtMost => "以内",
            _ => "",
        };
    }

    private static string Esc(string s) => WebUtility.HtmlEncode(s);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
