// StbPixelsHandle: every buffer stb returns is freed exactly once, at decode time; failed decodes free nothing.
using System.Runtime.InteropServices;
using Microsoft.ML.Cnn.Images;
using Microsoft.ML.Cnn.Images.Native;

namespace Microsoft.ML.Cnn.Tests.Images.Native;

[TestClass]
[DoNotParallelize]
public sealed class StbPixelsHandleTests
{
    [TestMethod]
    public unsafe void Dispose_DecodedBuffer_ReleasedOnce()
    {
        StbImageLibrary.EnsureAvailable();
        var bytes = File.ReadAllBytes(MLImageTests.ImagePath("pattern.gif"));
        long before = StbPixelsHandle.ReleasedCount;
        StbPixelsHandle handle;
        fixed (byte* p = bytes) handle = StbImage.LoadFromMemory(p, bytes.Length, out int w, out int h, out _, 4);
        Assert.IsFalse(handle.IsInvalid);
        Assert.AreEqual(0xFF, Marshal.ReadByte(handle.DangerousGetHandle(), 0)); // pixel (0, 0) is red
        handle.Dispose();
        handle.Dispose();
        Assert.IsTrue(handle.IsClosed);
        Assert.AreEqual(before + 1, StbPixelsHandle.ReleasedCount);
    }

    [TestMethod]
    public unsafe void LoadFromMemory_Garbage_InvalidHandleAndReason()
    {
        StbImageLibrary.EnsureAvailable();
        byte[] garbage = [1, 2, 3, 4, 5, 6, 7, 8];
        long before = StbPixelsHandle.ReleasedCount;
        StbPixelsHandle handle;
        fixed (byte* p = garbage) handle = StbImage.LoadFromMemory(p, garbage.Length, out _, out _, out _, 4);
        Assert.IsTrue(handle.IsInvalid);
        handle.Dispose();
        Assert.AreEqual(before, StbPixelsHandle.ReleasedCount);
        Assert.AreNotEqual("unknown", StbImage.LastFailureReason());
    }

    [TestMethod]
    public void CreateFromFile_FreesNativeBufferBeforeReturning()
    {
        long before = StbPixelsHandle.ReleasedCount;
        MLImage.CreateFromFile(MLImageTests.ImagePath("cat.png"));
        Assert.AreEqual(before + 1, StbPixelsHandle.ReleasedCount);
    }
}
