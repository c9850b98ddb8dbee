// --data values: which kind of data set each form is, and the mistakes caught before anything is read.
using Microsoft.ML.Cnn.Mlcnn;
using Microsoft.ML.Cnn.Mlcnn.Inputs;
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Mlcnn.Inputs;

[TestClass]
public sealed class DataSourceTests
{
    [TestMethod]
    public void Resolve_EachForm_GivesItsKind()
    {
        Assert.AreEqual(DataSourceKind.ImageFolder, DataSource.Resolve(MlcnnData.ImageFolder, null, "--data", "--labels").Kind);
        Assert.AreEqual(DataSourceKind.Csv, DataSource.Resolve(MlcnnData.ImageCsv, null, "--data", "--labels").Kind);
        Assert.AreEqual(DataSourceKind.Idx, DataSource.Resolve(MlcnnData.IdxTrainImages, MlcnnData.IdxTrainLabels, "--data", "--labels").Kind);
        Assert.AreEqual(DataSourceKind.FashionMnistTrain, DataSource.Resolve("fashion-mnist", null, "--data", "--labels").Kind);
        Assert.AreEqual(DataSourceKind.FashionMnistTest, DataSource.Resolve("fashion-mnist-test", null, "--data", "--labels").Kind);
        Assert.IsTrue(DataSource.Resolve(MlcnnData.ImageCsv, null, "--data", "--labels").HasImagePaths);
        Assert.IsFalse(DataSource.Resolve("fashion-mnist", null, "--data", "--labels").HasImagePaths);
    }

    [TestMethod]
    public void Resolve_IdxLabelsMissingOnDisk_NamesTheLabelsOption()
    {
        var error = Assert.ThrowsExactly<UsageException>(() => DataSource.Resolve(MlcnnData.IdxTrainImages, "/nonexistent/labels", "--test", "--test-labels"));
        StringAssert.StartsWith(error.Message, "--test-labels '/nonexistent/labels' does not exist");
    }

    [TestMethod]
    public void Resolve_Empty_ListsTheForms()
    {
        var error = Assert.ThrowsExactly<UsageException>(() => DataSource.Resolve(" ", null, "--data", "--labels"));
        StringAssert.Contains(error.Message, "a .csv file, an IDX image file or 'fashion-mnist'");
    }
}
