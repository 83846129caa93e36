namespace Zhibiao.Analytics;

/// <summary>
/// The known units, by dimension, and parsing of unit texts with magnitude words (万千瓦 = 万 × 千瓦). Reference units:
/// mass 公斤, area 公顷, power 千瓦, energy 千瓦时, money 元, length 公里, volume 立方米, yield 公斤/公顷.
/// Sources: 1 亩 = 1/15 公顷; 1 斤 = 0.5 公斤 (the statutory conversions of China's units of measurement).
/// </summary>
public static class Units
{
#pragma warning disable CS1591 // The names are the documentation: each is a unit of the catalogue below.
    public static readonly Unit Kilogram = new("公斤", "mass", 1, "kg");
    public static readonly Unit Jin = new("斤", "mass", 0.5, "jin");
    public static readonly Unit Tonne = new("吨", "mass", 1000, "tonne");
    public static readonly Unit Hectare = new("公顷", "area", 1, "ha");
    public static readonly Unit Mu = new("亩", "area", 1.0 / 15, "mu");
    public static readonly Unit SquareKilometre = new("平方公里", "area", 100, "km2");
    public static readonly Unit Kilowatt = new("千瓦", "power", 1, "kW");
    public static readonly Unit Megawatt = new("兆瓦", "power", 1e3, "MW");
    public static readonly Unit Gigawatt = new("GW", "power", 1e6, "GW");
    public static readonly Unit KilowattHour = new("千瓦时", "energy", 1, "kWh");
    public static readonly Unit MegawattHour = new("兆瓦时", "energy", 1e3, "MWh");
    public static readonly Unit GigawattHour = new("GWh", "energy", 1e6, "GWh");
    public static readonly Unit TerawattHour = new("TWh", "energy", 1e9, "TWh");
    public static readonly Unit Yuan = new("元", "money", 1, "yuan");
    public static readonly Unit Kilometre = new("公里", "length", 1, "km");
    public static readonly Unit Metre = new("米", "length", 1e-3, "m");
    public static readonly Unit CubicMetre = new("立方米", "volume", 1, "m3");
    public static readonly Unit JinPerMu = new("斤/亩", "yield", 7.5, "jin/mu");
    public static readonly Unit KilogramPerMu = new("公斤/亩", "yield", 15, "kg/mu");
    public static readonly Unit KilogramPerHectare = new("公斤/公顷", "yield", 1, "kg/ha");
    public static readonly Unit Percent = new("%", "percent", 1, "%");
    public static readonly Unit PercentagePoint = new("百分点", "percentage point", 1, "pp");
    public static readonly Unit Times = new("倍", "times", 1, "times");
    public static readonly Unit PersonTime = new("人次", "person-times", 1, "person-time");
    public static readonly Unit Person = new("人", "persons", 1, "person");
    public static readonly Unit PersonCounter = new("名", "persons", 1, "person (名)");
    public static readonly Unit Household = new("户", "households", 1, "household");
    public static readonly Unit Train = new("列", "trains", 1, "train");
    public static readonly Unit Item = new("个", "items", 1, "item");
    public static readonly Unit Enterprise = new("家", "enterprises", 1, "enterprise");
    public static readonly Unit Institution = new("所", "institutions", 1, "institution");
    public static readonly Unit Project = new("项", "projects", 1, "project");
    public static readonly Unit Site = new("处", "sites", 1, "site");
    public static readonly Unit Event = new("场次", "events", 1, "event");
    public static readonly Unit Vehicle = new("辆", "vehicles", 1, "vehicle");
    public static readonly Unit Piece = new("件", "pieces", 1, "piece");
    public static readonly Unit UsDollar = new("美元", "money (US dollars)", 1, "US dollar");
    public static readonly Unit SquareMetre = new("平方米", "area", 1e-4, "m2");
    public static readonly Unit TonneCoalEquivalent = new("吨标准煤", "energy (coal equivalent)", 1, "tce");
    public static readonly Unit Volume = new("部", "volumes", 1, "volume (部: laws, regulations, works)");
    public static readonly Unit Machine = new("台", "machines", 1, "machine (台)");
    public static readonly Unit Structure = new("座", "structures", 1, "structure (座)");
    public static readonly Unit Line = new("条", "lines", 1, "line (条)");
    public static readonly Unit Set = new("套", "sets", 1, "set (套: dwellings, devices)");
    public static readonly Unit Ship = new("艘", "ships", 1, "ship");
    public static readonly Unit Aircraft = new("架", "aircraft", 1, "aircraft");
    public static readonly Unit Head = new("头", "head of livestock", 1, "head");
    public static readonly Unit Sheet = new("张", "sheets", 1, "sheet (张: beds, cards)");
    public static readonly Unit Teu = new("标准箱", "containers", 1, "TEU");
    public static readonly Unit MicrogramPerCubicMetre = new("微克/立方米", "concentration", 1, "µg/m3");
#pragma warning restore CS1591

    private static readonly Dictionary<string, Unit> BySymbol = Build();

    /// <summary>Every known unit.</summary>
    public static IReadOnlyList<Unit> All { get; } = BySymbol.Values.Distinct().ToArray();

    /// <summary>The unit with the given symbol or alias (吨, t, tonne; 千瓦, kW …), or null.</summary>
    public static Unit? Find(string symbol) => BySymbol.GetValueOrDefault(symbol.Trim());

    /// <summary>The unit with the given symbol or alias.</summary>
    /// <exception cref="UnknownUnitException">No such unit; the message lists the known ones.</exception>
    public static Unit Get(string symbol) => Find(symbol) ?? throw Unknown(symbol);

    /// <summary>
    /// Parses a unit written with an optional magnitude word: 亿人次 → (亿, 人次); 千瓦时 → (none, 千瓦时); "million kWh".
    /// A whole-unit match wins over a magnitude split (千瓦 is kilowatt, not 千 × 瓦).
    /// </summary>
    /// <exception cref="UnknownUnitException">The text is not a known unit; the message lists the known units.</exception>
    public static ScaledUnit ParseScaled(string text)
    {
        string trimmed = text.Trim();
        if (Find(trimmed) is { } plain) return new ScaledUnit(Magnitude.One, plain);
        foreach (Magnitude m in Magnitude.All)
        {
            if (!trimmed.StartsWith(m.Symbol, StringComparison.OrdinalIgnoreCase)) continue;
            if (Find(trimmed[m.Symbol.Length..]) is { } unit) return new ScaledUnit(m, unit);
        }

        throw Unknown(text);
    }

    /// <summary>
    /// The longest unit symbol or alias at the start of <paramref name="text"/> that is written without Latin letters
    /// (吨, 千瓦时, 个百分点, %, 斤/亩), for scanners of Chinese text: 千瓦时 is found before 千瓦, 人次 before 人. Latin
    /// aliases (t, kW) are left out because a Latin letter after a digit marks a name (5G, 5A) in Chinese text.
    /// </summary>
    /// <param name="text">The text that may start with a unit.</param>
    /// <param name="length">The number of characters of the unit found; 0 when none.</param>
    /// <returns>The unit, or null.</returns>
    public static Unit? MatchPrefix(ReadOnlySpan<char> text, out int length)
    {
        if (!text.IsEmpty && PrefixSymbols.TryGetValue(text[0], out (string Symbol, Unit Unit)[]? candidates))
        {
            foreach ((string symbol, Unit unit) in candidates)
            {
                if (text.StartsWith(symbol, StringComparison.Ordinal))
                {
                    length = symbol.Length;
                    return unit;
                }
            }
        }

        length = 0;
        return null;
    }

    /// <summary>Symbols and aliases without Latin letters by first character, longest first, for <see cref="MatchPrefix"/>.</summary>
    private static readonly Dictionary<char, (string Symbol, Unit Unit)[]> PrefixSymbols =
        BySymbol.Where(kv => !kv.Key.Any(char.IsAsciiLetter)).OrderByDescending(kv => kv.Key.Length)
            .ThenBy(kv => kv.Key, StringComparer.Ordinal).GroupBy(kv => kv.Key[0])
            .ToDictionary(g => g.Key, g => g.Select(kv => (kv.Key, kv.Value)).ToArray());

    /// <summary>The error for an unknown unit, listing the known units and magnitudes.</summary>
    internal static UnknownUnitException Unknown(string text) => new(
        $"unknown unit '{text}' (known units: {string.Join(" ", All.Select(u => u.Symbol))}; " +
        $"magnitudes: {string.Join(" ", Magnitude.All.Select(m => m.Symbol))})");

    private static Dictionary<string, Unit> Build()
    {
        var map = new Dictionary<string, Unit>(StringComparer.OrdinalIgnoreCase);
        void Add(Unit unit, params string[] aliases)
        {
            map.Add(unit.Symbol, unit);
            foreach (string alias in aliases) map.Add(alias, unit);
        }

        Add(Kilogram, "kg", "千克");
        Add(Jin, "jin");
        Add(Tonne, "t", "tonne", "tonnes");
        Add(Hectare, "ha", "hectare", "hectares");
        Add(Mu, "mu");
        Add(SquareKilometre, "km2", "km²");
        Add(Kilowatt, "kW");
        Add(Megawatt, "MW");
        Add(Gigawatt, "吉瓦");
        Add(KilowattHour, "kWh", "度");
        Add(MegawattHour, "MWh");
        Add(GigawattHour, "吉瓦时");
        Add(TerawattHour, "太瓦时");
        Add(Yuan, "yuan", "CNY", "人民币");
        Add(Kilometre, "km", "千米");
        Add(Metre, "m");
        Add(CubicMetre, "m3", "m³", "方");
        Add(JinPerMu, "jin/mu");
        Add(KilogramPerMu, "kg/mu");
        Add(KilogramPerHectare, "kg/ha");
        Add(Percent, "percent", "％");
        Add(PercentagePoint, "pp", "个百分点");
        Add(Times, "times");
        Add(PersonTime, "person-times");
        Add(Person, "persons", "people");
        Add(PersonCounter);
        Add(Household, "households");
        Add(Train, "trains");
        Add(Item, "items");
        Add(Enterprise, "enterprises");
        Add(Institution, "institutions");
        Add(Project, "projects");
        Add(Site, "sites");
        Add(Event, "events");
        Add(Vehicle, "vehicles");
        Add(Piece, "pieces");
        Add(UsDollar, "USD");
        Add(SquareMetre, "m2", "m²");
        Add(TonneCoalEquivalent, "tce");
        Add(Volume);
        Add(Machine);
        Add(Structure);
        Add(Line);
        Add(Set);
        Add(Ship);
        Add(Aircraft);
        Add(Head);
        Add(Sheet);
        Add(Teu, "TEU", "标箱");
        Add(MicrogramPerCubicMetre, "µg/m3", "μg/m³");

        // Counters of reports without a field of their own: occurrences (两次下调), sessions (连续2届), kinds, pieces, models,
        // teams or funds, buildings, medals, events, rounds and cases; and years of age (人均预期寿命达到79.5岁).
        Add(new Unit("次", "occurrences", 1, "time (次: occurrences)"));
        Add(new Unit("届", "sessions", 1, "session (届)"));
        Add(new Unit("种", "kinds", 1, "kind (种)"));
        Add(new Unit("只", "pieces (只)", 1, "piece (只: lamps, animals)"));
        Add(new Unit("款", "models", 1, "model (款: products)"));
        Add(new Unit("支", "teams", 1, "team (支: teams, funds)"));
        Add(new Unit("栋", "buildings", 1, "building (栋)"));
        Add(new Unit("枚", "medals", 1, "medal (枚: medals, satellites)"));
        Add(new Unit("岁", "years of age", 1, "year of age (岁: life expectancy)"));
        Add(new Unit("场", "events (场)", 1, "event (场: activities, matches)"));
        Add(new Unit("轮", "rounds", 1, "round (轮: rounds of rain, of policies)"));
        Add(new Unit("起", "cases", 1, "case (起: deals, incidents)"));
        return map;
    }
}
