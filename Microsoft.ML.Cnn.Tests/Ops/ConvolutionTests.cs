// Shape rules of Conv2D, with the worked examples of the course notes the library is specified from.
using Microsoft.ML.Cnn.Backends.Managed;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Ops;

[TestClass]
public sealed class ConvolutionTests
{
    private static Conv2D Conv(int kernel, int stride = 1, int pad = 0, int groups = 1) =>
        new(new Conv2DGeometry(kernel, kernel, stride, stride, Padding2D.Symmetric(pad, pad), 1, 1, groups), false);

    [TestMethod]
    public void InferShapes_6x6With3x3Valid_Gives4x4() =>
        Assert.AreEqual(new Shape(1, 1, 4, 4), Shapes.InferOne(Conv(3), new Shape(1, 1, 6, 6), new Shape(1, 1, 3, 3)));

    [TestMethod]
    public void InferShapes_32x32x3With5x5_Gives28x28() =>
        Assert.AreEqual(new Shape(Shape.Batch, 6, 28, 28), Shapes.InferOne(Conv(5), Shape.Batched(3, 32, 32), new Shape(6, 3, 5, 5)));

    [TestMethod]
    public void InferShapes_AlexNetFirstLayer_Gives55x55x96() =>
        Assert.AreEqual(new Shape(Shape.Batch, 96, 55, 55), Shapes.InferOne(Conv(11, stride: 4), Shape.Batched(3, 227, 227), new Shape(96, 3, 11, 11)));

    [TestMethod]
    [DataRow(3)]
    [DataRow(5)]
    [DataRow(7)]
    public void InferShapes_SamePaddingHalfKernel_KeepsSize(int kernel) =>
        Assert.AreEqual(new Shape(2, 4, 9, 9), Shapes.InferOne(Conv(kernel, pad: (kernel - 1) / 2), new Shape(2, 3, 9, 9), new Shape(4, 3, kernel, kernel)));

    [TestMethod]
    public void InferShapes_StrideTwoAsymmetricPaddingDilation_FollowsFormula()
    {
        // floor((9 + 1 + 0 - 2*(3-1) - 1)/2) + 1 = 3 rows; floor((8 + 2 + 1 - 4 - 1)/2) + 1 = 4 columns
        var geometry = new Conv2DGeometry(3, 3, 2, 2, new Padding2D(1, 0, 2, 1), 2, 2, 1);
        Assert.AreEqual(new Shape(1, 5, 3, 4), Shapes.InferOne(new Conv2D(geometry, false), new Shape(1, 2, 9, 8), new Shape(5, 2, 3, 3)));
    }

    /// <summary>The notes' example: [[0,1,2],[3,4,5],[6,7,8]] cross-correlated with [[0,1],[2,3]] gives [[19,25],[37,43]].</summary>
    [TestMethod]
    public void Run_CourseNotes2x2Example_Gives19_25_37_43()
    {
        float[] x = [0, 1, 2, 3, 4, 5, 6, 7, 8];
        float[] w = [0, 1, 2, 3];
        float[] expected = [19, 25, 37, 43];
        var op = new Conv2D(new Conv2DGeometry(2, 2, 1, 1, Padding2D.None, 1, 1, 1), false);
        InputSpec[] specs = [InputSpec.X(1, 1, 3, 3), InputSpec.Weight(1, 1, 2, 2)];

        CollectionAssert.AreEqual(expected, NaiveReference.Evaluate(op, [specs[0].Shape, specs[1].Shape], [x, w])[0]);
        using var backend = new ManagedBackend(threads: 1);
        CollectionAssert.AreEqual(expected, OpRunner.Evaluate(backend, op, specs, [x, w])[0]);
    }

    [TestMethod]
    public void InferShapes_KernelLargerThanInput_ErrorNamesFormulaAndLayer()
    {
        var e = Assert.ThrowsExactly<ShapeInferenceException>(() => Shapes.Infer(Conv(5), new Shape(1, 1, 3, 3), new Shape(1, 1, 5, 5)));
        StringAssert.Contains(e.Message, "floor((n + pBefore + pAfter - d(f-1) - 1)/s) + 1");
        StringAssert.Contains(e.Message, "is not positive");
        StringAssert.Contains(e.Message, "layer_under_test");
    }

    [TestMethod]
    public void InferShapes_GroupsNotDividingChannels_Throws()
    {
        var e = Assert.ThrowsExactly<ShapeInferenceException>(() => Shapes.Infer(Conv(3, groups: 2), new Shape(1, 3, 5, 5), new Shape(4, 1, 3, 3)));
        StringAssert.Contains(e.Message, "groups 2 must divide the 3 input channels");
    }

    [TestMethod]
    public void InferShapes_WeightChannelsMismatch_Throws()
    {
        var e = Assert.ThrowsExactly<ShapeInferenceException>(() => Shapes.Infer(Conv(3), new Shape(1, 3, 5, 5), new Shape(4, 2, 3, 3)));
        StringAssert.Contains(e.Message, "expects 2 input channels, the input has 3");
    }
}
