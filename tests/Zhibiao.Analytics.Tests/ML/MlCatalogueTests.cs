using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Forecasting.Ensemble;
using Zhibiao.Analytics.ML;

namespace Zhibiao.Analytics.Tests.ML;

public class MlCatalogueTests
{
    [Fact]
    public void The_global_model_is_offered_by_a_new_catalogue_and_the_core_one_is_unchanged()
    {
        ForecasterCatalogue shipped = ForecasterCatalogue.Core.WithGlobalModel();
        Assert.Contains("global", shipped.Names);
        Assert.DoesNotContain("global", ForecasterCatalogue.Core.Names);
        Assert.DoesNotContain("global", Forecasters.Names);
        var auto = Assert.IsType<AutoForecaster>(shipped.Create("auto"));
        Assert.Equal(["ets", "theta", "dotm", "drift", "arima", "snaive", "global"], auto.Members.Select(m => m.Name));
        // Composing a catalogue changes nothing for anyone else: the core's auto keeps its members.
        var core = Assert.IsType<AutoForecaster>(Forecasters.Create("auto"));
        Assert.Equal(["ets", "theta", "dotm", "drift", "arima", "snaive"], core.Members.Select(m => m.Name));
        Assert.Contains(Assert.IsType<AutoForecaster>(shipped.Create("auto-select")).Members, m => m is GlobalForecaster);
    }

    [Fact]
    public void An_unknown_name_lists_the_catalogues_names()
    {
        var e = Assert.Throws<AnalyticsException>(() => ForecasterCatalogue.Core.WithGlobalModel().Create("prophet"));
        Assert.Contains("unknown model 'prophet'", e.Message, StringComparison.Ordinal);
        Assert.Contains("global", e.Message, StringComparison.Ordinal);
    }
}
