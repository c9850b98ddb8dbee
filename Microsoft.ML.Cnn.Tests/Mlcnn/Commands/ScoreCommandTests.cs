// `mlcnn score` end to end: predictions CSV from a folder or a CSV, corrupt images as error rows (never a crash or a
// made-up prediction), batch size not changing results, and IDX-trained models scoring image files.
using System.Globalization;
using Microsoft.ML.Cnn.Mlcnn.Inputs;
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Mlcnn.Commands;

[TestClass]
public sealed class ScoreCommandTests
{
    private static string TestImage(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "Images", name);

    [TestMethod]
    public void Execute_FolderWithCorruptImages_WritesErrorRowsWithReasonsAndScoresTheRest()
    {
        string folder = MlcnnData.NewFolder("score-corrupt");
        foreach (var file in Directory.GetFiles(Path.Combine(MlcnnData.ImageFolder, "Bag"))) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        File.Copy(TestImage("corrupt.jpg"), Path.Combine(folder, "corrupt.jpg"));
        File.Copy(TestImage("truncated.jpg"), Path.Combine(folder, "truncated.jpg"));
        File.WriteAllText(Path.Combine(folder, "not-an-image.png"), "hello");
        string output = Path.Combine(folder, "out", "predictions.csv");

        var result = MlcnnRunner.Expect(0, "score", "-m", MlcnnData.ImageModel.Model, "--images", folder, "-o", output, "--batch-size", "4");

        StringAssert.Contains(result.Output, $"Scored {MlcnnData.ImagesPerClass} images");
        StringAssert.Contains(result.Output, "3 of 13 images could not be scored");
        var lines = File.ReadAllLines(output);
        CollectionAssert.AreEqual(new[] { "path", "label", "probability", "Bag", "Sneaker", "Trouser", "error" }, PathCsvReader.SplitLine(lines[0], output, 1));
        Assert.HasCount(14, lines);
        foreach (var line in lines.Skip(1))
        {
            var fields = PathCsvReader.SplitLine(line, output, 0);
            Assert.HasCount(7, fields, line);
            bool bad = Path.GetFileName(fields[0]) is "corrupt.jpg" or "truncated.jpg" or "not-an-image.png";
            if (bad)
            {
                Assert.AreEqual("", fields[1], line);                        // no label, no probabilities: never a silent guess
                Assert.AreEqual("", fields[3], line);
                StringAssert.Contains(fields[6], fields[0], line);          // the reason names the file
                continue;
            }
            Assert.AreEqual("", fields[6], line);
            CollectionAssert.Contains(new[] { "Bag", "Sneaker", "Trouser" }, fields[1], line);
            float[] probabilities = [.. fields.Skip(3).Take(3).Select(f => float.Parse(f, CultureInfo.InvariantCulture))];
            Assert.AreEqual(1f, probabilities.Sum(), 1e-4f, line);
            Assert.AreEqual(probabilities.Max(), float.Parse(fields[2], CultureInfo.InvariantCulture), 1e-6f, line);
        }
    }

    [TestMethod]
    public void Execute_BatchSize_DoesNotChangeThePredictions()
    {
        string folder = MlcnnData.NewFolder("score-batches");
        string one = Path.Combine(folder, "one.csv"), many = Path.Combine(folder, "many.csv");
        MlcnnRunner.Expect(0, "score", "-m", MlcnnData.ImageModel.Model, "-i", MlcnnData.ImageFolder, "-o", one, "--batch-size", "1");
        MlcnnRunner.Expect(0, "score", "-m", MlcnnData.ImageModel.Model, "-i", MlcnnData.ImageFolder, "-o", many, "--batch-size", "256");
        var lines = File.ReadAllLines(one);
        Assert.HasCount(3 * MlcnnData.ImagesPerClass + 1, lines);
        CollectionAssert.AreEqual(lines, File.ReadAllLines(many));
    }

    [TestMethod]
    public void Execute_CsvOfPaths_ScoresInCsvOrderWithAbsolutePaths()
    {
        string output = Path.Combine(MlcnnData.NewFolder("score-csv"), "p.csv");
        MlcnnRunner.Expect(0, "score", "-m", MlcnnData.ImageModel.Model, "-i", MlcnnData.ImageCsv, "-o", output);
        var expected = File.ReadAllLines(MlcnnData.ImageCsv).Skip(1).Select(l => Path.GetFullPath(l.Split(',')[0], MlcnnData.Root)).ToArray();
        CollectionAssert.AreEqual(expected, File.ReadAllLines(output).Skip(1).Select(l => l.Split(',')[0]).ToArray());
    }

    [TestMethod]
    public void Execute_IdxTrainedModel_ScoresImageFilesAsGrayPixels()
    {
        string output = Path.Combine(MlcnnData.NewFolder("score-idx"), "p.csv");
        var result = MlcnnRunner.Expect(0, "score", "-m", MlcnnData.IdxModel.Model, "-i", Path.Combine(MlcnnData.ImageFolder, "Trouser"), "-o", output);
        StringAssert.Contains(result.Output, $"Scored {MlcnnData.ImagesPerClass} images");
        var header = PathCsvReader.SplitLine(File.ReadAllLines(output)[0], output, 1);
        CollectionAssert.AreEqual(new[] { "path", "label", "probability", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "error" }, header);
    }

    [TestMethod]
    public void Execute_ImagesPathThatIsNeitherFolderNorCsv_IsUsageError()
    {
        var result = MlcnnRunner.Expect(2, "score", "-m", MlcnnData.ImageModel.Model, "-i", MlcnnData.TinyArchitecture);
        StringAssert.Contains(result.Error, "neither a folder nor a .csv file");
    }
}
