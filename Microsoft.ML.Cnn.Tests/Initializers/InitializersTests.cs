using Microsoft.ML.Cnn.Architectures;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Initializers;
using Microsoft.ML.Cnn.Numerics;

namespace Microsoft.ML.Cnn.Tests.Initializers;

[TestClass]
public sealed class InitializersTests
{
    [TestMethod]
    public void InitializeWeights_SameSeed_BitIdentical()
    {
        var a = SeedCnn.Create([1, 28, 28], 10, seed: 42);
        var b = SeedCnn.Create([1, 28, 28], 10, seed: 1);
        b.InitializeWeights(42);
        for (int i = 0; i < a.Parameters.Count; i++)
            CollectionAssert.AreEqual(a.Parameters[i].Data, b.Parameters[i].Data, a.Parameters[i].Name);
    }

    [TestMethod]
    public void InitializeWeights_DifferentSeed_DifferentWeights()
    {
        var a = SeedCnn.Create([1, 28, 28], 10, seed: 1);
        var b = SeedCnn.Create([1, 28, 28], 10, seed: 2);
        CollectionAssert.AreNotEqual(a.Parameters[0].Data, b.Parameters[0].Data);
    }

    [TestMethod]
    [DataRow(typeof(HeNormal), 100, 50, 0.141421)]
    [DataRow(typeof(HeUniform), 100, 50, 0.141421)]
    [DataRow(typeof(GlorotUniform), 100, 50, 0.115470)]
    [DataRow(typeof(GlorotNormal), 100, 50, 0.115470)]
    public void Fill_RandomInitializer_StandardDeviationFollowsFans(Type type, int fanIn, int fanOut, double expectedStd)
    {
        var initializer = (IInitializer)Activator.CreateInstance(type)!;
        var data = new float[20_000];
        initializer.Fill(data, new Shape(data.Length), fanIn, fanOut, new SeededRandom(3));
        double mean = data.Average(v => (double)v);
        double std = Math.Sqrt(data.Average(v => (v - mean) * (v - mean)));
        Assert.AreEqual(0, mean, 0.01);
        Assert.AreEqual(expectedStd, std, expectedStd * 0.03);
    }

    [TestMethod]
    public void Fill_Uniform_StaysWithinLimit()
    {
        var data = new float[5_000];
        new GlorotUniform().Fill(data, new Shape(data.Length), 4, 2, new SeededRandom(5));
        Assert.IsTrue(data.All(v => Math.Abs(v) <= 1f), "limit sqrt(6/6) = 1");
    }

    [TestMethod]
    public void Fill_Constants_FillEveryValue()
    {
        var data = new float[4];
        var random = new SeededRandom(0);
        new Ones().Fill(data, new Shape(4), 1, 1, random);
        Assert.IsTrue(data.All(v => v == 1f));
        new Constant(0.5f).Fill(data, new Shape(4), 1, 1, random);
        Assert.IsTrue(data.All(v => v == 0.5f));
        new Zeros().Fill(data, new Shape(4), 1, 1, random);
        Assert.IsTrue(data.All(v => v == 0f));
    }

    [TestMethod]
    public void Fill_ZeroFanIn_Throws()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new HeNormal().Fill(new float[2], new Shape(2), 0, 1, new SeededRandom(0)));
    }
}
