// Parses and validates a safetensors JSON header against the size of the data buffer it describes.
using System.Text.Json;

namespace Microsoft.ML.Cnn.Persistence.SafeTensors;

/// <summary>
/// The header of a safetensors file: {name: {"dtype", "shape", "data_offsets": [begin, end]}, "__metadata__": {str: str}}.
/// Everything the format requires is checked, since files come from elsewhere: known dtypes, non-negative shapes whose
/// byte size matches the offsets (no overflow), offsets inside the buffer, no two tensors overlapping, no unindexed bytes.
/// </summary>
internal sealed record SafeTensorsHeader(IReadOnlyList<SafeTensorInfo> Tensors, IReadOnlyDictionary<string, string> Metadata)
{
    public const string MetadataKey = "__metadata__";

    public static SafeTensorsHeader Parse(ReadOnlyMemory<byte> json, long bufferLength)
    {
        if (json.Length == 0 || json.Span[0] != (byte)'{') throw Invalid("the header does not start with '{'; it is not a safetensors file.");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 8 });
        }
        catch (JsonException e)
        {
            throw Invalid($"the header is not valid JSON ({e.Message}).");
        }
        using (document)
        {
            var tensors = new List<SafeTensorInfo>();
            var metadata = new Dictionary<string, string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!seen.Add(property.Name)) throw Invalid($"the header lists '{property.Name}' twice.");
                if (property.Name == MetadataKey) ReadMetadata(property.Value, metadata);
                else tensors.Add(ReadTensor(property.Name, property.Value, bufferLength));
            }
            CheckCoverage(tensors, bufferLength);
            return new SafeTensorsHeader(tensors, metadata);
        }
    }

    private static void ReadMetadata(JsonElement value, Dictionary<string, string> metadata)
    {
        if (value.ValueKind != JsonValueKind.Object) throw Invalid($"\"{MetadataKey}\" is a {value.ValueKind}, not an object of strings.");
        foreach (var entry in value.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.String) throw Invalid($"metadata entry '{entry.Name}' is a {entry.Value.ValueKind}; metadata values must be strings.");
            if (!metadata.TryAdd(entry.Name, entry.Value.GetString()!)) throw Invalid($"metadata entry '{entry.Name}' is listed twice.");
        }
    }

    private static SafeTensorInfo ReadTensor(string name, JsonElement value, long bufferLength)
    {
        if (value.ValueKind != JsonValueKind.Object) throw Invalid($"tensor '{name}' is a {value.ValueKind}, not an object with dtype, shape and data_offsets.");
        JsonElement? dtypeValue = null, shapeValue = null, offsetsValue = null;
        foreach (var field in value.EnumerateObject())
        {
            switch (field.Name)
            {
                case "dtype": dtypeValue = Once(dtypeValue, name, field); break;
                case "shape": shapeValue = Once(shapeValue, name, field); break;
                case "data_offsets": offsetsValue = Once(offsetsValue, name, field); break;
                default: throw Invalid($"tensor '{name}' has an unexpected field '{field.Name}'; expected dtype, shape and data_offsets.");
            }
        }
        if (dtypeValue is not { ValueKind: JsonValueKind.String } dtypeText) throw Invalid($"tensor '{name}' has no dtype string.");
        if (!SafeTensorsDTypes.TryParse(dtypeText.GetString()!, out var dtype))
            throw Invalid($"tensor '{name}' has unknown dtype '{dtypeText.GetString()}'; known: {string.Join(", ", SafeTensorsDTypes.AllHeaderNames)}.");
        long[] shape = ReadNumbers(name, shapeValue, "shape", -1);
        long[] offsets = ReadNumbers(name, offsetsValue, "data_offsets", 2);
        long begin = offsets[0], end = offsets[1];
        if (begin > end) throw Invalid($"tensor '{name}' has data_offsets [{begin}, {end}]: the end comes before the begin.");
        if (end > bufferLength) throw Invalid($"tensor '{name}' has data_offsets [{begin}, {end}], outside the {bufferLength}-byte data buffer (is the file truncated?).");
        long bytes = dtype.ElementSize();
        foreach (long d in shape)
        {
            if (d != 0 && bytes > long.MaxValue / d) throw Invalid($"tensor '{name}' has shape [{string.Join(", ", shape)}], whose size overflows.");
            bytes *= d;
        }
        if (bytes != end - begin)
            throw Invalid($"tensor '{name}' is {dtype.HeaderName()} [{string.Join(", ", shape)}], which needs {bytes} bytes, but its data_offsets [{begin}, {end}] hold {end - begin}.");
        return new SafeTensorInfo(name, dtype, shape, begin, end);
    }

    private static JsonElement Once(JsonElement? existing, string name, JsonProperty field) =>
        existing is null ? field.Value : throw Invalid($"tensor '{name}' lists '{field.Name}' twice.");

    /// <summary>A JSON array of non-negative integers (of <paramref name="count"/> items unless it is -1).</summary>
    private static long[] ReadNumbers(string name, JsonElement? value, string field, int count)
    {
        if (value is not { ValueKind: JsonValueKind.Array } array) throw Invalid($"tensor '{name}' has no {field} array.");
        int length = array.GetArrayLength();
        if (count >= 0 && length != count) throw Invalid($"tensor '{name}' has {length} {field} values, expected {count}.");
        var numbers = new long[length];
        int i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt64(out long n) || n < 0)
                throw Invalid($"tensor '{name}' has {field} value {item.GetRawText()}; expected a non-negative integer.");
            numbers[i++] = n;
        }
        return numbers;
    }

    /// <summary>The format requires the tensors to tile the buffer exactly: no overlaps, no holes.</summary>
    private static void CheckCoverage(List<SafeTensorInfo> tensors, long bufferLength)
    {
        var ordered = tensors.OrderBy(t => t.Begin).ThenBy(t => t.End).ToArray();
        long expected = 0;
        SafeTensorInfo? previous = null;
        foreach (var t in ordered)
        {
            if (t.Begin < expected) throw Invalid($"tensors '{previous!.Name}' [{previous.Begin}, {previous.End}] and '{t.Name}' [{t.Begin}, {t.End}] overlap.");
            if (t.Begin > expected) throw Invalid($"bytes [{expected}, {t.Begin}) of the data buffer belong to no tensor (before '{t.Name}'); the format allows no holes.");
            expected = t.End;
            previous = t;
        }
        if (expected != bufferLength)
            throw Invalid($"bytes [{expected}, {bufferLength}) at the end of the data buffer belong to no tensor; the format allows no trailing data.");
    }

    public static InvalidDataException Invalid(string reason) => new($"Invalid safetensors file: {reason}");
}
