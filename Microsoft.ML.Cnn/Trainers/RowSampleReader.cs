// Turns the rows of a data-view cursor into training samples: skips rows of the other side of a validation split,
// rows with a missing label and rows with an unusable weight (reading their features only when the row is kept),
// and counts what it skipped.
using Microsoft.ML.Cnn.Data;

namespace Microsoft.ML.Cnn.Trainers;

/// <summary>What one pass over a data view did with its rows.</summary>
internal struct RowCounts
{
    /// <summary>Rows the cursor moved over.</summary>
    public long Seen;

    /// <summary>Rows on the other side of the validation split.</summary>
    public long OtherSplit;

    /// <summary>Rows skipped because their label was missing (key 0 or NaN).</summary>
    public long MissingLabel;

    /// <summary>Rows skipped because their example weight was missing, negative or zero.</summary>
    public long BadWeight;

    /// <summary>Rows turned into samples.</summary>
    public long Used;
}

/// <summary>Reads usable rows of one cursor as (features, label, weight). Getters are created once; reading does not allocate.</summary>
internal sealed class RowSampleReader : IDisposable
{
    private readonly DataViewRowCursor _cursor;
    private readonly DataViewSourceSettings _settings;
    private readonly Func<float> _label;
    private readonly ValueGetter<float>? _weight;
    private readonly ValueGetter<VBuffer<float>> _features;
    private VBuffer<float> _vector;
    private float _weightValue;
    private RowCounts _counts;

    public RowSampleReader(DataViewRowCursor cursor, DataViewSourceSettings settings)
    {
        _cursor = cursor;
        _settings = settings;
        _label = settings.Labels(cursor);
        _weight = settings.Weight is { } weight ? cursor.GetGetter<float>(weight) : null;
        _features = cursor.GetGetter<VBuffer<float>>(settings.Features);
    }

    public RowCounts Counts => _counts;

    /// <summary>Moves to the next usable row and writes its features (SampleShape values), label and weight (1 without weights); false at the end.</summary>
    public bool Next(Span<float> features, out float label, out float weight)
    {
        while (_cursor.MoveNext())
        {
            _counts.Seen++;
            if (_settings.Split is { } split && !split.Keeps(_cursor.Position)) { _counts.OtherSplit++; continue; }
            label = _label();
            if (float.IsNaN(label)) { _counts.MissingLabel++; continue; }
            weight = 1f;
            if (_weight is not null)
            {
                _weight(ref _weightValue);
                if (!(_weightValue > 0f) || !float.IsFinite(_weightValue)) { _counts.BadWeight++; continue; }
                weight = _weightValue;
            }
            if (_settings.ClassWeights is { } classWeights) weight *= ClassWeight(classWeights, label);
            if (weight == 0f) { _counts.BadWeight++; continue; }
            ReadFeatures(features);
            _counts.Used++;
            return true;
        }
        label = weight = 0f;
        return false;
    }

    public void Dispose() => _cursor.Dispose();

    private float ClassWeight(float[] classWeights, float label)
    {
        int index = (int)label;
        if ((uint)index >= (uint)classWeights.Length)
            throw new InvalidOperationException($"Row {_cursor.Position} has class {index} in column '{_settings.Label.Name}', beyond the {classWeights.Length} class weights.");
        return classWeights[index];
    }

    private void ReadFeatures(Span<float> destination)
    {
        _features(ref _vector);
        var values = _vector.GetValues();
        if (values.Length != destination.Length)
            throw new InvalidOperationException($"Row {_cursor.Position} of feature column '{_settings.Features.Name}' has {values.Length} values; the column ({_settings.Features.Type}) declares {destination.Length}.");
        values.CopyTo(destination);
    }
}
