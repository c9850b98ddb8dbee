// Packs buffers with disjoint lifetimes into one arena, so a compiled graph allocates once.
namespace Microsoft.ML.Cnn.Execution;

/// <summary>A buffer of <see cref="Length"/> elements live from step <see cref="FirstStep"/> to <see cref="LastStep"/> inclusive.</summary>
public readonly record struct BufferRequest(long Length, int FirstStep, int LastStep);

/// <summary>Greedy best-fit placement (largest buffers first) of buffers into a single arena.</summary>
public static class MemoryPlanner
{
    /// <summary>Elements per alignment unit: 16 floats = 64 bytes, one cache line and one AVX-512 register.</summary>
    public const int Alignment = 16;

    /// <summary>Returns an offset per request and the arena length; buffers whose lifetimes overlap never overlap in memory.</summary>
    public static (long[] Offsets, long ArenaLength) Plan(IReadOnlyList<BufferRequest> requests)
    {
        var order = Enumerable.Range(0, requests.Count)
            .OrderByDescending(i => requests[i].Length).ThenBy(i => requests[i].FirstStep).ThenBy(i => i).ToArray();
        var offsets = new long[requests.Count];
        var placed = new List<int>();
        long arena = 0;
        foreach (int i in order)
        {
            var request = requests[i];
            if (request.Length < 0 || request.LastStep < request.FirstStep)
                throw new ArgumentException($"Buffer {i} has length {request.Length} and lifetime [{request.FirstStep}, {request.LastStep}].", nameof(requests));
            long length = AlignUp(request.Length);
            // Address ranges already taken by buffers alive at the same time, sorted by offset.
            var busy = placed.Where(j => requests[j].FirstStep <= request.LastStep && request.FirstStep <= requests[j].LastStep)
                .Select(j => (Start: offsets[j], End: offsets[j] + AlignUp(requests[j].Length))).OrderBy(r => r.Start).ToList();
            long best = -1, bestGap = long.MaxValue, cursor = 0;
            foreach (var (start, end) in busy)
            {
                if (start - cursor >= length && start - cursor < bestGap) { best = cursor; bestGap = start - cursor; }
                cursor = Math.Max(cursor, end);
            }
            offsets[i] = best >= 0 ? best : cursor;
            arena = Math.Max(arena, offsets[i] + length);
            placed.Add(i);
        }
        return (offsets, arena);
    }

    public static long AlignUp(long length) => (length + Alignment - 1) / Alignment * Alignment;
}
