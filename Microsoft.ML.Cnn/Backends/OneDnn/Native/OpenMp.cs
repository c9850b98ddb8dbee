// Debian's oneDNN runs its parallel loops on libgomp, whose team size is per calling thread: the compute thread
// calls omp_set_num_threads for itself (OMP_NUM_THREADS set in the process environment is read too late).
using System.Runtime.InteropServices;

namespace Microsoft.ML.Cnn.Backends.OneDnn.Native;

internal static partial class OpenMp
{
    /// <summary>The logical name DnnlLibrary's resolver maps to libgomp.so.1.</summary>
    public const string Library = "gomp";

    /// <summary>The logical name DnnlLibrary's resolver maps to the C library (for setenv).</summary>
    public const string CLibrary = "c";

    /// <summary>
    /// Makes idle OpenMP threads sleep instead of spin (OMP_WAIT_POLICY=PASSIVE) unless the variable was set at launch.
    /// It must run before libgomp loads, which reads its settings once. Why: spinning threads on a machine shared
    /// with other work wait a scheduler time slice at every parallel region (measured: 14x slower training at 2 threads
    /// with two other busy processes); sleeping costs microseconds per region on an idle machine.
    /// </summary>
    public static unsafe void PreferPassiveWaiting()
    {
        fixed (byte* name = "OMP_WAIT_POLICY\0"u8, value = "PASSIVE\0"u8) setenv(name, value, overwrite: 0);
    }

#pragma warning disable IDE1006 // C names.
    [LibraryImport(Library)] public static partial void omp_set_num_threads(int threads);
    [LibraryImport(Library)] public static partial int omp_get_max_threads();
    [LibraryImport(CLibrary)] private static unsafe partial int setenv(byte* name, byte* value, int overwrite);
#pragma warning restore IDE1006
}
