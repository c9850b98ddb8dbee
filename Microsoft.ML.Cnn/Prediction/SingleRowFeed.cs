// The source a prediction engine runs its model over: an enumerable that hands out the one example the engine set,
// once per Predict call, so one long-lived cursor over the model's output moves exactly one row per call.
using System.Collections;

namespace Microsoft.ML.Cnn.Prediction;

/// <summary>
/// Yields the example given to <see cref="Set"/>, once. A cursor that asks for a further row (one that reads ahead,
/// e.g. to score in batches) is told the data ended; <see cref="Ended"/> then tells the engine that this cursor is
/// finished for good and the next call needs a new one.
/// </summary>
internal sealed class SingleRowFeed<TSrc> : IEnumerable<TSrc> where TSrc : class
{
    private TSrc? _next;

    /// <summary>Whether a cursor asked for a row when none was set (so it has ended).</summary>
    public bool Ended { get; private set; }

    /// <summary>The example the next row request receives.</summary>
    public void Set(TSrc example) => _next = example;

    /// <summary>Clears <see cref="Ended"/> for a new cursor.</summary>
    public void Restart() => Ended = false;

    public IEnumerator<TSrc> GetEnumerator() => new Enumerator(this);

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private sealed class Enumerator(SingleRowFeed<TSrc> feed) : IEnumerator<TSrc>
    {
        public TSrc Current { get; private set; } = null!;

        object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            if (feed._next is not { } example)
            {
                feed.Ended = true;
                return false;
            }
            Current = example;
            feed._next = null;
            return true;
        }

        public void Reset() => throw new NotSupportedException("A prediction engine's feed cannot be rewound.");

        public void Dispose() { }
    }
}
