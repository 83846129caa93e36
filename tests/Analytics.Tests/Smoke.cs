namespace Analytics.Tests; public class Smoke { [Fact] public void Builds() => Assert.Equal("2024", Period.OfYear(2024).ToString()); }
