using System.Reflection;

namespace Zhibiao.Analytics.Tests.UnitCatalogue;

/// <summary>The unit catalogue as users meet it: every unit named, findable by its symbol and aliases, converting by the real-world factors.</summary>
public class UnitCatalogueTests
{
    /// <summary>Every unit the catalogue declares (its public fields), independently of the symbol table built from them.</summary>
    public static TheoryData<string> Declared()
    {
        var data = new TheoryData<string>();
        foreach (FieldInfo f in typeof(Units).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(Unit)))
            data.Add(f.Name);
        return data;
    }

    private static Unit Field(string name) => (Unit)typeof(Units).GetField(name)!.GetValue(null)!;

    [Theory]
    [MemberData(nameof(Declared))]
    public void Every_declared_unit_is_named_and_found_by_its_symbol(string field)
    {
        Unit u = Field(field);
        Assert.False(string.IsNullOrWhiteSpace(u.Symbol), $"{field}: symbol");
        Assert.False(string.IsNullOrWhiteSpace(u.Dimension), $"{field}: dimension");
        Assert.False(string.IsNullOrWhiteSpace(u.EnglishName), $"{field}: English name");
        Assert.True(double.IsFinite(u.Factor) && u.Factor > 0, $"{field}: factor {u.Factor}");
        Assert.Same(u, Units.Find(u.Symbol));
        Assert.Contains(u, Units.All);
        Assert.Same(u, Quantity.Parse("2" + u.Symbol).Unit);
    }

    [Fact]
    public void Symbols_and_English_names_are_distinct()
    {
        Assert.Equal(Units.All.Count, Units.All.Select(u => u.Symbol).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(Units.All.Count, Units.All.Select(u => u.EnglishName).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("kg", "公斤")]
    [InlineData("千克", "公斤")]
    [InlineData("jin", "斤")]
    [InlineData("t", "吨")]
    [InlineData("tonnes", "吨")]
    [InlineData("ha", "公顷")]
    [InlineData("hectares", "公顷")]
    [InlineData("mu", "亩")]
    [InlineData("km2", "平方公里")]
    [InlineData("km²", "平方公里")]
    [InlineData("kW", "千瓦")]
    [InlineData("MW", "兆瓦")]
    [InlineData("吉瓦", "GW")]
    [InlineData("kWh", "千瓦时")]
    [InlineData("度", "千瓦时")]
    [InlineData("MWh", "兆瓦时")]
    [InlineData("吉瓦时", "GWh")]
    [InlineData("太瓦时", "TWh")]
    [InlineData("CNY", "元")]
    [InlineData("人民币", "元")]
    [InlineData("km", "公里")]
    [InlineData("千米", "公里")]
    [InlineData("m", "米")]
    [InlineData("m3", "立方米")]
    [InlineData("m³", "立方米")]
    [InlineData("方", "立方米")]
    [InlineData("jin/mu", "斤/亩")]
    [InlineData("kg/mu", "公斤/亩")]
    [InlineData("kg/ha", "公斤/公顷")]
    [InlineData("％", "%")]
    [InlineData("pp", "百分点")]
    [InlineData("个百分点", "百分点")]
    [InlineData("person-times", "人次")]
    [InlineData("people", "人")]
    [InlineData("households", "户")]
    [InlineData("vehicles", "辆")]
    [InlineData("USD", "美元")]
    [InlineData("m2", "平方米")]
    [InlineData("m²", "平方米")]
    [InlineData("tce", "吨标准煤")]
    [InlineData("TEU", "标准箱")]
    [InlineData("teu", "标准箱")]
    [InlineData("µg/m3", "微克/立方米")]
    [InlineData("μg/m³", "微克/立方米")]
    public void Aliases_name_their_unit(string alias, string symbol) =>
        Assert.Equal(symbol, Units.Find(alias)?.Symbol);

    [Theory]
    [InlineData("吨", "斤", 2000)]
    [InlineData("公斤", "斤", 2)]
    [InlineData("平方公里", "公顷", 100)]
    [InlineData("公顷", "平方米", 10_000)]
    [InlineData("亩", "平方米", 2000.0 / 3)]
    [InlineData("GW", "兆瓦", 1000)]
    [InlineData("兆瓦", "千瓦", 1000)]
    [InlineData("TWh", "GWh", 1000)]
    [InlineData("GWh", "兆瓦时", 1000)]
    [InlineData("兆瓦时", "千瓦时", 1000)]
    [InlineData("公里", "米", 1000)]
    [InlineData("公斤/亩", "斤/亩", 2)]
    [InlineData("公斤/亩", "公斤/公顷", 15)]
    public void Units_of_one_dimension_convert_by_their_real_world_factors(string from, string to, double factor)
    {
        // 1 斤 = 0.5 kg, 1 亩 = 666.67 m², 1 ha = 15 亩 = 10,000 m²
        Assert.Equal(factor, Units.Get(from).FactorTo(Units.Get(to)), 9);
        Assert.Equal(1 / factor, Units.Get(to).FactorTo(Units.Get(from)), 12);
    }

    [Theory]
    [InlineData("km2 of land")]
    [InlineData("m3")]
    [InlineData("kg/ha")]
    [InlineData("µg/m3")]
    public void Symbols_with_Latin_letters_are_not_matched_as_prefixes(string text) =>
        Assert.Null(Units.MatchPrefix(text, out _));

    [Fact]
    public void The_unknown_unit_message_lists_units_and_magnitudes_apart()
    {
        UnknownUnitException e = Assert.Throws<UnknownUnitException>(() => Units.Get("zz"));
        Assert.Matches(@"^unknown unit 'zz' \(known units: [^ ;]+( [^ ;]+){40,}; magnitudes: [^ )]+( [^ )]+){4,}\)$", e.Message);
    }
}
