// Counts multiply-adds of convolutions and dense layers (2 FLOPs each), the figure GFLOP/s is quoted against.
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Benchmarks;

internal static class FlopCounter
{
    public static double ForwardFlopsPerSample(Network network)
    {
        var graph = network.BuildGraph(NetworkMode.Inference).Graph;
        double flops = 0;
        foreach (var node in graph.Nodes)
        {
            var output = node.Outputs[0].Shape.WithBatch(1);
            flops += node.Op switch
            {
                Ops.Conv2D conv => 2.0 * output.ElementCount * (node.Inputs[1].Shape.ElementCount / node.Inputs[1].Shape[0]),
                Ops.Dense => 2.0 * output.ElementCount * node.Inputs[0].Shape[1],
                _ => 0,
            };
        }
        return flops;
    }
}
