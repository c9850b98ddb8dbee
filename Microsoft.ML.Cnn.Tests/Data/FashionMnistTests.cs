// Fashion-MNIST loading: the embedded subset, files in a directory, the fallback, and inconsistent files.
using System.Buffers.Binary;
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Graph;

namespace Microsoft.ML.Cnn.Tests.Data;

[TestClass]
public sealed class FashionMnistTests
{
    [TestMethod]
    public void LoadDataViews_MissingDirectory_SubsetViewsWithClassNames()
    {
        var context = new MLContext(1);
        var messages = new List<string>();
        var (train, test, isSubset) = FashionMnist.LoadDataViews(context, "/nonexistent/fashion", messages.Add);
        Assert.IsTrue(isSubset);
        Assert.AreEqual(6000L, train.GetRowCount());
        Assert.AreEqual(1000L, test.GetRowCount());
        Assert.AreEqual<DataViewType>(new VectorDataViewType(NumberDataViewType.Single, 1, 28, 28), train.Schema["Features"].Type);
        VBuffer<ReadOnlyMemory<char>> names = default;
        train.Schema["Label"].Annotations.GetValue(AnnotationKinds.KeyValues, ref names);
        CollectionAssert.AreEqual(FashionMnist.ClassNames.ToArray(), names.DenseValues().Select(n => n.ToString()).ToArray());
        StringAssert.Contains(messages.Single(), "embedded subset");
    }

    [TestMethod]
    public void LoadSubset_Embedded_Has6000TrainAnd1000TestScaledImages()
    {
        var data = FashionMnist.LoadSubset();

        Assert.IsTrue(data.IsSubset);
        Assert.AreEqual(6000, data.Train.Count);
        Assert.AreEqual(1000, data.Test.Count);
        Assert.AreEqual(new Shape(1, 28, 28), data.Train.SampleShape);
        Assert.AreEqual(Shape.Scalar, data.Train.LabelShape);
        float max = 0f;
        foreach (float v in data.Train.Features) { Assert.IsTrue(v is >= 0f and <= 1f); max = Math.Max(max, v); }
        Assert.AreEqual(1f, max);
        // The first training label of Fashion-MNIST is 9 (ankle boot), the first test label 9 as well.
        Assert.AreEqual(9f, data.Train.Labels[0]);
        Assert.AreEqual(9f, data.Test.Labels[0]);
        var counts = new int[10];
        foreach (float label in data.Train.Labels) counts[(int)label]++;
        Assert.IsTrue(counts.All(c => c > 500), "every class is represented");
    }

    [TestMethod]
    [DataRow(true)]
    [DataRow(false)]
    public void Load_DirectoryWithFiles_ReadsBothSplits(bool gzipped)
    {
        string directory = WriteDirectory(trainCount: 3, testCount: 2, gzipped);
        try
        {
            var data = FashionMnist.Load(directory);

            Assert.IsFalse(data.IsSubset);
            Assert.AreEqual(3, data.Train.Count);
            Assert.AreEqual(2, data.Test.Count);
            Assert.AreEqual(2f, data.Train.Labels[2]);
            Assert.AreEqual(1f, data.Train.Features[0], "pixel 255 scales to 1");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [TestMethod]
    public void LoadOrSubset_MissingDirectory_FallsBackAndSaysSo()
    {
        var messages = new List<string>();

        var data = FashionMnist.LoadOrSubset("/nonexistent/fashion", messages.Add);

        Assert.IsTrue(data.IsSubset);
        StringAssert.Contains(messages.Single(), "embedded subset");
    }

    [TestMethod]
    public void Load_MissingDirectory_Throws() =>
        Assert.ThrowsExactly<DirectoryNotFoundException>(() => FashionMnist.Load("/nonexistent/fashion"));

    public static IEnumerable<object[]> Inconsistent =>
    [
        [new IdxArray([2, 28, 27], new byte[2 * 28 * 27]), new IdxArray([2], [0, 1]), "expected (N, 28, 28)"],
        [new IdxArray([2, 28, 28], new byte[2 * 784]), new IdxArray([2, 1], [0, 1]), "expected (N)"],
        [new IdxArray([2, 28, 28], new byte[2 * 784]), new IdxArray([3], [0, 1, 2]), "2 images but 3 labels"],
        [new IdxArray([2, 28, 28], new byte[2 * 784]), new IdxArray([2], [0, 10]), "Label 1 of 'set' is 10"],
    ];

    [TestMethod]
    [DynamicData(nameof(Inconsistent))]
    public void ToDataset_InconsistentArrays_ThrowsNamingTheProblem(IdxArray images, IdxArray labels, string reason)
    {
        var e = Assert.ThrowsExactly<InvalidDataException>(() => FashionMnist.ToDataset(images, labels, "set"));

        StringAssert.Contains(e.Message, reason);
    }

    private static string WriteDirectory(int trainCount, int testCount, bool gzipped)
    {
        string directory = Path.Combine(Path.GetTempPath(), $"fashion-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        foreach (var (prefix, count) in new[] { ("train", trainCount), ("t10k", testCount) })
        {
            var images = new byte[count * 784];
            images[0] = 255;
            var labels = Enumerable.Range(0, count).Select(i => (byte)i).ToArray();
            Write(Path.Combine(directory, $"{prefix}-images-idx3-ubyte"), Idx(images, count, 28, 28), gzipped);
            Write(Path.Combine(directory, $"{prefix}-labels-idx1-ubyte"), Idx(labels, count), gzipped);
        }
        return directory;
    }

    private static void Write(string path, byte[] bytes, bool gzipped)
    {
        if (gzipped) File.WriteAllBytes(path + ".gz", IdxReaderTests.Gzip(bytes));
        else File.WriteAllBytes(path, bytes);
    }

    private static byte[] Idx(byte[] data, params int[] dimensions)
    {
        var bytes = new byte[4 + 4 * dimensions.Length + data.Length];
        bytes[2] = 0x08;
        bytes[3] = (byte)dimensions.Length;
        for (int d = 0; d < dimensions.Length; d++) BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + 4 * d), dimensions[d]);
        data.CopyTo(bytes, 4 + 4 * dimensions.Length);
        return bytes;
    }
}
