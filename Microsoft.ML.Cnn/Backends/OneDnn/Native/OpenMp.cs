// Debian's oneDNN runs its parallel loops on libgomp, whose team size is per calling thread: the compute thread
// calls omp_set_num_threads for itself (OMP_NUM_THREADS set in the process environment is read too late).
using System.Runtime.InteropServices;

namespace Microsoft.ML.Cnn.Backends.OneDnn.Native;

internal static partial class OpenMp
{
    /// <summary>The logical name DnnlLibrary's resolver maps to libgomp.so.1.</summary>
    public const string Library = "gomp";

#pragma warning disable IDE1006 // C names.
    [LibraryImport(Library)] public static partial void omp_set_num_threads(int threads);
    [LibraryImport(Library)] public static partial int omp_get_max_threads();
#pragma warning restore IDE1006
}
