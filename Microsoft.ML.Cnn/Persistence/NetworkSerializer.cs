// Saves a network (architecture and weights) to one file or stream, and loads it back safely.
using Microsoft.ML.Cnn.Layers;

namespace Microsoft.ML.Cnn.Persistence;

/// <summary>
/// The model file: a versioned binary format (magic "MLCNNNET", layer table with pinned <see cref="LayerKind"/>
/// codes and explicit configs, wiring, named float32 parameters, SHA-256 trailer; documented in NetworkWriter.cs).
/// Loading treats files as untrusted: sizes are bounded before allocation, every value is validated, and any
/// problem is an <see cref="InvalidDataException"/> saying what was wrong.
/// </summary>
public static class NetworkSerializer
{
    /// <summary>Writes the network's architecture and current weights to <paramref name="destination"/>.</summary>
    /// <exception cref="NotSupportedException">A layer type has no <see cref="LayerKind"/> code.</exception>
    public static void Save(Network network, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(destination);
        NetworkWriter.Write(network, destination);
    }

    /// <summary>Writes the network to a new file at <paramref name="path"/>, replacing any file there.</summary>
    public static void Save(Network network, string path)
    {
        using var file = File.Create(path);
        Save(network, file);
    }

    /// <summary>Reads a network written by <see cref="Save(Network, Stream)"/>; the stream is left after the checksum.</summary>
    /// <exception cref="InvalidDataException">The data is truncated, corrupted, newer than this library, or inconsistent.</exception>
    public static Network Load(Stream source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return NetworkReader.Read(source);
    }

    /// <summary>Reads the network file at <paramref name="path"/>.</summary>
    public static Network Load(string path)
    {
        using var file = File.OpenRead(path);
        return Load(file);
    }
}
