// Reading one batch ahead on a background thread: the same batches as reading directly, never more than one batch
// ahead, errors delivered to the reader, and a pass stopped early releases the inner reader.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Numerics;
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.Tests.Training;

[TestClass]
public sealed class ReadAheadBatchSourceTests
{
    private static InMemoryDataset Data(int count) =>
        new(Enumerable.Range(0, count).SelectMany(i => new[] { (float)i, i }).ToArray(), new Shape(2), Enumerable.Range(0, count).Select(i => (float)i).ToArray());

    /// <summary>Counts the batches its readers handed out and whether they were disposed; can fail on a given batch.</summary>
    private sealed class RecordingSource(IBatchSource inner, int failAtBatch = -1) : IBatchSource
    {
        private int _batches;

        public int FailAtBatch { get; } = failAtBatch;

        public int Batches => Volatile.Read(ref _batches);
        public bool Disposed { get; private set; }
        public Shape SampleShape => inner.SampleShape;
        public Shape LabelShape => inner.LabelShape;
        public bool HasSampleWeights => false;
        public long? Count => inner.Count;

        public IBatchReader Open(int epoch) => new Reader(this, inner.Open(epoch));

        private sealed class Reader(RecordingSource source, IBatchReader inner) : IBatchReader
        {
            public int Read(Span<float> features, Span<float> labels, Span<float> weights)
            {
                if (source.Batches == source.FailAtBatch) throw new InvalidOperationException("row 7 is corrupt");
                Interlocked.Increment(ref source._batches);
                return inner.Read(features, labels, weights);
            }

            public void Dispose()
            {
                source.Disposed = true;
                inner.Dispose();
            }
        }
    }

    [TestMethod]
    public void Read_ShuffledSource_GivesTheSameBatchesAsReadingDirectly()
    {
        var direct = IndexedBatchSourceTests.Labels(new IndexedBatchSource(Data(23), new SeededRandom(2)), 0, batch: 5);
        var ahead = IndexedBatchSourceTests.Labels(new ReadAheadBatchSource(new IndexedBatchSource(Data(23), new SeededRandom(2)), 5), 0, batch: 5);

        CollectionAssert.AreEqual(direct, ahead);
    }

    [TestMethod]
    public void Read_WhileTheCallerHoldsABatch_ReadsAtMostOneMore()
    {
        var recording = new RecordingSource(new IndexedBatchSource(Data(40), shuffle: null));
        using var reader = new ReadAheadBatchSource(recording, 4).Open(0);

        reader.Read(new float[8], new float[4], []);
        Thread.Sleep(50); // give the background reader time to run as far ahead as it may

        Assert.AreEqual(2, recording.Batches);
    }

    [TestMethod]
    public void Read_InnerFails_ThrowsTheErrorToTheCaller()
    {
        var source = new ReadAheadBatchSource(new RecordingSource(new IndexedBatchSource(Data(40), shuffle: null), failAtBatch: 2), 4);
        using var reader = source.Open(0);

        reader.Read(new float[8], new float[4], []);
        reader.Read(new float[8], new float[4], []);
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => reader.Read(new float[8], new float[4], []));

        Assert.AreEqual("row 7 is corrupt", error.Message);
        Assert.AreEqual(0, reader.Read(new float[8], new float[4], []));
    }

    [TestMethod]
    public void Dispose_PartWayThroughAPass_StopsTheBackgroundReaderAndDisposesTheInnerOne()
    {
        var recording = new RecordingSource(new IndexedBatchSource(Data(40), shuffle: null));
        var reader = new ReadAheadBatchSource(recording, 4).Open(0);
        reader.Read(new float[8], new float[4], []);

        reader.Dispose();

        Assert.IsTrue(recording.Disposed);
        Assert.IsTrue(recording.Batches <= 2);
    }
}
