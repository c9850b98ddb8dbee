// Reads a network from the model file format, treating the file as untrusted: bounded, validated, checksummed.
using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;

namespace Microsoft.ML.Cnn.Persistence;

// *** Binary format *** (version 2; little-endian; mirrors the block in NetworkWriter.cs; version 1 files still load)
// header:  byte[8] magic "MLCNNNET", uint16 format version, int64 body length B (at most 2^31)
// body:    int32 L; L x (byte LayerKind, string name, bool trainable, float32 learning-rate multiplier, kind config)
//          int32 A; A x (byte 0, string input name, shape) | (byte 1, int32 layer index, int32 n, int32 earlier application index[n])
//          int32 network input count, application index[...]; int32 network output count, application index[...]
//          int32 P; P x (string name, byte ParameterRole, shape, float32 values[product of dims])
// trailer: byte[32] SHA-256 of header and body
// Kind configs are listed in NetworkWriter.cs and read in LayerConfigCodec.Read, which knows the fields each version added. Every count is checked against
// ModelFormat's limits (and the bytes left) before anything is allocated; the checksum is verified before parsing.
internal static class NetworkReader
{
    private sealed record Application(int LayerIndex, int[] InputIndices, string? InputName, Shape InputShape);

    private sealed record StoredParameter(string Name, ParameterRole Role, Shape Shape, float[] Values);

    public static Network Read(Stream source)
    {
        var (version, body) = ReadVerifiedBody(source);
        var reader = new ModelReader(body, version);
        try
        {
            return ReadBody(reader);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or OverflowException)
        {
            throw ModelReader.Invalid($"the stored network cannot be rebuilt: {e.Message}");
        }
    }

    private static (ushort Version, byte[] Body) ReadVerifiedBody(Stream source)
    {
        var header = new byte[ModelFormat.HeaderLength];
        int got = ReadUpTo(source, header);
        if (got < ModelFormat.Magic.Length || !header.AsSpan(0, ModelFormat.Magic.Length).SequenceEqual(ModelFormat.Magic))
            throw new InvalidDataException("Not a Microsoft.ML.Cnn network file: it does not start with \"MLCNNNET\".");
        if (got < header.Length) throw new InvalidDataException($"The network file is truncated: its header is {got} of {header.Length} bytes.");
        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(8));
        if (version > ModelFormat.CurrentVersion)
            throw new InvalidDataException($"The network file has format version {version}, newer than this library reads ({ModelFormat.CurrentVersion}); update Microsoft.ML.Cnn.");
        if (version == 0) throw ModelReader.Invalid("format version 0 does not exist.");
        long length = BinaryPrimitives.ReadInt64LittleEndian(header.AsSpan(10));
        if (length < 0 || length > ModelFormat.MaxBodyBytes) throw ModelReader.Invalid($"body length {length} is outside [0, {ModelFormat.MaxBodyBytes}].");

        // Grow with the bytes actually present, so a lying length cannot make us allocate it up front.
        var body = new MemoryStream();
        var chunk = new byte[81920];
        while (body.Length < length)
        {
            int n = source.Read(chunk, 0, (int)Math.Min(chunk.Length, length - body.Length));
            if (n == 0) throw new InvalidDataException($"The network file is truncated: its body is {body.Length} of {length} bytes.");
            body.Write(chunk, 0, n);
        }
        var checksum = new byte[ModelFormat.ChecksumLength];
        if (ReadUpTo(source, checksum) < checksum.Length) throw new InvalidDataException("The network file is truncated: its checksum is missing.");

        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(header);
        sha.AppendData(body.GetBuffer(), 0, (int)body.Length);
        if (!sha.GetHashAndReset().AsSpan().SequenceEqual(checksum))
            throw new InvalidDataException("The network file is corrupted: its SHA-256 checksum does not match its contents.");
        return (version, body.ToArray());
    }

    private static Network ReadBody(ModelReader r)
    {
        int layerCount = r.ReadInt32(1, ModelFormat.MaxLayers, "layer count");
        var layers = new Layer[layerCount];
        for (int i = 0; i < layerCount; i++)
        {
            var kind = r.ReadEnum<LayerKind>($"kind of layer {i}");
            string name = r.ReadString($"name of layer {i}");
            bool trainable = r.ReadBool($"trainable flag of layer {i}");
            float multiplier = r.ReadSingle();
            var layer = LayerConfigCodec.Read(r, kind, name);
            layer.Trainable = trainable;
            layer.LearningRateMultiplier = multiplier;
            layers[i] = layer;
        }

        int applicationCount = r.ReadInt32(2, ModelFormat.MaxApplications, "application count");
        var applications = new Application[applicationCount];
        for (int i = 0; i < applicationCount; i++)
        {
            applications[i] = r.ReadByte() switch
            {
                0 => new Application(-1, [], r.ReadString($"name of input {i}"), r.ReadShape(1, $"shape of input {i}")),
                1 => new Application(r.ReadInt32(0, layerCount - 1, $"layer index of application {i}"), ReadIndices(r, 1, Math.Min(i, ModelFormat.MaxLayerInputs), i, $"inputs of application {i}"), null, default),
                var tag => throw ModelReader.Invalid($"application {i} has tag {tag}, expected 0 (input) or 1 (layer)."),
            };
        }
        int[] inputIndices = ReadIndices(r, 1, applicationCount, applicationCount, "network inputs");
        int[] outputIndices = ReadIndices(r, 1, applicationCount, applicationCount, "network outputs");

        int parameterCount = r.ReadInt32(0, ModelFormat.MaxApplications * 4, "parameter count");
        var stored = new Dictionary<string, StoredParameter>();
        long storedElements = 0;
        for (int i = 0; i < parameterCount; i++)
        {
            string name = r.ReadString($"name of parameter {i}");
            var role = r.ReadEnum<ParameterRole>($"role of parameter '{name}'");
            var shape = r.ReadShape(0, $"shape of parameter '{name}'");
            long elements = 1;
            foreach (int d in shape) elements = Math.Min(elements * d, long.MaxValue / ModelFormat.MaxDimension);
            var values = r.ReadFloats(elements, $"parameter '{name}'");
            if (!stored.TryAdd(name, new StoredParameter(name, role, shape, values))) throw ModelReader.Invalid($"parameter '{name}' is stored twice.");
            storedElements += elements;
        }
        r.RequireEnd();

        var network = Rebuild(layers, applications, inputIndices, outputIndices, storedElements);
        RestoreParameters(network, stored);
        return network;
    }

    private static Network Rebuild(Layer[] layers, Application[] applications, int[] inputIndices, int[] outputIndices, long parameterBudget)
    {
        var tensors = new SymbolicTensor[applications.Length];
        for (int i = 0; i < applications.Length; i++)
        {
            var a = applications[i];
            if (a.InputName is not null)
            {
                tensors[i] = SymbolicTensor.Input(a.InputShape, a.InputName);
                continue;
            }
            var layer = layers[a.LayerIndex];
            bool wasBuilt = layer.IsBuilt;
            // Building allocates parameters: never more than the file stores.
            layer.MaxParameterElements = parameterBudget;
            tensors[i] = layer.Call(a.InputIndices.Select(j => tensors[j]).ToArray());
            layer.MaxParameterElements = long.MaxValue;
            if (!wasBuilt) parameterBudget -= layer.Parameters.Sum(p => (long)p.Shape.ElementCount);
            if (parameterBudget < 0) throw ModelReader.Invalid($"layer '{layer.Name}' needs more parameter values than the file stores.");
        }
        if (inputIndices.Distinct().Count() != inputIndices.Length) throw ModelReader.Invalid("a network input is listed twice.");
        foreach (int i in inputIndices)
        {
            if (applications[i].InputName is null) throw ModelReader.Invalid($"network input {i} is a layer call, not an input.");
        }
        var network = new Network(inputIndices.Select(i => tensors[i]).ToArray(), outputIndices.Select(i => tensors[i]).ToArray());
        if (network.Applications.Count != applications.Length || network.Layers.Count != layers.Length)
            throw ModelReader.Invalid($"the file lists {layers.Length} layers and {applications.Length} applications, but only {network.Layers.Count} and {network.Applications.Count} lead to the outputs.");
        return network;
    }

    private static void RestoreParameters(Network network, Dictionary<string, StoredParameter> stored)
    {
        if (stored.Count != network.Parameters.Count)
            throw ModelReader.Invalid($"the file stores {stored.Count} parameters, the architecture has {network.Parameters.Count}.");
        foreach (var parameter in network.Parameters)
        {
            if (!stored.TryGetValue(parameter.Name, out var s)) throw ModelReader.Invalid($"parameter '{parameter.Name}' is missing.");
            if (s.Role != parameter.Role || s.Shape != parameter.Shape)
                throw ModelReader.Invalid($"parameter '{parameter.Name}' is stored as {s.Role} {s.Shape}, the architecture expects {parameter.Role} {parameter.Shape}.");
            s.Values.CopyTo(parameter.Data, 0);
        }
    }

    private static int[] ReadIndices(ModelReader r, int minCount, int maxCount, int limit, string what)
    {
        int count = r.ReadInt32(minCount, Math.Max(minCount, maxCount), $"number of {what}");
        var indices = new int[count];
        for (int k = 0; k < count; k++) indices[k] = r.ReadInt32(0, limit - 1, $"index {k} of {what}");
        return indices;
    }

    private static int ReadUpTo(Stream source, byte[] buffer)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int n = source.Read(buffer, total, buffer.Length - total);
            if (n == 0) break;
            total += n;
        }
        return total;
    }
}
