// Builds safetensors files byte by byte, so reader tests can write exactly the malformation they check.
using System.Buffers.Binary;
using System.Text;

namespace Microsoft.ML.Cnn.Tests.TestSupport;

internal static class SafeTensorsBytes
{
    /// <summary>The 8-byte length (the header's, unless <paramref name="claimedLength"/> lies), the header, then the buffer.</summary>
    public static byte[] File(string header, byte[] buffer, ulong? claimedLength = null)
    {
        byte[] json = Encoding.UTF8.GetBytes(header);
        var bytes = new byte[8 + json.Length + buffer.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, claimedLength ?? (ulong)json.Length);
        json.CopyTo(bytes, 8);
        buffer.CopyTo(bytes, 8 + json.Length);
        return bytes;
    }

    /// <summary>A header entry: "name":{"dtype":..,"shape":[..],"data_offsets":[begin,end]}.</summary>
    public static string Entry(string name, string dtype, int[] shape, long begin, long end) =>
        $"\"{name}\":{{\"dtype\":\"{dtype}\",\"shape\":[{string.Join(",", shape)}],\"data_offsets\":[{begin},{end}]}}";

    public static MemoryStream Stream(string header, byte[] buffer, ulong? claimedLength = null) => new(File(header, buffer, claimedLength));
}
