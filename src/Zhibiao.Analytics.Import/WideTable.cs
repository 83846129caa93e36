using System.Globalization;
using System.Text.RegularExpressions;
using Zhibiao.Analytics.Data;

namespace Zhibiao.Analytics.Import;

/// <summary>
/// Wide tables — one entity (country, region, province) per row, one period per column, as the World Bank's and
/// statistics offices' downloads have them — read from CSV or XLSX into a dataset or the long format.
/// </summary>
/// <remarks>
/// <para>The header is the first row with period columns: 2019, "2019 [YR2019]" (World Bank DataBank), YR2019, 2019年,
/// 2019-Q1 or 2019Q1, 2019-03 or 2019M03; one frequency per table, columns in any order. Rows above it are metadata;
/// an "Indicator:"/指标： or "Unit:"/单位： line there (one cell "key: value", or the key and the value in two cells)
/// names the indicator or unit. Columns before the first period column are labels: an entity code ("Country Code",
/// Code, 代码) and name (Country Name, Country, Region, 地区, or the first other label), an indicator code ("Indicator
/// Code", "Series Code") and name ("Indicator Name", "Series Name", 指标), a unit (Unit, 单位).</para>
/// <para>Below the header: a row whose period cells are all empty is skipped (an empty row, a footnote such as
/// "Source: …", 注：…, "Data from database: …", or an entity without data). An empty cell, "..", "…", "-", "—",
/// ":" or "n/a" is a missing value. Any other cell must be a number ("1,234.5" is 1234.5; a flag after a space, as
/// in "12.3 e", is dropped). A number in a row without an entity, a text that is not a number, an unknown unit, or two
/// rows for the same entity and indicator are errors naming the file, sheet, row and column.</para>
/// <para>Each entity and indicator becomes one series, id <c>INDICATOR.ENTITY</c> (the entity code, or its name).</para>
/// </remarks>
public static partial class WideTable
{
    private static readonly string[] EntityCodeHeaders = ["country code", "code", "iso3", "iso code", "geo", "region code", "area code", "代码", "地区代码"];
    private static readonly string[] EntityNameHeaders = ["country name", "country", "country or area", "economy", "region", "area", "entity", "name", "geo name", "地区", "省份", "地区名称"];
    private static readonly string[] IndicatorCodeHeaders = ["indicator code", "series code", "indicator id", "指标代码"];
    private static readonly string[] IndicatorNameHeaders = ["indicator name", "series name", "indicator", "series", "指标", "指标名称"];
    private static readonly string[] UnitHeaders = ["unit", "units", "unit of measure", "unit of measurement", "单位", "计量单位"];
    private static readonly string[] MissingMarkers = ["", "..", "...", "…", "-", "–", "—", ":", "n/a", "na", "nan", "x", "#n/a"];

    /// <summary>Reads a wide table into a dataset: one indicator per entity and indicator, its figures as reported levels.</summary>
    /// <param name="path">A .csv or .xlsx file.</param>
    /// <param name="options">Sheet, indicator, unit, direction and kind, each winning over what the table says.</param>
    /// <exception cref="DataFormatException">The table cannot be read; the message names the file, sheet, row and column.</exception>
    public static Dataset Read(string path, WideTableOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= WideTableOptions.Default;
        CellGrid grid = CellGrid.Read(path, options.Sheet);
        List<Row> rows = Parse(grid, options);
        var indicators = new List<Indicator>();
        var observations = new List<Observation>();
        var source = new Source(Path.GetFileName(path) + (grid.Sheet is null ? "" : $", sheet {grid.Sheet}"));
        foreach (Row r in rows)
        {
            indicators.Add(r.Indicator);
            foreach ((Period p, string number, int column) in r.Values)
            {
                Quantity q;
                try
                {
                    q = Quantity.Parse(number, r.Unit);
                }
                catch (FormatException)
                {
                    throw grid.Error(r.Line, column, $"'{number}' is not a number");
                }

                var o = new Observation(r.Indicator.Id, p, Measure.Level, q, Qualifier.Exact, source);
                if (r.Indicator.Kind is IndicatorKind.Level or IndicatorKind.Flow && q.Value < 0)
                    throw grid.Error(r.Line, column, $"{number} is negative, but {r.Indicator.Id} is a {Indicator.ToToken(r.Indicator.Kind)} indicator (give the kind rate for values that can be below zero)");
                observations.Add(o);
            }
        }

        try
        {
            return new Dataset(indicators, observations, []);
        }
        catch (AnalyticsException e) when (e is not DataFormatException)
        {
            throw new DataFormatException(path, 0, null, e.Message, e);
        }
    }

    /// <summary>Reads a wide table into long-format series (gaps as NaN), one per entity and indicator, in table order.</summary>
    /// <exception cref="DataFormatException">The table cannot be read; the message names the file, sheet, row and column.</exception>
    public static IReadOnlyList<LongSeries> ReadLong(string path, WideTableOptions? options = null)
    {
        Dataset data = Read(path, options);
        var result = new List<LongSeries>();
        foreach (Indicator ind in data.Indicators)
        {
            Observation[] obs = [.. data.ObservationsOf(ind.Id).OrderBy(o => o.Period)];
            if (obs.Length == 0) continue;
            Period start = obs[0].Period;
            var values = new double[(obs[^1].Period - start) + 1];
            Array.Fill(values, double.NaN);
            foreach (Observation o in obs) values[o.Period - start] = o.Value.Value;
            result.Add(new LongSeries(ind.Id, start, values));
        }

        return result;
    }

    /// <summary>Writes series in the long format (<c>unique_id,ds,y</c>; a gap is an empty y), atomically.</summary>
    public static void WriteLong(IEnumerable<LongSeries> series, string path)
    {
        ArgumentNullException.ThrowIfNull(series);
        AtomicFile.WriteText(path, w =>
        {
            w.Write("unique_id,ds,y\n");
            foreach (LongSeries s in series)
                for (int i = 0; i < s.Values.Length; i++)
                {
                    double y = s.Values.Span[i];
                    w.Write($"{Csv(s.Id)},{s.Start + i},{(double.IsNaN(y) ? "" : y.ToString("R", CultureInfo.InvariantCulture))}\n");
                }
        });
    }

    private static string Csv(string s) => s.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;

    /// <summary>A data row: its series, unit and values with their columns.</summary>
    private sealed record Row(int Line, Indicator Indicator, string Unit, List<(Period Period, string Number, int Column)> Values);

    private static List<Row> Parse(CellGrid grid, WideTableOptions options)
    {
        (int header, Dictionary<int, Period> periods) = FindHeader(grid);
        grid.HeaderRow = header;
        int firstPeriod = periods.Keys.Min();
        var labels = Enumerable.Range(0, firstPeriod).Select(c => (Column: c, Name: grid[header, c].ToLowerInvariant())).Where(l => l.Name.Length > 0).ToList();
        int? Col(string[] names) => labels.Where(l => names.Contains(l.Name)).Select(l => (int?)l.Column).FirstOrDefault();
        int? indCode = Col(IndicatorCodeHeaders), indName = Col(IndicatorNameHeaders), unitCol = Col(UnitHeaders);
        int? entCode = Col(EntityCodeHeaders);
        int? entName = Col(EntityNameHeaders)
            ?? labels.Select(l => (int?)l.Column).FirstOrDefault(c => c != indCode && c != indName && c != unitCol && c != entCode);
        if (entCode is null && entName is null)
            throw grid.Error(header, 0, "no entity column before the first period column (a column such as 'Country Name', 'Country Code', Region or 地区)");

        (string? metaIndicator, string? metaUnit) = Metadata(grid, header);
        var frequency = periods.Values.First().Frequency;
        var rows = new List<Row>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int r = header + 1; r < grid.Rows.Count; r++)
        {
            var values = new List<(Period, string, int)>();
            foreach ((int c, Period p) in periods.OrderBy(kv => kv.Value))
            {
                string cell = grid[r, c];
                if (IsMissing(cell)) continue;
                values.Add((p, Number(grid, r, c, cell, grid[header, c]), c));
            }

            string entity = entCode is { } ec && grid[r, ec].Length > 0 ? grid[r, ec] : entName is { } en ? grid[r, en] : "";
            if (values.Count == 0) continue; // an empty row, a footnote, or an entity without data
            if (entity.Length == 0)
                throw grid.Error(r, entCode ?? entName, "values in a row without an entity");

            string indicatorId = options.Indicator ?? (indCode is { } ic && grid[r, ic].Length > 0 ? grid[r, ic] : null) ?? metaIndicator
                ?? throw grid.Error(r, null, "no indicator: the table has no indicator-code column and no 'Indicator:' line above the header; give the indicator id");
            string indicatorName = options.Name ?? (indName is { } inn && grid[r, inn].Length > 0 ? grid[r, inn] : null) ?? metaIndicator ?? indicatorId;
            string unitText = options.Unit ?? (unitCol is { } uc && grid[r, uc].Length > 0 ? grid[r, uc] : null) ?? metaUnit ?? UnitInName(indicatorName)
                ?? throw grid.Error(r, null, $"no unit for {indicatorId}: the table has no Unit/单位 column or line and its name ends in no unit in brackets; give the unit");
            ScaledUnit unit;
            try
            {
                unit = ScaledUnit.Parse(unitText);
            }
            catch (UnknownUnitException e)
            {
                throw grid.Error(r, options.Unit is null ? unitCol : null, $"unknown unit '{unitText}' ({e.Message})");
            }

            string entityName = entName is { } n2 && grid[r, n2].Length > 0 ? grid[r, n2] : entity;
            string id = $"{indicatorId}.{entity}";
            if (seen.TryGetValue(id, out int before))
                throw grid.Error(r, entCode ?? entName, $"{entity} ({indicatorId}) again; it was on row {before + 1}");
            seen[id] = r;
            IndicatorKind kind = options.Kind ?? (unit.Unit == Units.Percent ? IndicatorKind.Rate : IndicatorKind.Flow);
            string name = $"{indicatorName} — {entityName}";
            var ind = new Indicator(id, name, name, unit.Unit, frequency, options.Direction ?? Direction.HigherIsBetter, kind);
            rows.Add(new Row(r, ind, unitText, values));
        }

        if (rows.Count == 0) throw grid.Error(header, null, "no figures below the header");
        return rows;
    }

    /// <summary>The first row with period columns, and those columns; the rows above are metadata.</summary>
    private static (int Row, Dictionary<int, Period> Periods) FindHeader(CellGrid grid)
    {
        for (int r = 0; r < grid.Rows.Count; r++)
        {
            var periods = new Dictionary<int, Period>();
            bool label = false;
            for (int c = 0; c < grid.Rows[r].Length; c++)
            {
                string cell = grid[r, c];
                if (cell.Length == 0) continue;
                if (ParsePeriod(cell) is { } p) periods[c] = p;
                else if (periods.Count == 0) label = true;
            }

            if (periods.Count == 0 || !label) continue;
            if (periods.Values.Select(p => p.Frequency).Distinct().Count() > 1)
                throw grid.Error(r, periods.Keys.Skip(1).First(), "period columns of different frequencies in one table", grid[r, periods.Keys.Skip(1).First()]);
            foreach (var dup in periods.GroupBy(kv => kv.Value).Where(g => g.Count() > 1))
                throw grid.Error(r, dup.Skip(1).First().Key, $"period {dup.Key} is in two columns", grid[r, dup.Skip(1).First().Key]);
            return (r, periods);
        }

        throw new DataFormatException(grid.File, 0, null, (grid.Sheet is null ? "" : $"sheet '{grid.Sheet}': ") + "no header row with period columns (2019, \"2019 [YR2019]\", 2019年, 2019-Q1, 2019-03)");
    }

    /// <summary>"Indicator: …" and "Unit: …" lines above the header (one cell "key: value", or key and value in two cells).</summary>
    private static (string? Indicator, string? Unit) Metadata(CellGrid grid, int header)
    {
        string? indicator = null, unit = null;
        for (int r = 0; r < header; r++)
        {
            string[] cells = [.. grid.Rows[r].Where(c => c.Length > 0)];
            if (cells.Length == 0) continue;
            string key, value;
            int colon = cells[0].IndexOfAny([':', '：']);
            if (colon > 0 && cells.Length == 1) (key, value) = (cells[0][..colon], cells[0][(colon + 1)..]);
            else if (cells.Length >= 2) (key, value) = (cells[0].TrimEnd(':', '：'), cells[1]);
            else continue;
            key = key.Trim().ToLowerInvariant();
            value = value.Trim();
            if (value.Length == 0) continue;
            if (key is "indicator" or "indicator name" or "series" or "指标" or "指标名称") indicator ??= value;
            else if (UnitHeaders.Contains(key)) unit ??= value;
        }

        return (indicator, unit);
    }

    /// <summary>A period from a column header, or null.</summary>
    internal static Period? ParsePeriod(string header)
    {
        Match m = PeriodHeader().Match(header.Trim());
        if (!m.Success) return null;
        int year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (year is < 1000 or > 2999) return null;
        if (m.Groups["q"].Success) return int.Parse(m.Groups["q"].Value, CultureInfo.InvariantCulture) is var q and >= 1 and <= 4 ? Period.OfQuarter(year, q) : null;
        if (m.Groups["m"].Success) return int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) is var mo and >= 1 and <= 12 ? Period.OfMonth(year, mo) : null;
        return Period.OfYear(year);
    }

    // 2019 | 2019.0 (a number cell) | 2019 [YR2019] | YR2019 | 2019年 | 2019-Q1 2019Q1 2019 Q1 2019年第1季度 | 2019-03 2019M03 2019年3月
    [GeneratedRegex(@"^(?:YR)?(?<y>\d{4})(?:\.0)?(?:\s*\[YR\d{4}\])?(?:年|\s*(?:-|\s)?\s*Q(?<q>\d)|年第(?<q>\d)季度|\s*(?:-|M)(?<m>\d{1,2})|年(?<m>\d{1,2})月)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PeriodHeader();

    private static bool IsMissing(string cell) => MissingMarkers.Contains(cell.Trim().ToLowerInvariant());

    /// <summary>The number text of a value cell: thousands separators and a trailing flag ("12.3 e") dropped.</summary>
    private static string Number(CellGrid grid, int row, int column, string cell, string header)
    {
        string t = cell.Trim();
        int space = t.LastIndexOf(' ');
        if (space > 0 && t[(space + 1)..].All(char.IsAsciiLetter) && t.Length - space <= 3) t = t[..space].TrimEnd();
        t = t.Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal);
        if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
            throw grid.Error(row, column, $"'{cell}' is not a number (nor an empty cell, '..' or '-')", header);
        return t;
    }

    /// <summary>The unit in brackets at the end of a name, if it is a known unit: 地区生产总值(亿元) → 亿元.</summary>
    private static string? UnitInName(string name)
    {
        Match m = UnitSuffix().Match(name);
        if (!m.Success) return null;
        string unit = m.Groups[1].Value.Trim();
        try
        {
            _ = ScaledUnit.Parse(unit);
            return unit;
        }
        catch (UnknownUnitException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"[(（]([^()（）]+)[)）]\s*$")]
    private static partial Regex UnitSuffix();
}
