namespace Zhibiao.Analytics.Tests.Tracking;

public class StatusPresetTests
{
    public static IEnumerable<object[]> Ratios() =>
        Csv.Read(RepositoryPaths.TestData("Tracking", "status-boundaries.csv")).Select(r => new object[] { r["preset"], r.D("ratio"), r["status"] });

    [Theory]
    [MemberData(nameof(Ratios))]
    public void Classifies_every_ratio_boundary(string preset, double ratio, string status) =>
        Assert.Equal(status, StatusPreset.Named[preset].Classify(ratio).ToToken());

    public static IEnumerable<object[]> Growth() =>
        Csv.Read(RepositoryPaths.TestData("Tracking", "no-target-boundaries.csv")).Select(r => new object[] { r["preset"], r.D("cagr"), r["direction"], r["status"] });

    [Theory]
    [MemberData(nameof(Growth))]
    public void Classifies_every_no_target_boundary(string preset, double cagr, string direction, string status) =>
        Assert.Equal(status, StatusPreset.Named[preset].ClassifyWithoutTarget(cagr, Indicator.ParseDirection(direction)).ToToken());

    [Fact]
    public void A_preset_is_replaceable()
    {
        var strict = StatusPreset.UnSdg2022 with { Name = "strict", OnTrack = 1.2 };
        Assert.Equal(ProgressStatus.FairProgress, strict.Classify(1.1));
        Assert.Equal(ProgressStatus.OnTrack, StatusPreset.UnSdg2022.Classify(1.1));
    }
}
