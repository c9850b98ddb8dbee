// Every optimizer against PyTorch's torch.optim on the same quadratic, plus the base class's rules.
using Microsoft.ML.Cnn.Backends;
using Microsoft.ML.Cnn.Backends.Managed;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Optimizers;
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Optimizers;

[TestClass]
public sealed class OptimizerTests
{
    // 19 elements: two 8-wide vectors and a scalar tail, so both code paths run.
    private const int Length = 19;

    private static Optimizer Create(string name) => name switch
    {
        "Sgd" => new Sgd(0.1f),
        "SgdMomentum" => new Sgd(0.1f, momentum: 0.9f),
        "SgdNesterov" => new Sgd(0.1f, momentum: 0.9f, nesterov: true),
        "SgdMomentumL2" => new Sgd(0.1f, momentum: 0.9f) { WeightDecay = 0.01f },
        "Adam" => new Adam(0.01f),
        "AdamL2" => new Adam(0.01f) { WeightDecay = 0.1f },
        "AdamW" => new AdamW(0.01f, decoupledWeightDecay: 0.1f),
        "RmsProp" => new RmsProp(0.01f, rho: 0.99f),
        "RmsPropMomentum" => new RmsProp(0.01f, rho: 0.9f, momentum: 0.9f),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown case"),
    };

    public static IEnumerable<object[]> Cases => OptimizerGoldens.AfterThreeSteps.Keys.Select(k => new object[] { k });

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void Step_ThreeStepsOnQuadratic_MatchesPyTorch(string name)
    {
        using var backend = new ManagedBackend(1);
        var w = NewParameter(ParameterRole.Weight);
        var store = backend.CreateParameterStore([w]);
        var optimizer = Create(name);

        for (int step = 0; step < 3; step++)
        {
            QuadraticGradient(store, w);
            optimizer.Step(store, [w], optimizer.LearningRate);
        }

        var expected = OptimizerGoldens.AfterThreeSteps[name];
        for (int i = 0; i < Length; i++) Assert.AreEqual(expected[i], w.Data[i], 2e-6f, $"{name}, element {i}");
        Assert.AreEqual(3, optimizer.StepsOf(w));
    }

    [TestMethod]
    [DataRow("SgdMomentumL2")]
    [DataRow("AdamW")]
    public void Step_BiasWithWeightDecay_IsNotDecayed(string name)
    {
        using var backend = new ManagedBackend(1);
        var bias = NewParameter(ParameterRole.Bias);
        var store = backend.CreateParameterStore([bias]);
        var decayed = Create(name);
        var plain = name == "AdamW" ? new AdamW(0.01f, decoupledWeightDecay: 0f) : Create("SgdMomentum");
        var reference = NewParameter(ParameterRole.Bias);
        var referenceStore = backend.CreateParameterStore([reference]);

        for (int step = 0; step < 3; step++)
        {
            QuadraticGradient(store, bias);
            decayed.Step(store, [bias], decayed.LearningRate);
            QuadraticGradient(referenceStore, reference);
            plain.Step(referenceStore, [reference], plain.LearningRate);
        }

        CollectionAssert.AreEqual(reference.Data, bias.Data);
    }

    [TestMethod]
    public void Step_FrozenOrStateParameter_IsLeftUnchanged()
    {
        using var backend = new ManagedBackend(1);
        var frozen = NewParameter(ParameterRole.Weight);
        frozen.Trainable = false;
        var running = NewParameter(ParameterRole.RunningMean);
        var store = backend.CreateParameterStore([frozen, running]);
        var before = frozen.Data.ToArray();
        store.Gradients(frozen).Fill(1f);
        store.Gradients(running).Fill(1f);

        new Adam().Step(store, [frozen, running], 0.1f);

        CollectionAssert.AreEqual(before, frozen.Data);
        CollectionAssert.AreEqual(before, running.Data);
    }

    [TestMethod]
    public void Step_LearningRateMultiplier_ScalesTheUpdate()
    {
        using var backend = new ManagedBackend(1);
        var w = NewParameter(ParameterRole.Weight);
        w.LearningRateMultiplier = 0.5f;
        var store = backend.CreateParameterStore([w]);
        var before = w.Data.ToArray();
        store.Gradients(w).Fill(2f);

        new Sgd(0.1f).Step(store, [w], 0.1f);

        for (int i = 0; i < Length; i++) Assert.AreEqual(before[i] - 0.1f, w.Data[i], 1e-6f);
    }

    [TestMethod]
    public void Step_AfterFirstStep_DoesNotAllocate()
    {
        using var backend = new ManagedBackend(1);
        var w = NewParameter(ParameterRole.Weight);
        var b = NewParameter(ParameterRole.Bias);
        var store = backend.CreateParameterStore([w, b]);
        Parameter[] parameters = [w, b];
        Optimizer[] optimizers = [new Adam() { WeightDecay = 0.1f }, new AdamW(), new Sgd(0.1f, 0.9f, nesterov: true), new RmsProp(momentum: 0.5f)];
        foreach (var optimizer in optimizers) optimizer.Step(store, parameters, 0.01f);

        long before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var optimizer in optimizers)
            for (int i = 0; i < 10; i++) optimizer.Step(store, parameters, 0.01f);

        Assert.AreEqual(0L, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [TestMethod]
    public void Reset_AfterSteps_StartsFromStepOne()
    {
        using var backend = new ManagedBackend(1);
        var w = NewParameter(ParameterRole.Weight);
        var store = backend.CreateParameterStore([w]);
        var adam = new Adam();
        adam.Step(store, [w], 0.01f);

        adam.Reset();

        Assert.AreEqual(0, adam.StepsOf(w));
    }

    [TestMethod]
    public void Constructors_InvalidHyperParameters_Throw()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new Sgd(0f));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new Sgd(0.1f, momentum: 1f));
        Assert.ThrowsExactly<ArgumentException>(() => new Sgd(0.1f, nesterov: true));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new Adam(beta1: 1f));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new Adam(beta2: -0.1f));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new Adam(epsilon: 0f));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new AdamW(decoupledWeightDecay: -1f));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new RmsProp(rho: 1.5f));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new Adam(float.NaN));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new Adam() { WeightDecay = -1f });
    }

    private static Parameter NewParameter(ParameterRole role)
    {
        var parameter = new Parameter("w", new Shape(Length), role, ZeroInitializer.Instance);
        for (int i = 0; i < Length; i++) parameter.Data[i] = (float)(2 * Math.Sin(i + 1));
        return parameter;
    }

    // d/dw sum (w - t)^2 = 2 (w - t), with t_i = 0.5 cos(i), computed in float as PyTorch does.
    private static void QuadraticGradient(IParameterStore store, Parameter w)
    {
        var values = store.Values(w);
        var gradients = store.Gradients(w);
        for (int i = 0; i < Length; i++) gradients[i] = 2f * (values[i] - (float)(0.5 * Math.Cos(i)));
    }
}
