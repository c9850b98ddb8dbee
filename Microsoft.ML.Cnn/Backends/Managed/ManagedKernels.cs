// The managed backend's kernel table: one row per op. A new op needs one row here (and a kernel).
using Microsoft.ML.Cnn.Backends.Managed.Kernels;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Backends.Managed;

internal static class ManagedKernels
{
    /// <summary>The kernel for <paramref name="op"/> at these concrete input and output shapes.</summary>
    public static ManagedKernel Create(Op op, Shape[] inputs, Shape[] outputs) => op switch
    {
        Placeholder or ParameterRead => NoOpKernel.Instance,
        Fill fill => new FillKernel(fill.Value),
        Add => new AddKernel(),
        Reshape => new CopyKernel(),
        Concat => new ConcatKernel(inputs),
        SliceAxis1 slice => new SliceAxis1Kernel(inputs[0], slice.Start, slice.Length),
        MaxPool2D pool => new MaxPool2DKernel(new PoolingPlane(pool.Geometry, inputs[0], outputs[0])),
        MaxPool2DBackward pool => new MaxPool2DBackwardKernel(new PoolingPlane(pool.Geometry, inputs[0], inputs[2])),
        AvgPool2D pool => new AvgPool2DKernel(new PoolingPlane(pool.Geometry, inputs[0], outputs[0]), pool.CountIncludesPadding),
        AvgPool2DBackward pool => new AvgPool2DBackwardKernel(new PoolingPlane(pool.Geometry, outputs[0], inputs[0]), pool.CountIncludesPadding),
        L2Pool2D pool => new L2Pool2DKernel(new PoolingPlane(pool.Geometry, inputs[0], outputs[0])),
        L2Pool2DBackward pool => new L2Pool2DBackwardKernel(new PoolingPlane(pool.Geometry, inputs[0], inputs[2])),
        GlobalAvgPool => new GlobalAvgPoolKernel(inputs[0]),
        GlobalAvgPoolBackward => new GlobalAvgPoolBackwardKernel(outputs[0]),
        Eltwise e => new EltwiseKernel(e.Function, e.Alpha),
        EltwiseBackward e => new EltwiseBackwardKernel(e.Function, e.Alpha),
        Softmax => new SoftmaxKernel(inputs[0]),
        SoftmaxBackward => new SoftmaxBackwardKernel(inputs[0]),
        BatchNormTraining bn => new BatchNormTrainingKernel(inputs[0], bn.Epsilon),
        BatchNormBackward bn => new BatchNormBackwardKernel(inputs[0], bn.Epsilon),
        BatchNormInference bn => new BatchNormInferenceKernel(inputs[0], bn.Epsilon),
        BatchNormInferenceBackward bn => new BatchNormInferenceBackwardKernel(inputs[2], bn.Epsilon),
        LocalResponseNorm lrn => new LocalResponseNormKernel(lrn, inputs[0]),
        LocalResponseNormBackward lrn => new LocalResponseNormBackwardKernel(lrn.Forward, inputs[0]),
        Dropout d => new DropoutKernel(d.Rate, d.Seed, inputs[0].Rank == 0 ? 1 : inputs[0][0]),
        MaskMultiply => new MaskMultiplyKernel(),
        SoftmaxCrossEntropy l => new SoftmaxCrossEntropyKernel(inputs[0], backward: false, inputs.Length == 3, l.LabelSmoothing, l.ClassWeights),
        SoftmaxCrossEntropyBackward l => new SoftmaxCrossEntropyKernel(inputs[0], backward: true, inputs.Length == 4, l.LabelSmoothing, l.ClassWeights),
        SigmoidCrossEntropy => new SigmoidCrossEntropyKernel(inputs[0], backward: false, inputs.Length == 3),
        SigmoidCrossEntropyBackward => new SigmoidCrossEntropyKernel(inputs[0], backward: true, inputs.Length == 4),
        MeanSquaredError => new MeanSquaredErrorKernel(inputs[0], backward: false, inputs.Length == 3),
        MeanSquaredErrorBackward => new MeanSquaredErrorKernel(inputs[0], backward: true, inputs.Length == 4),
        Conv2D conv => new Conv2DKernel(conv, inputs),
        Conv2DBackwardData backward => new Conv2DBackwardDataKernel(backward, inputs, outputs),
        Conv2DBackwardWeights backward => new Conv2DBackwardWeightsKernel(backward, inputs),
        Dense dense => new DenseKernel(inputs[0], inputs[1], dense.HasBias),
        DenseBackwardData => new DenseBackwardDataKernel(inputs[0], inputs[1]),
        DenseBackwardWeights backward => new DenseBackwardWeightsKernel(inputs[0], inputs[1], backward.HasBias),
        _ => throw new NotSupportedException($"The managed backend has no kernel for {op.Name}."),
    };
}
