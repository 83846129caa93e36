using Microsoft.ML;
using Microsoft.ML.Data;
using Zhibiao.Analytics.ML;

namespace Zhibiao.Analytics.Tests.ML;

public class WindowDataTests
{
    [Fact]
    public void A_cursor_reads_back_every_row_in_order()
    {
        float[] features = [1, 2, 3, 4, 5, 6];
        float[] labels = [0.5f, -0.25f];
        var data = new WindowData(features, labels, 3);
        Assert.Equal(2, data.GetRowCount());
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 3), data.Schema[WindowData.FeaturesColumn].Type);
        Assert.Equal(NumberDataViewType.Single, data.Schema[WindowData.LabelColumn].Type);

        using DataViewRowCursor cursor = data.GetRowCursor(data.Schema);
        ValueGetter<VBuffer<float>> getFeatures = cursor.GetGetter<VBuffer<float>>(data.Schema[WindowData.FeaturesColumn]);
        ValueGetter<float> getLabel = cursor.GetGetter<float>(data.Schema[WindowData.LabelColumn]);
        var rows = new List<(float[] Features, float Label)>();
        VBuffer<float> buffer = default;
        float label = 0;
        while (cursor.MoveNext())
        {
            getFeatures(ref buffer);
            getLabel(ref label);
            rows.Add((buffer.DenseValues().ToArray(), label));
        }

        Assert.Equal(2, rows.Count);
        Assert.Equal([1f, 2f, 3f], rows[0].Features);
        Assert.Equal(0.5f, rows[0].Label);
        Assert.Equal([4f, 5f, 6f], rows[1].Features);
        Assert.Equal(-0.25f, rows[1].Label);
        Assert.False(cursor.MoveNext());
    }

    [Fact]
    public void Features_that_do_not_fill_the_rows_are_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new WindowData([1, 2, 3, 4, 5], [0, 1], 3));
        Assert.Contains("2 rows of 3 features need 6 values, got 5", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_getter_of_the_wrong_type_is_refused()
    {
        var data = new WindowData([1, 2], [0], 2);
        using DataViewRowCursor cursor = data.GetRowCursor(data.Schema);
        Assert.Throws<InvalidOperationException>(() => cursor.GetGetter<double>(data.Schema[WindowData.LabelColumn]));
    }
}
