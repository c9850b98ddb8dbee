// The fitted multiclass Cnn: Score = the K class probabilities (slot names from the label's key values),
// PredictedLabel = the most probable class as the label's key type, with its key values (so MapKeyToValue restores them).
using System.Numerics.Tensors;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Losses;
using Microsoft.ML.Cnn.Persistence.Pipeline;

namespace Microsoft.ML.Cnn.Trainers;

/// <summary>
/// Appends <c>Score</c> (<c>Vector&lt;Single, K&gt;</c>, softmax probabilities; slot i is key i + 1, named by the label's
/// KeyValues) and <c>PredictedLabel</c> (the label's key type, with its KeyValues), as ML.NET's multiclass trainers do.
/// </summary>
public sealed class CnnMulticlassPredictionTransformer : CnnPredictionTransformerBase
{
    private readonly LabelKeyValues? _keyValues;

    internal const string LoaderSignature = "CnnMulticlassPrediction";

    internal CnnMulticlassPredictionTransformer(CnnModelState state, KeyDataViewType labelType, LabelKeyValues? keyValues,
        string scoreColumnName, string predictedLabelColumnName)
        : base(state)
    {
        var outputs = state.Network.OutputShape;
        if (outputs.Rank != 1 || (ulong)outputs[0] != labelType.Count)
            throw new ArgumentException($"The network outputs {outputs} per sample; a {labelType.Count}-class label needs ({labelType.Count}).", nameof(state));
        if (keyValues is not null && (ulong)keyValues.Names.Count != labelType.Count)
            throw new ArgumentException($"{keyValues.Names.Count} key values were given for a {labelType.Count}-class label.", nameof(keyValues));
        LabelType = labelType;
        _keyValues = keyValues;
        ScoreColumnName = scoreColumnName;
        PredictedLabelColumnName = predictedLabelColumnName;
    }

    /// <summary>The key type of the label (and of <see cref="PredictedLabelColumnName"/>).</summary>
    public KeyDataViewType LabelType { get; }

    /// <summary>The class names (the label's KeyValues as text, class i at index i), or null when the label had none.</summary>
    public IReadOnlyList<string>? LabelNames => _keyValues?.Names;

    public string ScoreColumnName { get; }

    public string PredictedLabelColumnName { get; }

    private protected override string Signature => LoaderSignature;

    private protected override void SaveTask(ModelStreamWriter writer)
    {
        writer.WriteType(LabelType);
        writer.WriteBool(_keyValues is not null);
        _keyValues?.Save(writer);
        writer.WriteString(ScoreColumnName);
        writer.WriteString(PredictedLabelColumnName);
    }

    /// <summary>Rebuilds a model saved by <see cref="CnnPredictionTransformerBase.Save"/>.</summary>
    internal static CnnMulticlassPredictionTransformer Load(ModelLoadContext context)
    {
        context.CheckVersion(1);
        var state = CnnModelState.Load(context);
        var reader = context.Reader;
        var labelType = reader.ReadType("label type") as KeyDataViewType ?? throw reader.Invalid("the label type is not a key type.");
        var keyValues = reader.ReadBool("presence of key values") ? LabelKeyValues.Load(reader) : null;
        string score = reader.ReadString("score column"), predicted = reader.ReadString("predicted label column");
        return Rebuild(reader, () => new CnnMulticlassPredictionTransformer(state, labelType, keyValues, score, predicted));
    }

    private protected override IReadOnlyList<ScoreColumn> CreateScoreColumns()
    {
        int classes = (int)LabelType.Count;
        DataViewSchema.Annotations? slotNames = null, keyValues = null;
        if (_keyValues is not null)
        {
            var names = new DataViewSchema.Annotations.Builder();
            _keyValues.AddSlotNamesTo(names);
            slotNames = names.ToAnnotations();
            var values = new DataViewSchema.Annotations.Builder();
            _keyValues.AddTo(values);
            keyValues = values.ToAnnotations();
        }
        var score = ScoreColumn.Create<VBuffer<float>>(ScoreColumnName, new VectorDataViewType(NumberDataViewType.Single, classes), slotNames, row =>
        {
            var scratch = new float[classes];
            return (ref VBuffer<float> value) =>
            {
                row.Output.CopyTo(scratch);
                new VBuffer<float>(scratch).CopyTo(ref value);
            };
        });
        var predicted = LabelType.RawType == typeof(byte)
            ? ScoreColumn.Create<byte>(PredictedLabelColumnName, LabelType, keyValues, row => (ref byte value) => value = (byte)(Classification.ArgMax(row.Output) + 1))
            : ScoreColumn.Create<uint>(PredictedLabelColumnName, LabelType, keyValues, row => (ref uint value) => value = (uint)Classification.ArgMax(row.Output) + 1);
        return [score, predicted];
    }

    private protected override void PostProcess(Span<float> outputs, int count)
    {
        int classes = outputs.Length / count;
        for (int n = 0; n < count; n++)
        {
            var row = outputs.Slice(n * classes, classes);
            TensorPrimitives.SoftMax(row, row);
        }
    }
}
