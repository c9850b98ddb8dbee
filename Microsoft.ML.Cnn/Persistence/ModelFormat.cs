// Constants of the model file format shared by its writer and reader, and the limits that keep loading safe.
namespace Microsoft.ML.Cnn.Persistence;

internal static class ModelFormat
{
    /// <summary>"MLCNNNET" in ASCII.</summary>
    public static ReadOnlySpan<byte> Magic => "MLCNNNET"u8;

    /// <summary>
    /// The version written. 1: the first format. 2: MaxPool2D's config ends with bool ceilMode; the L2Pool2D and
    /// LocalResponseNorm layer kinds. Readers accept every version up to this one.
    /// </summary>
    public const ushort CurrentVersion = 2;

    /// <summary>Magic + version + body length.</summary>
    public const int HeaderLength = 8 + 2 + 8;

    public const int ChecksumLength = 32;

    // Limits checked before anything is allocated from a count read from a file.
    public const long MaxBodyBytes = 1L << 31;
    public const int MaxStringBytes = 1024;
    public const int MaxLayers = 100_000;
    public const int MaxApplications = 100_000;
    public const int MaxLayerInputs = 1024;
    public const int MaxRank = 8;
    public const int MaxDimension = 1 << 24;
    /// <summary>Largest size, stride, count or width in a layer's config.</summary>
    public const int MaxConfigValue = 1 << 20;
}
