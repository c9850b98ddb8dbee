// The scorer's last line of defence: when a batch fails after decoding, its rows are scored one by one and only the
// failing row becomes an error row (a probe step fails on one chosen image, as a broken transform would).
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Mlcnn.Inputs;
using Microsoft.ML.Cnn.Mlcnn.Pipelines;
using Microsoft.ML.Cnn.Mlcnn.Scoring;
using Microsoft.ML.Cnn.Numerics;
using Microsoft.ML.Cnn.Persistence.Pipeline;
using Microsoft.ML.Cnn.Pipeline;
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Mlcnn.Scoring;

[TestClass]
public sealed class ImageBatchScorerTests
{
    [TestMethod]
    public void Score_BatchFailingAfterDecoding_RetriesRowByRowAndReportsOnlyTheCulprit()
    {
        var ml = new MLContext(1);
        var model = LoadedModel.Load(ml, MlcnnData.ImageModel.Model);
        var paths = Directory.GetFiles(Path.Combine(MlcnnData.ImageFolder, "Sneaker")).Order(StringComparer.Ordinal).ToArray();
        var scorer = new ImageBatchScorer(ml, model, [new FailOnPath(paths[2]), .. ImageInputs.StepsFromDecodedImages(ml, model)]);
        string output = Path.Combine(MlcnnData.NewFolder("scorer"), "p.csv");

        ScoringTotals totals;
        using (var writer = new PredictionCsvWriter(output, scorer.ClassNames)) totals = scorer.Score(paths, batchSize: 4, writer);

        Assert.AreEqual((paths.Length - 1L, 1L), (totals.Scored, totals.Failed));
        var rows = File.ReadAllLines(output).Skip(1).Select(l => PathCsvReader.SplitLine(l, output, 0)).ToList();
        CollectionAssert.AreEqual(paths, rows.Select(r => r[0]).ToArray());      // input order kept
        Assert.AreEqual($"probe refuses {paths[2]}", rows[2][^1]);
        Assert.IsTrue(rows.Where((_, i) => i != 2).All(r => r[^1] == "" && r[1] != ""));
    }

    /// <summary>Passes rows through, but reading the row whose ImagePath is <paramref name="path"/> throws.</summary>
    private sealed class FailOnPath(string path) : ITransformer
    {
        public bool IsRowToRowMapper => true;

        public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => inputSchema;

        public IDataView Transform(IDataView input) => new View(path, input);

        public void Save(ModelSaveContext context) => throw new NotSupportedException("A test probe is not saved.");

        private sealed class View(string path, IDataView source) : IDataView
        {
            public bool CanShuffle => false;
            public DataViewSchema Schema => source.Schema;
            public long? GetRowCount() => source.GetRowCount();

            public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, SeededRandom? rand = null) =>
                new Cursor(path, source.GetRowCursor([.. columnsNeeded, source.Schema["ImagePath"]]));
        }

        private sealed class Cursor(string path, DataViewRowCursor inner) : DataViewRowCursor
        {
            private readonly ValueGetter<ReadOnlyMemory<char>> _path = inner.GetGetter<ReadOnlyMemory<char>>(inner.Schema["ImagePath"]);

            public override DataViewSchema Schema => inner.Schema;
            public override long Position => inner.Position;
            public override bool IsColumnActive(DataViewSchema.Column column) => inner.IsColumnActive(column);

            public override bool MoveNext()
            {
                if (!inner.MoveNext()) return false;
                ReadOnlyMemory<char> value = default;
                _path(ref value);
                return value.ToString() == path ? throw new InvalidDataException($"probe refuses {path}") : true;
            }

            protected override ValueGetter<TValue> CreateGetter<TValue>(DataViewSchema.Column column) => inner.GetGetter<TValue>(column);

            protected override void Dispose(bool disposing) => inner.Dispose();
        }
    }
}
