// mlContext.Data image loaders: LoadFromImageFolder on a temporary folder tree (labels, recursion, sorting, filtering,
// errors) feeding LoadImages, and LoadFromIdx on tiny IDX files written here (raw and gzipped).
using System.Buffers.Binary;
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Images;
using Microsoft.ML.Cnn.Numerics;
using Microsoft.ML.Cnn.Tests.Images;
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Data;

public sealed partial class DataOperationsCatalogTests
{
    public TestContext TestContext { get; set; } = null!;

    /// <summary>A fresh temporary folder for this test, deleted by the caller.</summary>
    private string TempFolder()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"{TestContext.TestName}-{Environment.ProcessId}");
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static void AddFile(string folder, string relative, string? copyOf = null)
    {
        string path = Path.Combine(folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (copyOf == null) File.WriteAllText(path, "not an image");
        else File.Copy(MLImageTests.ImagePath(copyOf), path);
    }

    [TestMethod]
    public void LoadFromImageFolder_ClassTree_SortedPathsAndTopFolderLabels()
    {
        string folder = TempFolder();
        try
        {
            AddFile(folder, "dog/c.JPEG", "cat.jpg");
            AddFile(folder, "cat/sub/a.jpg", "cat.jpg");
            AddFile(folder, "cat/b.png", "gray.png");
            AddFile(folder, "dog/notes.txt");
            AddFile(folder, "dog/.hidden.png", "gray.png");
            var context = new MLContext(1);
            var data = context.Data.LoadFromImageFolder(folder);
            CollectionAssert.AreEqual(new[] { "Label", "ImagePath" }, data.Schema.Select(c => c.Name).ToArray());
            Assert.AreEqual(3L, data.GetRowCount());
            CollectionAssert.AreEqual(new[] { "cat", "cat", "dog" }, TransformRows.Text(data, "Label"));
            CollectionAssert.AreEqual(new[] { Path.Combine("cat", "b.png"), Path.Combine("cat", "sub", "a.jpg"), Path.Combine("dog", "c.JPEG") },
                TransformRows.Text(data, "ImagePath"));
            var images = context.Transforms.LoadImages("Image", folder, "ImagePath").Fit(data).Transform(data);
            CollectionAssert.AreEqual(new[] { "5x2 Gray8", "32x32 Rgba32", "32x32 Rgba32" },
                TransformRows.Column<MLImage>(images, "Image").Select(i => i.ToString()).ToArray());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public void LoadFromImageFolder_WithoutLabels_PathsOnlyRootImagesAllowed()
    {
        string folder = TempFolder();
        try
        {
            AddFile(folder, "z.png", "gray.png");
            AddFile(folder, "a/y.bmp", "cat.bmp");
            var data = new MLContext(1).Data.LoadFromImageFolder(folder, useFolderNameAsLabel: false);
            Assert.AreEqual(1, data.Schema.Count);
            CollectionAssert.AreEqual(new[] { Path.Combine("a", "y.bmp"), "z.png" }, TransformRows.Text(data, "ImagePath"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public void LoadFromImageFolder_ImageOutsideClassFolders_NamesItAndTheFix()
    {
        string folder = TempFolder();
        try
        {
            AddFile(folder, "cat/a.png", "gray.png");
            AddFile(folder, "stray.png", "gray.png");
            var e = Assert.ThrowsExactly<InvalidDataException>(() => new MLContext(1).Data.LoadFromImageFolder(folder));
            StringAssert.Contains(e.Message, "'stray.png'");
            StringAssert.Contains(e.Message, "useFolderNameAsLabel: false");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public void LoadFromImageFolder_MissingOrEmptyFolder_ClearErrors()
    {
        string folder = TempFolder();
        try
        {
            AddFile(folder, "cat/readme.txt");
            var data = new MLContext(1).Data;
            var empty = Assert.ThrowsExactly<InvalidDataException>(() => data.LoadFromImageFolder(folder));
            StringAssert.Contains(empty.Message, "holds no images (.jpg, .jpeg, .png, .bmp, .gif)");
            var missing = Assert.ThrowsExactly<DirectoryNotFoundException>(() => data.LoadFromImageFolder(Path.Combine(folder, "nope")));
            StringAssert.Contains(missing.Message, "nope' does not exist");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>An IDX file of unsigned bytes with <paramref name="dimensions"/>.</summary>
    private static byte[] Idx(int[] dimensions, params byte[] data)
    {
        var bytes = new byte[4 + 4 * dimensions.Length + data.Length];
        bytes[2] = 0x08;
        bytes[3] = (byte)dimensions.Length;
        for (int d = 0; d < dimensions.Length; d++) BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + 4 * d), dimensions[d]);
        data.CopyTo(bytes, 4 + 4 * dimensions.Length);
        return bytes;
    }

    private (string Images, string Labels) WriteIdx(string folder, byte[] images, byte[] labels)
    {
        string imagesPath = Path.Combine(folder, "images-idx3-ubyte.gz"), labelsPath = Path.Combine(folder, "labels-idx1-ubyte");
        File.WriteAllBytes(imagesPath, IdxReaderTests.Gzip(images));
        File.WriteAllBytes(labelsPath, labels);
        return (imagesPath, labelsPath);
    }

    [TestMethod]
    public void LoadFromIdx_TinyFiles_ScaledFeaturesAndKeyLabels()
    {
        string folder = TempFolder();
        try
        {
            var (images, labels) = WriteIdx(folder, Idx([3, 2, 2], 0, 255, 51, 102, 1, 2, 3, 4, 10, 20, 30, 40), Idx([3], 2, 0, 2));
            var context = new MLContext(1);
            var data = context.Data.LoadFromIdx(images, labels);
            Assert.AreEqual<DataViewType>(new VectorDataViewType(NumberDataViewType.Single, 1, 2, 2), data.Schema["Features"].Type);
            Assert.AreEqual<DataViewType>(new KeyDataViewType(3), data.Schema["Label"].Type);
            CollectionAssert.AreEqual(new[] { 0f, 255 * (1f / 255), 51 * (1f / 255), 102 * (1f / 255) }, TransformRows.VectorColumn<float>(data, "Features")[0]);
            CollectionAssert.AreEqual(new uint[] { 3, 1, 3 }, TransformRows.Column<uint>(data, "Label"));
            var back = context.Transforms.Conversion.MapKeyToValue("Digit", "Label").Fit(data).Transform(data);
            CollectionAssert.AreEqual(new float[] { 2, 0, 2 }, TransformRows.Column<float>(back, "Digit"));
            var raw = context.Data.LoadFromIdx(images, labels, scale: 1);
            CollectionAssert.AreEqual(new float[] { 10, 20, 30, 40 }, TransformRows.VectorColumn<float>(raw, "Features")[2]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public void LoadFromImageFolder_UseFullPath_LoadImagesWithoutFolder()
    {
        string folder = TempFolder();
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "cats"));
            File.Copy(Path.Combine(AppContext.BaseDirectory, "TestData", "Images", "cat.png"), Path.Combine(folder, "cats", "a.png"));
            var context = new MLContext(1);
            var data = context.Data.LoadFromImageFolder(folder, useFullPath: true);
            string path = TransformRows.Text(data, "ImagePath").Single();
            Assert.IsTrue(Path.IsPathRooted(path), path);
            var images = context.Transforms.LoadImages("Image", null, "ImagePath").Fit(data).Transform(data);
            Assert.HasCount(1, TransformRows.Column<Microsoft.ML.Cnn.Images.MLImage>(images, "Image"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public void LoadFromIdx_ClassNamesFromStreams_TextKeyValues()
    {
        var context = new MLContext(1);
        using var images = new MemoryStream(Idx([2, 1, 1], 7, 9));
        using var labels = new MemoryStream(Idx([2], 1, 0));
        var data = context.Data.LoadFromIdx(images, labels, classNames: ["cat", "dog", "eel"]);
        Assert.AreEqual<DataViewType>(new KeyDataViewType(3), data.Schema["Label"].Type);
        var back = context.Transforms.Conversion.MapKeyToValue("Name", "Label").Fit(data).Transform(data);
        CollectionAssert.AreEqual(new[] { "dog", "cat" }, TransformRows.Text(back, "Name"));
    }

    [TestMethod]
    public void LoadFromIdx_LabelWithoutClassName_FailsNamingTheLabel()
    {
        var context = new MLContext(1);
        using var images = new MemoryStream(Idx([2, 1, 1], 7, 9));
        using var labels = new MemoryStream(Idx([2], 2, 0));
        var error = Assert.ThrowsExactly<InvalidDataException>(() => context.Data.LoadFromIdx(images, labels, classNames: ["cat", "dog"]));
        StringAssert.Contains(error.Message, "label 2");
    }

    [TestMethod]
    public void LoadFromIdx_ShuffledCursor_RowsStayWhole()
    {
        string folder = TempFolder();
        try
        {
            var pixels = Enumerable.Range(0, 20).Select(i => (byte)(i / 4)).ToArray(); // image i is all i
            var (images, labels) = WriteIdx(folder, Idx([5, 2, 2], pixels), Idx([5], 0, 1, 2, 3, 4));
            var data = new MLContext(1).Data.LoadFromIdx(images, labels, scale: 1);
            Assert.IsTrue(data.CanShuffle);
            using var cursor = data.GetRowCursor(data.Schema, new SeededRandom(3));
            var features = cursor.GetGetter<VBuffer<float>>(data.Schema["Features"]);
            var label = cursor.GetGetter<uint>(data.Schema["Label"]);
            var seen = new List<uint>();
            VBuffer<float> value = default;
            uint key = 0;
            while (cursor.MoveNext())
            {
                features(ref value);
                label(ref key);
                Assert.IsTrue(value.GetValues().ToArray().All(v => v == key - 1), "an image must keep its label");
                seen.Add(key);
            }
            CollectionAssert.AreEquivalent(new uint[] { 1, 2, 3, 4, 5 }, seen);
            CollectionAssert.AreNotEqual(new uint[] { 1, 2, 3, 4, 5 }, seen);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public void LoadFromIdx_BadFiles_NameFilesAndProblem()
    {
        string folder = TempFolder();
        try
        {
            var data = new MLContext(1).Data;
            var (images, labels) = WriteIdx(folder, Idx([2, 1, 1], 1, 2), Idx([3], 0, 1, 2));
            var counts = Assert.ThrowsExactly<InvalidDataException>(() => data.LoadFromIdx(images, labels));
            StringAssert.Contains(counts.Message, "has 2 images but");
            (images, labels) = WriteIdx(folder, Idx([2], 1, 2), Idx([2], 0, 1));
            var rank = Assert.ThrowsExactly<InvalidDataException>(() => data.LoadFromIdx(images, labels));
            StringAssert.Contains(rank.Message, "expected (N, H, W)");
            Assert.ThrowsExactly<FileNotFoundException>(() => data.LoadFromIdx(Path.Combine(folder, "missing"), labels));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
