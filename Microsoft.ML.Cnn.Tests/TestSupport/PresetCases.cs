// Which presets the catalog-wide tests run, and on which input: the small presets on MNIST's 28x28, the full-size
// ones (issue 6) on a small square input they accept (their own test classes cover ImageNet sizes).
using Microsoft.ML.Cnn.Architectures;

namespace Microsoft.ML.Cnn.Tests.TestSupport;

public static class PresetCases
{
    /// <summary>The presets built for MNIST-sized images (values 0-6).</summary>
    public static IEnumerable<object[]> Small => Enum.GetValues<ArchitecturePreset>().Where(p => !IsFullSize(p)).Select(p => new object[] { p });

    /// <summary>The full-size ImageNet presets.</summary>
    public static IEnumerable<object[]> FullSize => Enum.GetValues<ArchitecturePreset>().Where(IsFullSize).Select(p => new object[] { p });

    public static bool IsFullSize(ArchitecturePreset preset) => preset > ArchitecturePreset.SmallMobileNet;

    /// <summary>
    /// A grayscale input the preset accepts: [1, 28, 28] for the small presets, [1, 32, 32] for the full-size ones
    /// (GoogLeNet needs 31x31, DenseNet-121 29x29).
    /// </summary>
    public static int[] GrayscaleInput(ArchitecturePreset preset) => IsFullSize(preset) ? [1, 32, 32] : [1, 28, 28];
}
