// NOTE: the one escape for kernels that another branch (gemm) provides. Remove this file and its single call
// in OpRunner once Conv2D and Dense kernels are merged, so a missing kernel fails again.
using Microsoft.ML.Cnn.Execution;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Tests.TestSupport;

internal static class PendingKernels
{
    /// <summary>Marks the test inconclusive when compiling failed only because a convolution or dense kernel is missing.</summary>
    public static void InconclusiveIfPending(ExecutionPlan plan, NotSupportedException failure)
    {
        foreach (var step in plan.Steps)
        {
            if (step.Op is Conv2D or Conv2DBackwardData or Conv2DBackwardWeights or Dense or DenseBackwardData or DenseBackwardWeights)
                Assert.Inconclusive($"no managed kernel for {step.Op.Name} yet ({failure.Message})");
        }
    }
}
