// The layers of an architecture file as records (what was written, checked), each creating its library layer.
using Microsoft.ML.Cnn.Layers;

namespace Microsoft.ML.Cnn.Mlcnn.Networks;

/// <summary>One validated layer of an architecture file.</summary>
internal abstract record LayerSpec(string? Name)
{
    /// <summary>A fresh library layer (layers hold their parameters, so every network gets new ones).</summary>
    public abstract Layer Create();
}

internal sealed record ConvSpec(int Filters, (int Height, int Width) Kernel, (int Height, int Width) Stride, Padding Padding,
    (int Height, int Width) Dilation, int Groups, bool UseBias, Activation Activation, string? Name) : LayerSpec(Name)
{
    public override Layer Create() => new Conv2D(Filters, Kernel, Stride, Padding, Dilation, Groups, UseBias, Activation, Name);
}

/// <summary>How a pooling layer reduces its window.</summary>
internal enum PoolMode
{
    Max,
    Average,
    L2,
}

/// <summary>A pooling layer; <paramref name="CeilMode"/> (round the output size up) applies to max pooling only.</summary>
internal sealed record PoolSpec(PoolMode Mode, (int Height, int Width) Size, (int Height, int Width)? Stride, Padding Padding, bool CeilMode, string? Name) : LayerSpec(Name)
{
    public override Layer Create() => Mode switch
    {
        PoolMode.Max => new MaxPool2D(Size, Stride, Padding, CeilMode, Name),
        PoolMode.Average => new AvgPool2D(Size, Stride, Padding, name: Name),
        _ => new L2Pool2D(Size, Stride, Padding, Name),
    };
}

internal sealed record LocalResponseNormSpec(int Size, float Alpha, float Beta, float K, string? Name) : LayerSpec(Name)
{
    public override Layer Create() => new LocalResponseNorm(Size, Alpha, Beta, K, Name);
}

internal sealed record DenseSpec(int Units, Activation Activation, bool UseBias, string? Name) : LayerSpec(Name)
{
    public override Layer Create() => new Dense(Units, Activation, UseBias, Name);
}

internal sealed record BatchNormSpec(float Momentum, float Epsilon, string? Name) : LayerSpec(Name)
{
    public override Layer Create() => new BatchNorm(Momentum, Epsilon, Name);
}

internal sealed record DropoutSpec(float Rate, string? Name) : LayerSpec(Name)
{
    public override Layer Create() => new Dropout(Rate, name: Name);
}

internal sealed record FlattenSpec(string? Name) : LayerSpec(Name)
{
    public override Layer Create() => new Flatten(Name);
}

internal sealed record GlobalAvgPoolSpec(string? Name) : LayerSpec(Name)
{
    public override Layer Create() => new GlobalAveragePool2D(Name);
}

internal sealed record ActivationSpec(Activation Function, string? Name) : LayerSpec(Name)
{
    public override Layer Create() => Function switch
    {
        Activation.Relu => new ReLU(Name),
        Activation.LeakyRelu => new LeakyReLU(name: Name),
        Activation.Elu => new ELU(name: Name),
        Activation.Sigmoid => new Sigmoid(Name),
        Activation.Tanh => new Tanh(Name),
        Activation.Softmax => new Softmax(Name),
        _ => throw new InvalidDataException($"An activation layer needs a function other than \"none\"; remove the layer or use one of {ActivationNames.All}."),
    };
}

/// <summary>The layers of an architecture file; <see cref="Build"/> appends the classifier.</summary>
internal sealed class NetworkDescription(IReadOnlyList<LayerSpec> layers)
{
    /// <summary>The name of the appended output layer.</summary>
    public const string ClassifierName = "classifier";

    public IReadOnlyList<LayerSpec> Layers { get; } = layers;

    /// <summary>
    /// The network for samples of <paramref name="inputShape"/>: the file's layers, then Dense(<paramref name="outputs"/>)
    /// without activation (the trainer adds the softmax and loss).
    /// </summary>
    /// <exception cref="Graph.ShapeInferenceException">A layer does not fit its input; the message names the layer.</exception>
    public Network Build(int[] inputShape, int outputs, long seed) =>
        Network.Sequential(inputShape, [.. Layers.Select(l => l.Create()), new Dense(outputs, name: ClassifierName)], seed);
}
