// mlContext.<Task>.Trainers.Cnn: the simple overloads configure the trainers, and the ML.NET image pipeline
// (MapValueToKey, LoadImages, ResizeImages, ExtractPixels, augmentation, Cnn, MapKeyToValue) trains, scores and saves.
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Backends;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Tests.Images;
using Microsoft.ML.Cnn.Tests.TestSupport;
using Microsoft.ML.Cnn.Tests.Trainers;
using CnnTrainers = Microsoft.ML.Cnn.Trainers;

namespace Microsoft.ML.Cnn.Tests;

public sealed class LabelledImageRow
{
    public string Label = "";
    public string ImagePath = "";
}

[TestClass]
public sealed class CnnCatalogTests
{
    [TestMethod]
    public void Cnn_ImagePipelineAsInMLNet_LearnsTheImagesAndSurvivesSaveLoad()
    {
        var ml = new MLContext(seed: 1);
        string folder = Path.GetDirectoryName(MLImageTests.ImagePath("cat.jpg"))!;
        string[] names = ["cat", "frog", "ship"];
        var rows = Enumerable.Range(0, 24).Select(i => new LabelledImageRow { Label = names[i % 3], ImagePath = $"{names[i % 3]}.jpg" }).ToArray();
        var data = ml.Data.LoadFromEnumerable(rows);
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.LoadImages("Image", folder, "ImagePath"))
            .Append(ml.Transforms.ResizeImages("Image", 12, 12))
            .Append(ml.Transforms.ExtractPixels("Features", "Image", scaleImage: 1f / 255))
            .Append(ml.Transforms.RandomHorizontalFlip("Features"))
            .Append(ml.MulticlassClassification.Trainers.Cnn(new CnnTrainers.CnnMulticlassTrainer.Options
            {
                Architecture = QuadrantData.Tiny, MaxEpoch = 8, BatchSize = 8, LearningRate = 0.02f, Backend = BackendKind.Managed, NumberOfThreads = 1,
            }))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));

        var model = pipeline.Fit(data);
        var predicted = TransformRows.Text(model.Transform(data), "PredictedLabel");
        var loaded = ImageRows.SaveAndLoad(model, data.Schema);

        CollectionAssert.AreEqual(rows.Select(r => r.Label).ToArray(), predicted);
        CollectionAssert.AreEqual(predicted, TransformRows.Text(loaded.Transform(data), "PredictedLabel"));
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, 3, 12, 12), model.Transform(data).Schema["Features"].Type);
    }

    [TestMethod]
    public void Cnn_SimpleOverloads_PassTheirArgumentsToTheOptions()
    {
        var ml = new MLContext(seed: 1);
        var view = ml.Data.LoadFromEnumerable(QuadrantData.Rows(30).Select(r => new WeightedQuadrantRow { Label = r.Label, Features = r.Features, Weight = 1 }).ToArray());
        var keyed = ml.Transforms.Conversion.MapValueToKey("Class", "Label").Fit(view).Transform(view);

        // "Label" is text here: fitting works only because the key column "Class" was passed as the label.
        using var model = ml.MulticlassClassification.Trainers.Cnn("Class", "Features", "Weight", QuadrantData.Tiny, maxEpoch: 3, batchSize: 7, learningRate: 0.5f).Fit(keyed);
        var badWeight = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ml.MulticlassClassification.Trainers.Cnn("Class", exampleWeightColumnName: "Importance").Fit(keyed));
        var badEpochs = Assert.ThrowsExactly<ArgumentException>(() => ml.BinaryClassification.Trainers.Cnn(maxEpoch: 0));
        var badBatch = Assert.ThrowsExactly<ArgumentException>(() => ml.Regression.Trainers.Cnn(batchSize: 0));

        Assert.HasCount(3, model.History!.Epochs);
        Assert.AreEqual(0.5f, model.History.Epochs[0].LearningRate);
        StringAssert.Contains(badWeight.Message, "'Importance' not found");
        Assert.AreEqual(("MaxEpoch", "BatchSize"), (badEpochs.ParamName, badBatch.ParamName));
    }
}
