using Microsoft.ML;
using Microsoft.ML.Data;

namespace Zhibiao.Analytics.ML;

/// <summary>
/// Training windows as Microsoft.ML data, read row by row from two flat arrays: a <c>Features</c> column (a vector of
/// <see cref="Width"/> floats, row r at [r·width, (r + 1)·width)) and a <c>Label</c> column. The learner sees the same
/// values in the same order as from a list of row objects, without an object per row or the reflection-built getters of
/// <c>LoadFromEnumerable</c>.
/// </summary>
internal sealed class WindowData : IDataView
{
    private readonly float[] _features;
    private readonly float[] _labels;

    /// <summary>Wraps <paramref name="features"/> (row-major, <paramref name="width"/> per row) and one label per row.</summary>
    public WindowData(float[] features, float[] labels, int width)
    {
        if (features.Length != labels.Length * width) throw new ArgumentException($"{labels.Length} rows of {width} features need {labels.Length * width} values, got {features.Length}", nameof(features));
        _features = features;
        _labels = labels;
        Width = width;
        var builder = new DataViewSchema.Builder();
        builder.AddColumn(FeaturesColumn, new VectorDataViewType(NumberDataViewType.Single, width));
        builder.AddColumn(LabelColumn, NumberDataViewType.Single);
        Schema = builder.ToSchema();
    }

    /// <summary>The name of the features column.</summary>
    public const string FeaturesColumn = "Features";

    /// <summary>The name of the label column.</summary>
    public const string LabelColumn = "Label";

    /// <summary>Features per row.</summary>
    public int Width { get; }

    /// <inheritdoc/>
    public bool CanShuffle => false;

    /// <inheritdoc/>
    public DataViewSchema Schema { get; }

    /// <inheritdoc/>
    public long? GetRowCount() => _labels.Length;

    /// <inheritdoc/>
    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => new Cursor(this);

    /// <inheritdoc/>
    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) => [new Cursor(this)];

    /// <summary>A cursor over the rows in order.</summary>
    private sealed class Cursor(WindowData data) : DataViewRowCursor
    {
        private long _position = -1;

        public override DataViewSchema Schema => data.Schema;

        public override long Position => _position;

        public override long Batch => 0;

        public override bool MoveNext()
        {
            if (_position + 1 >= data._labels.Length)
            {
                _position = data._labels.Length;
                return false;
            }

            _position++;
            return true;
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId id) => id = new DataViewRowId((ulong)_position, 0);

        public override bool IsColumnActive(DataViewSchema.Column column) => column.Index is 0 or 1;

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            Delegate getter = column.Index switch
            {
                0 => (ValueGetter<VBuffer<float>>)Features,
                1 => (ValueGetter<float>)((ref float label) => label = data._labels[_position]),
                _ => throw new ArgumentOutOfRangeException(nameof(column), column.Index, "the windows have two columns"),
            };
            return getter as ValueGetter<TValue> ?? throw new InvalidOperationException($"column {column.Name} is not of type {typeof(TValue).Name}");
        }

        private void Features(ref VBuffer<float> value)
        {
            int width = data.Width;
            VBufferEditor<float> editor = VBufferEditor.Create(ref value, width);
            data._features.AsSpan((int)_position * width, width).CopyTo(editor.Values);
            value = editor.Commit();
        }
    }
}
