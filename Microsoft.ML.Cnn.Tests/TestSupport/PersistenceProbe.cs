// A pass-through transformer for the persistence tests: its Save runs the test's code (to misuse the save context or
// fail midway), and its loader does what the file asks (load a typed sub-model, a stream, check a version) and
// records what it saw.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Persistence.Pipeline;
using Microsoft.ML.Cnn.Pipeline;

namespace Microsoft.ML.Cnn.Tests.TestSupport;

/// <summary>What <see cref="PersistenceProbe"/>'s loader does after reading its mode.</summary>
internal enum ProbeLoad
{
    Plain,
    SubModel,
    CopyingSubModel,
    Stream,
}

internal sealed class PersistenceProbe : ITransformer
{
    public const string LoaderSignature = "Tests.PersistenceProbe";
    public const int LayoutVersion = 2;

    private readonly Action<ModelSaveContext>? _save;
    private readonly ProbeLoad _mode;

    static PersistenceProbe() => TransformerLoaders.Register(LoaderSignature, Load);

    /// <summary>A probe saved by <paramref name="save"/>, or, when null, as <see cref="LoaderSignature"/> with <paramref name="mode"/>.</summary>
    public PersistenceProbe(Action<ModelSaveContext>? save = null, ProbeLoad mode = ProbeLoad.Plain)
    {
        _save = save;
        _mode = mode;
    }

    /// <summary>Registers the loader (the static constructor does) before a test loads a hand-made probe entry.</summary>
    public static void EnsureRegistered() { }

    public ITransformer? Inner { get; set; }
    public byte[]? Stream { get; set; }
    public ModelLoadContext? LoadedFrom { get; private set; }

    public bool IsRowToRowMapper => true;
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => inputSchema;
    public IDataView Transform(IDataView input) => input;

    /// <summary>The standard save of a probe with <paramref name="mode"/>: loader, mode, then what the mode needs.</summary>
    public static void SaveAs(ModelSaveContext context, ProbeLoad mode, ITransformer? inner = null, byte[]? stream = null)
    {
        context.SetLoader(LoaderSignature, LayoutVersion);
        context.Writer.WriteEnum(mode);
        if (inner is not null) context.SaveSubModel("Inner", inner);
        if (stream is not null) context.SaveStream("Blob", s => s.Write(stream));
    }

    public void Save(ModelSaveContext context)
    {
        if (_save is not null) _save(context);
        else SaveAs(context, _mode, Inner, Stream);
    }

    private static PersistenceProbe Load(ModelLoadContext context)
    {
        context.CheckVersion(LayoutVersion);
        var probe = new PersistenceProbe(mode: context.Reader.ReadEnum<ProbeLoad>("probe mode")) { LoadedFrom = context };
        switch (probe._mode)
        {
            case ProbeLoad.SubModel:
                probe.Inner = context.LoadSubModel("Inner");
                break;
            case ProbeLoad.CopyingSubModel:
                probe.Inner = context.LoadSubModel<Microsoft.ML.Cnn.Transforms.ColumnCopyingTransformer>("Inner");
                break;
            case ProbeLoad.Stream:
                using (var stream = context.LoadStream("Blob"))
                using (var copy = new MemoryStream())
                {
                    stream.CopyTo(copy);
                    probe.Stream = copy.ToArray();
                }
                break;
        }
        return probe;
    }
}
