// What every Cnn trainer shares: the seed drawn from the context, and training-time augmentation taken from the
// feature column's TrainingAugmentation annotation (applied when training, ignored when scoring).
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Tests.TestSupport;
using Microsoft.ML.Cnn.Trainers;
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.Tests.Trainers;

[TestClass]
public sealed class CnnTrainerBaseTests
{
    private static IDataView Augmented(IDataView view, ImageAugmentation augmentation)
    {
        var annotations = new DataViewSchema.Annotations.Builder();
        annotations.Add(AnnotationKinds.TrainingAugmentation, ImageAugmentationDataViewType.Instance, (ref ImageAugmentation value) => value = augmentation);
        return new AnnotatedDataView(view, "Features", annotations.ToAnnotations());
    }

    [TestMethod]
    public void Seed_NotSet_IsDrawnFromTheContextWhenTheTrainerIsCreated()
    {
        var first = new MLContext(seed: 3).MulticlassClassification.Trainers.Cnn(QuadrantData.Options<CnnMulticlassTrainer.Options>(o => o.Seed = null));
        var same = new MLContext(seed: 3).MulticlassClassification.Trainers.Cnn(QuadrantData.Options<CnnMulticlassTrainer.Options>(o => o.Seed = null));
        var given = new MLContext(seed: 3).MulticlassClassification.Trainers.Cnn(QuadrantData.Options<CnnMulticlassTrainer.Options>(o => o.Seed = 12));

        Assert.AreEqual(first.Seed, same.Seed);
        Assert.AreEqual(12, given.Seed);
    }

    [TestMethod]
    public void Fit_AugmentationAnnotation_ChangesTrainingButNotScoring()
    {
        var ml = new MLContext(seed: 1);
        var view = ml.Data.LoadFromEnumerable(QuadrantData.BinaryRows(64));
        var augmented = Augmented(view, new ImageAugmentation(HorizontalFlip: true, MaxTranslation: 1));
        var trainer = ml.BinaryClassification.Trainers.Cnn(QuadrantData.Options<CnnBinaryTrainer.Options>(o => o.MaxEpoch = 2));

        using var plain = trainer.Fit(view);
        CnnBinaryPredictionTransformer? withAugmentation = null;
        var log = QuadrantData.CaptureLog(ml, () => withAugmentation = trainer.Fit(augmented));
        using var _ = withAugmentation;

        CollectionAssert.AreNotEqual(plain.Network.Parameters[0].Data, withAugmentation!.Network.Parameters[0].Data, "training saw augmented images");
        CollectionAssert.AreEqual(TransformRows.Column<float>(withAugmentation.Transform(view), "Score"), TransformRows.Column<float>(withAugmentation.Transform(augmented), "Score"), "scoring ignores the annotation");
        Assert.IsTrue(log.Any(l => l.Contains("augmented by horizontal flips, shifts of up to 1 pixel(s)")), string.Join("\n", log));
    }

    [TestMethod]
    public void Fit_AugmentationThatDoesNotFitTheImages_FailsNamingTheColumn()
    {
        var ml = new MLContext(seed: 1);
        var augmented = Augmented(ml.Data.LoadFromEnumerable(QuadrantData.BinaryRows(8)), new ImageAugmentation(MaxTranslation: 8));

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ml.BinaryClassification.Trainers.Cnn(QuadrantData.Options<CnnBinaryTrainer.Options>()).Fit(augmented));

        StringAssert.Contains(error.Message, "Feature column 'Features' (Vector<Single, 1, 8, 8>) carries an augmentation that does not fit its samples (1, 8, 8): MaxTranslation 8 must be in [0, 7]");
    }
}
