// SchemaCodec: the input schema round-trips with names, types (vectors with dimensions, byte and uint keys, images)
// and the SlotNames/KeyValues (and other primitive) annotations; hidden columns and unsavable annotations are dropped;
// malformed schemas are rejected with the column named.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Images;
using Microsoft.ML.Cnn.Persistence.Pipeline;
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Persistence.Pipeline;

[TestClass]
public sealed class SchemaCodecTests
{
    private static DataViewSchema.Annotations Annotations(Action<DataViewSchema.Annotations.Builder> add)
    {
        var builder = new DataViewSchema.Annotations.Builder();
        add(builder);
        return builder.ToAnnotations();
    }

    private static ValueGetter<VBuffer<T>> Values<T>(params T[] values) => (ref VBuffer<T> v) => new VBuffer<T>(values).CopyTo(ref v);

    private static DataViewSchema RichSchema()
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("A", NumberDataViewType.Single); // hidden by the later "A"
        builder.AddColumn("Label", new KeyDataViewType(3), Annotations(a => a.AddKeyValues(3, TextDataViewType.Instance, Values("cat".AsMemory(), "dog".AsMemory(), "ship".AsMemory()))));
        builder.AddColumn("Weight", NumberDataViewType.Double);
        builder.AddColumn("Features", new VectorDataViewType(NumberDataViewType.Single, 3),
            Annotations(a => a.AddSlotNames(3, Values("x".AsMemory(), "y".AsMemory(), "z".AsMemory()))));
        builder.AddColumn("Pixels", new VectorDataViewType(NumberDataViewType.Byte, 3, 4, 4));
        builder.AddColumn("Small", new KeyDataViewType(typeof(byte), 10));
        builder.AddColumn("Image", new ImageDataViewType());
        builder.AddColumn("Sized", new ImageDataViewType(28, 32));
        builder.AddColumn("FloatKey", new KeyDataViewType(2), Annotations(a => a.AddKeyValues(2, NumberDataViewType.Single, Values(1.5f, -2f))));
        builder.AddColumn("Flags", new VectorDataViewType(BooleanDataViewType.Instance), Annotations(a =>
        {
            a.Add("Count", NumberDataViewType.Int32, (ref int v) => v = 42);
            a.Add("IsNormalized", BooleanDataViewType.Instance, (ref bool v) => v = true);
            a.Add("KeyAnnotation", new KeyDataViewType(4), (ref uint v) => v = 2); // keys are not saved as annotations
            a.Add("Picture", new ImageDataViewType(), (ref MLImage v) => v = null!); // nor are images
        }));
        builder.AddColumn("A", TextDataViewType.Instance);
        return builder.ToSchema();
    }

    private static DataViewSchema RoundTrip(DataViewSchema schema)
    {
        var reader = new ModelStreamReader(ModelZip.Stream(w => SchemaCodec.Write(w, schema)), "Schema.bin");
        var read = SchemaCodec.Read(reader);
        reader.RequireEnd();
        return read;
    }

    [TestMethod]
    public void WriteRead_RichSchema_SameVisibleColumnsTypesAndAnnotations()
    {
        var schema = RichSchema();
        var read = RoundTrip(schema);
        Assert.AreEqual(ViewDump.Schema(schema).Replace(" [KeyAnnotation: Key<UInt32, 0-3> = 2]", "").Replace(" [Picture: Image = (image)]", ""), ViewDump.Schema(read));
        CollectionAssert.AreEqual(new[] { "Label", "Weight", "Features", "Pixels", "Small", "Image", "Sized", "FloatKey", "Flags", "A" }, read.Select(c => c.Name).ToArray());
        Assert.AreEqual<DataViewType>(TextDataViewType.Instance, read["A"].Type);
        Assert.AreEqual<DataViewType>(new KeyDataViewType(typeof(byte), 10), read["Small"].Type);
        Assert.AreEqual<DataViewType>(new ImageDataViewType(28, 32), read["Sized"].Type);
        CollectionAssert.AreEqual(new[] { 3, 4, 4 }, read["Pixels"].Type is VectorDataViewType v ? v.Dimensions.ToArray() : null);
        VBuffer<ReadOnlyMemory<char>> names = default;
        read["Features"].Annotations.GetValue(AnnotationKinds.SlotNames, ref names);
        CollectionAssert.AreEqual(new[] { "x", "y", "z" }, names.DenseValues().Select(n => n.ToString()).ToArray());
    }

    [TestMethod]
    public void WriteRead_EmptySchema_Empty() => Assert.AreEqual(0, RoundTrip(DataViewSchema.Empty).Count);

    [TestMethod]
    public void Write_UnsavableColumnType_NamesTheColumn()
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("Grid", new VectorDataViewType(NumberDataViewType.Single, 0, 4));
        var error = Assert.ThrowsExactly<NotSupportedException>(() => ModelZip.Stream(w => SchemaCodec.Write(w, builder.ToSchema())));
        StringAssert.Contains(error.Message, "Input column 'Grid' has type Vector<Single, 0, 4>, which a model file cannot describe");
    }

    private static string ReadError(Action<ModelStreamWriter> write) =>
        Assert.ThrowsExactly<InvalidDataException>(() => SchemaCodec.Read(new ModelStreamReader(ModelZip.Stream(write), "Schema.bin"))).Message;

    /// <summary>One column "C" of type Single with the annotations <paramref name="writeAnnotations"/> writes (after their count).</summary>
    private static Action<ModelStreamWriter> OneColumn(int annotationCount, Action<ModelStreamWriter> writeAnnotations) => w =>
    {
        w.WriteInt32(1);
        w.WriteString("C");
        w.WriteType(NumberDataViewType.Single);
        w.WriteInt32(annotationCount);
        writeAnnotations(w);
    };

    [TestMethod]
    public void Read_TooManyColumns_Rejected() =>
        StringAssert.Contains(ReadError(w => w.WriteInt32(100_001)), "number of input columns is 100001, outside [0, 100000]");

    [TestMethod]
    [DataRow("")]
    [DataRow("C")]
    public void Read_EmptyOrRepeatedColumnName_Rejected(string second)
    {
        string message = ReadError(w =>
        {
            w.WriteInt32(2);
            foreach (var name in new[] { "C", second })
            {
                w.WriteString(name);
                w.WriteType(NumberDataViewType.Single);
                w.WriteInt32(0);
            }
        });
        StringAssert.Contains(message, $"input column 1 has an empty or repeated name '{second}'");
    }

    [TestMethod]
    public void Read_TooManyAnnotations_Rejected() =>
        StringAssert.Contains(ReadError(OneColumn(65, _ => { })), "number of annotations of 'C' is 65, outside [0, 64]");

    [TestMethod]
    [DataRow("")]
    [DataRow("Count")]
    public void Read_EmptyOrRepeatedAnnotationKind_Rejected(string second)
    {
        string message = ReadError(OneColumn(2, w =>
        {
            foreach (var kind in new[] { "Count", second })
            {
                w.WriteString(kind);
                w.WriteType(NumberDataViewType.Int32);
                w.WriteInt32s([7]);
            }
        }));
        StringAssert.Contains(message, $"annotation 1 of 'C' has an empty or repeated kind '{second}'");
    }

    [TestMethod]
    public void Read_KeyTypedAnnotation_Rejected() =>
        StringAssert.Contains(ReadError(OneColumn(1, w => { w.WriteString("K"); w.WriteType(new KeyDataViewType(3)); })),
            "annotation 'K' of 'C' has unsupported type Key<UInt32, 0-2>");

    [TestMethod]
    public void Read_VectorAnnotationOfWrongLength_Rejected() =>
        StringAssert.Contains(ReadError(OneColumn(1, w =>
        {
            w.WriteString(AnnotationKinds.SlotNames);
            w.WriteType(new VectorDataViewType(TextDataViewType.Instance, 3));
            w.WriteStrings(["x"]);
        })), "annotation 'SlotNames' of 'C' holds 1 values; its type Vector<String, 3> says 3");

    [TestMethod]
    public void Read_ScalarAnnotationWithTwoValues_Rejected() =>
        StringAssert.Contains(ReadError(OneColumn(1, w =>
        {
            w.WriteString("Count");
            w.WriteType(NumberDataViewType.Int32);
            w.WriteInt32s([1, 2]);
        })), "annotation 'Count' of 'C' holds 2 values; a scalar annotation holds 1");
}
