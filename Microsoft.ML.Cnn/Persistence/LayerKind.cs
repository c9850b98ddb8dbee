// The pinned code of each layer type in a model file.
namespace Microsoft.ML.Cnn.Persistence;

/// <summary>Identifies a layer type in a model file. Persisted: values are pinned and never reused.</summary>
public enum LayerKind : byte
{
    Conv2D = 1,
    DepthwiseConv2D = 2,
    MaxPool2D = 3,
    AvgPool2D = 4,
    GlobalAveragePool2D = 5,
    Flatten = 6,
    Reshape = 7,
    Dense = 8,
    ReLU = 9,
    LeakyReLU = 10,
    ELU = 11,
    Sigmoid = 12,
    Tanh = 13,
    Softmax = 14,
    Dropout = 15,
    BatchNorm = 16,
    Add = 17,
    Concat = 18,
    L2Pool2D = 19,
    LocalResponseNorm = 20,
}
