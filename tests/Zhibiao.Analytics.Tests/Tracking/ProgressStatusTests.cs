namespace Zhibiao.Analytics.Tests.Tracking;

public class ProgressStatusTests
{
    [Theory]
    [InlineData(ProgressStatus.TargetAchieved, "target_achieved", "target achieved")]
    [InlineData(ProgressStatus.OnTrack, "on_track", "on track")]
    [InlineData(ProgressStatus.FairProgress, "fair_progress", "fair progress, acceleration needed")]
    [InlineData(ProgressStatus.LimitedProgress, "limited_progress", "limited or no progress")]
    [InlineData(ProgressStatus.Deterioration, "deterioration", "deterioration")]
    [InlineData(ProgressStatus.TargetMissed, "target_missed", "target missed")]
    [InlineData(ProgressStatus.InsufficientData, "insufficient_data", "insufficient data")]
    public void Every_status_has_its_file_token_and_the_words_of_the_UN_chart(ProgressStatus status, string token, string words)
    {
        Assert.Equal(token, status.ToToken());
        Assert.Equal(words, status.ToWords());
    }

    [Fact]
    public void Tokens_and_words_are_distinct() =>
        Assert.All(new Func<ProgressStatus, string>[] { s => s.ToToken(), s => s.ToWords() }, f =>
            Assert.Equal(Enum.GetValues<ProgressStatus>().Length, Enum.GetValues<ProgressStatus>().Select(f).Distinct().Count()));
}
