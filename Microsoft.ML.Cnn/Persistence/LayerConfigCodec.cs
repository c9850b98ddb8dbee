// Each layer type's config in a model file, written and read explicitly by one switch per direction (no reflection).
using Microsoft.ML.Cnn.Layers;

namespace Microsoft.ML.Cnn.Persistence;

/// <summary>
/// Layer configs. To persist a new layer type: add a <see cref="LayerKind"/> code, a case in <see cref="Write"/>
/// and one in <see cref="Read"/>, and document its fields in the format comment of both directions. A field added to an
/// existing config needs a new <see cref="ModelFormat.CurrentVersion"/>, and Read takes it only from files that have it.
/// </summary>
internal static class LayerConfigCodec
{
    /// <summary>Writes the layer's kind code, then its config.</summary>
    public static void Write(ModelWriter w, Layer layer)
    {
        switch (layer)
        {
            case Conv2D c:
                w.WriteByte((byte)LayerKind.Conv2D);
                w.WriteInt32(c.Filters); w.WritePair(c.Kernel); w.WritePair(c.Stride); w.WritePadding(c.Padding);
                w.WritePair(c.Dilation); w.WriteInt32(c.Groups); w.WriteBool(c.UseBias); w.WriteByte((byte)c.Activation);
                break;
            case DepthwiseConv2D d:
                w.WriteByte((byte)LayerKind.DepthwiseConv2D);
                w.WritePair(d.Kernel); w.WritePair(d.Stride); w.WritePadding(d.Padding);
                w.WriteInt32(d.DepthMultiplier); w.WritePair(d.Dilation); w.WriteBool(d.UseBias); w.WriteByte((byte)d.Activation);
                break;
            case MaxPool2D m:
                w.WriteByte((byte)LayerKind.MaxPool2D);
                w.WritePair(m.Pool); w.WritePair(m.Stride); w.WritePadding(m.Padding); w.WriteBool(m.CeilMode);
                break;
            case AvgPool2D a:
                w.WriteByte((byte)LayerKind.AvgPool2D);
                w.WritePair(a.Pool); w.WritePair(a.Stride); w.WritePadding(a.Padding); w.WriteBool(a.CountIncludesPadding);
                break;
            case L2Pool2D l:
                w.WriteByte((byte)LayerKind.L2Pool2D);
                w.WritePair(l.Pool); w.WritePair(l.Stride); w.WritePadding(l.Padding);
                break;
            case LocalResponseNorm l:
                w.WriteByte((byte)LayerKind.LocalResponseNorm);
                w.WriteInt32(l.Size); w.WriteSingle(l.Alpha); w.WriteSingle(l.Beta); w.WriteSingle(l.K);
                break;
            case Reshape r:
                w.WriteByte((byte)LayerKind.Reshape);
                w.WriteShape(r.SampleShape);
                break;
            case Dense d:
                w.WriteByte((byte)LayerKind.Dense);
                w.WriteInt32(d.Units); w.WriteByte((byte)d.Activation); w.WriteBool(d.UseBias);
                break;
            case LeakyReLU l:
                w.WriteByte((byte)LayerKind.LeakyReLU);
                w.WriteSingle(l.Alpha);
                break;
            case ELU e:
                w.WriteByte((byte)LayerKind.ELU);
                w.WriteSingle(e.Alpha);
                break;
            case Dropout d:
                w.WriteByte((byte)LayerKind.Dropout);
                w.WriteSingle(d.Rate); w.WriteBool(d.Seed.HasValue); w.WriteInt64(d.Seed ?? 0);
                break;
            case BatchNorm b:
                w.WriteByte((byte)LayerKind.BatchNorm);
                w.WriteSingle(b.Momentum); w.WriteSingle(b.Epsilon);
                break;
            case GlobalAveragePool2D: w.WriteByte((byte)LayerKind.GlobalAveragePool2D); break;
            case Flatten: w.WriteByte((byte)LayerKind.Flatten); break;
            case ReLU: w.WriteByte((byte)LayerKind.ReLU); break;
            case Sigmoid: w.WriteByte((byte)LayerKind.Sigmoid); break;
            case Tanh: w.WriteByte((byte)LayerKind.Tanh); break;
            case Softmax: w.WriteByte((byte)LayerKind.Softmax); break;
            case Add: w.WriteByte((byte)LayerKind.Add); break;
            case Concat: w.WriteByte((byte)LayerKind.Concat); break;
            default:
                throw new NotSupportedException($"Layer '{layer.Name}' is a {layer.GetType().Name}, which the model format cannot store; give it a LayerKind code and a case in {nameof(LayerConfigCodec)}.");
        }
    }

    /// <summary>Reads the config of a <paramref name="kind"/> layer and constructs it; the constructor validates the values.</summary>
    public static Layer Read(ModelReader r, LayerKind kind, string name) => kind switch
    {
        LayerKind.Conv2D => new Conv2D(r.ReadConfig("filters"), r.ReadConfigPair("kernel"), r.ReadConfigPair("stride"), r.ReadPadding(),
            r.ReadConfigPair("dilation"), r.ReadConfig("groups"), r.ReadBool("use-bias flag"), r.ReadEnum<Activation>("activation"), name),
        LayerKind.DepthwiseConv2D => new DepthwiseConv2D(r.ReadConfigPair("kernel"), r.ReadConfigPair("stride"), r.ReadPadding(),
            r.ReadConfig("depth multiplier"), r.ReadConfigPair("dilation"), r.ReadBool("use-bias flag"), r.ReadEnum<Activation>("activation"), name),
        LayerKind.MaxPool2D => new MaxPool2D(r.ReadConfigPair("pool"), r.ReadConfigPair("stride"), r.ReadPadding(),
            r.Version >= 2 && r.ReadBool("ceil-mode flag"), name),
        LayerKind.AvgPool2D => new AvgPool2D(r.ReadConfigPair("pool"), r.ReadConfigPair("stride"), r.ReadPadding(), r.ReadBool("count-includes-padding flag"), name),
        LayerKind.L2Pool2D => new L2Pool2D(r.ReadConfigPair("pool"), r.ReadConfigPair("stride"), r.ReadPadding(), name),
        LayerKind.LocalResponseNorm => new LocalResponseNorm(r.ReadConfig("LRN size"), r.ReadSingle(), r.ReadSingle(), r.ReadSingle(), name),
        LayerKind.GlobalAveragePool2D => new GlobalAveragePool2D(name),
        LayerKind.Flatten => new Flatten(name),
        LayerKind.Reshape => new Reshape(r.ReadShape(1, "reshape target").ToArray(), name),
        LayerKind.Dense => new Dense(r.ReadConfig("units"), r.ReadEnum<Activation>("activation"), r.ReadBool("use-bias flag"), name),
        LayerKind.ReLU => new ReLU(name),
        LayerKind.LeakyReLU => new LeakyReLU(r.ReadSingle(), name),
        LayerKind.ELU => new ELU(r.ReadSingle(), name),
        LayerKind.Sigmoid => new Sigmoid(name),
        LayerKind.Tanh => new Tanh(name),
        LayerKind.Softmax => new Softmax(name),
        LayerKind.Dropout => ReadDropout(r, name),
        LayerKind.BatchNorm => new BatchNorm(r.ReadSingle(), r.ReadSingle(), name),
        LayerKind.Add => new Add(name),
        LayerKind.Concat => new Concat(name),
        _ => throw ModelReader.Invalid($"layer kind {(byte)kind} is not known."),
    };

    private static Dropout ReadDropout(ModelReader r, string name)
    {
        float rate = r.ReadSingle();
        bool hasSeed = r.ReadBool("dropout seed flag");
        long seed = r.ReadInt64();
        return new Dropout(rate, hasSeed ? seed : null, name);
    }
}
