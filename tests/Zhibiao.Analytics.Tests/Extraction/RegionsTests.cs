using Zhibiao.Analytics.Extraction;

namespace Zhibiao.Analytics.Tests.Extraction;

/// <summary>The region of a report from its own text (issue 29), with texts written for the tests.</summary>
public class RegionsTests
{
    public static TheoryData<string> Names() => [.. Regions.Names];

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_region_is_named_from_its_title_its_byline_and_its_signature(string region)
    {
        Assert.Equal(region, ProvincialBoard.RegionOf($"SOURCE: x\n2026年{region}政府工作报告\n各位代表：\n", "report.txt"));
        Assert.Equal(region, ProvincialBoard.RegionOf($"政府工作报告\n——2026年1月20日在{region}第十四届人民代表大会第四次会议上\n", "r.txt"));
        string head = region.EndsWith('省') ? "省长" : region.EndsWith('市') ? "市长" : "主席";
        Assert.Equal(region, ProvincialBoard.RegionOf($"政府工作报告\n{region}人民政府{head} 张某\n各位代表：\n", "r.txt"));
    }

    [Theory]
    [InlineData("guangdong-2026.txt", "广东省")]
    [InlineData("ningxia.txt", "宁夏回族自治区")]
    [InlineData("xinjiang-2026.txt", "新疆维吾尔自治区")]
    [InlineData("shanxi-2026.txt", "山西省")]
    [InlineData("shaanxi-2026.txt", "陕西省")]
    [InlineData("2026_云南省_政府工作报告.txt", "云南省")]
    [InlineData("unknown-2026.txt", "unknown-2026")]
    public void Without_a_name_in_the_text_the_file_name_tells(string file, string region) =>
        Assert.Equal(region, ProvincialBoard.RegionOf("SOURCE: x\n政府工作报告\n坚持稳中求进，地区生产总值增长5%。\n", file));

    [Fact]
    public void A_text_without_a_title_is_the_region_it_names_most()
    {
        const string text = "2025年工作回顾\n过去一年，全疆各族人民团结奋斗，新疆经济稳中有进。新疆棉花产量增长，新疆旅游火热，援疆省市和广东的支持。\n";
        Assert.Equal("新疆维吾尔自治区", ProvincialBoard.RegionOf(text, "report.txt"));
    }

    [Fact]
    public void A_city_not_among_the_regions_keeps_the_name_its_byline_gives()
    {
        Assert.Equal("洛阳市", ProvincialBoard.RegionOf("政府工作报告\n——在洛阳市第十六届人民代表大会第四次会议上\n", "x.txt"));
        Assert.Equal("赣州市", ProvincialBoard.RegionOf("赣州市人民政府工作报告\n赣州市市长 钟某\n", "x.txt"));
    }

    [Theory]
    [InlineData("2026年某某省政府工作报告\n某某省省长 张某\n各位代表：\n")]
    [InlineData("政府工作报告\n——2026年1月20日在某某市第十六届人民代表大会第四次会议上\n")]
    [InlineData("XX省人民政府工作报告\nXX省省长\n")]
    public void A_placeholder_name_is_no_region_and_the_file_name_tells(string text) =>
        Assert.Equal("广东省", ProvincialBoard.RegionOf(text, "guangdong-2026.txt"));

    [Fact]
    public void A_byline_alone_names_the_region() =>
        Assert.Equal("山东省", ProvincialBoard.RegionOf("——2026年1月25日在省十四届人大五次会议上\n山东省省长 周某\n各位代表：\n", "report-0125.txt"));
}
