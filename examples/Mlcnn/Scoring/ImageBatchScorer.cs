// Streams images through a model in batches, never crashing on a bad file and never inventing a prediction: images
// that cannot be decoded or scored become error rows with the reason.
using System.Diagnostics;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Pipeline;
using Microsoft.ML.Cnn.Images;
using Microsoft.ML.Cnn.Mlcnn.Pipelines;

namespace Microsoft.ML.Cnn.Mlcnn.Scoring;

/// <summary>How a scoring run went.</summary>
/// <param name="Scored">Images scored.</param>
/// <param name="Failed">Images written as error rows.</param>
/// <param name="Elapsed">Wall time, decoding included.</param>
internal readonly record struct ScoringTotals(long Scored, long Failed, TimeSpan Elapsed);

/// <summary>
/// Scores image files with a loaded model. Each batch of paths is decoded first (in parallel); images that fail become
/// error rows with the decoder's reason, and the decoded ones are scored together by the model's steps after its
/// LoadImages (so each image is decoded once). Should a batch still fail, its rows are retried one by one so only the
/// culprit becomes an error row. Rows are written in input order.
/// </summary>
internal sealed class ImageBatchScorer
{
    private readonly MLContext _ml;
    private readonly IReadOnlyList<ITransformer> _steps;
    private readonly string _scoreColumn, _predictedColumn;

    /// <exception cref="UsageException">The model's input cannot be made from images (see <see cref="ImageInputs.StepsFromDecodedImages"/>).</exception>
    public ImageBatchScorer(MLContext ml, LoadedModel model) : this(ml, model, ImageInputs.StepsFromDecodedImages(ml, model)) { }

    /// <summary>Scores with <paramref name="steps"/> from rows of <see cref="DecodedRow"/> to <paramref name="model"/>'s scores.</summary>
    internal ImageBatchScorer(MLContext ml, LoadedModel model, IReadOnlyList<ITransformer> steps)
    {
        _ml = ml;
        _steps = steps;
        _scoreColumn = model.Scorer.ScoreColumnName;
        _predictedColumn = model.Scorer.PredictedLabelColumnName;
        ClassNames = model.ClassNames(Apply(ml.Data.LoadFromEnumerable(new List<DecodedRow>())).Schema);
    }

    /// <summary>The class names, in score order.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Scores every image of <paramref name="paths"/>, <paramref name="batchSize"/> at a time, into <paramref name="output"/>.</summary>
    /// <remarks>
    /// Decoding the next batch in the background while the current one is scored measured no faster on two cores
    /// (both stages use every core), so batches are decoded and scored in turn.
    /// </remarks>
    public ScoringTotals Score(IEnumerable<string> paths, int batchSize, PredictionCsvWriter output)
    {
        var clock = Stopwatch.StartNew();
        long scored = 0, failed = 0;
        foreach (var batch in paths.Chunk(batchSize))
        {
            var decoded = Decode(batch);
            var results = ScoreDecoded(decoded.Where(d => d.Image is not null).ToList());
            foreach (var row in decoded)
            {
                Result? result = null;
                string? error = row.Error ?? (results.TryGetValue(row.Index, out result) ? result.Error : "the model returned no prediction for this image");
                if (error is not null)
                {
                    output.WriteError(row.Path, error);
                    failed++;
                }
                else
                {
                    output.WriteScored(row.Path, result!.Label!, result.Probabilities);
                    scored++;
                }
            }
            output.Flush();
        }
        return new ScoringTotals(scored, failed, clock.Elapsed);
    }

    /// <summary>An image of the batch, decoded or with the reason it could not be.</summary>
    private sealed record Decoded(int Index, string Path, MLImage? Image, string? Error);

    /// <summary>A prediction, or the reason there is none.</summary>
    private sealed record Result(string? Label, float[] Probabilities, string? Error);

    private static Decoded[] Decode(string[] paths)
    {
        var decoded = new Decoded[paths.Length];
        Parallel.For(0, paths.Length, i =>
        {
            try
            {
                decoded[i] = new Decoded(i, paths[i], MLImage.CreateFromFile(paths[i]), null);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                decoded[i] = new Decoded(i, paths[i], null, e.Message);
            }
        });
        return decoded;
    }

    /// <summary>Scores the decoded rows as one batch; on a failure, row by row so only the failing rows get an error.</summary>
    private Dictionary<int, Result> ScoreDecoded(List<Decoded> rows)
    {
        var results = new Dictionary<int, Result>();
        if (rows.Count == 0) return results;
        try
        {
            foreach (var (index, result) in Run(rows)) results[index] = result;
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or ArgumentException)
        {
            results.Clear();
            foreach (var row in rows)
            {
                try
                {
                    foreach (var (index, result) in Run([row])) results[index] = result;
                }
                catch (Exception rowError) when (rowError is InvalidDataException or InvalidOperationException or ArgumentException)
                {
                    results[row.Index] = new Result(null, [], rowError.Message);
                }
            }
        }
        return results;
    }

    private List<(int Index, Result Result)> Run(List<Decoded> rows)
    {
        var view = _ml.Data.LoadFromEnumerable(rows.Select(r => new DecodedRow { ImagePath = r.Path, Image = r.Image! }).ToList());
        var scored = Apply(view);
        var score = scored.Schema[_scoreColumn];
        var predicted = scored.Schema[_predictedColumn];
        var output = new List<(int, Result)>(rows.Count);
        using var cursor = scored.GetRowCursor([score, predicted]);
        var getScore = cursor.GetGetter<VBuffer<float>>(score);
        var getPredicted = cursor.GetGetter<uint>(predicted);
        VBuffer<float> probabilities = default;
        uint key = 0;
        for (int i = 0; cursor.MoveNext(); i++)
        {
            getScore(ref probabilities);
            getPredicted(ref key);
            var values = probabilities.GetValues().ToArray();
            // A missing key (0) or non-finite scores would be a silent wrong answer; report them instead.
            string? problem = key == 0 || key > ClassNames.Count ? "the model predicted no class"
                : Array.Exists(values, v => !float.IsFinite(v)) ? "the model's scores are not finite numbers" : null;
            output.Add((rows[i].Index, new Result(problem is null ? ClassNames[(int)key - 1] : null, values, problem)));
        }
        return output;
    }

    private IDataView Apply(IDataView view)
    {
        foreach (var step in _steps) view = step.Transform(view);
        return view;
    }

    /// <summary>A row handed to the model: the path, an empty label (unknown here) and the decoded image.</summary>
    internal sealed class DecodedRow
    {
        public string ImagePath = "";
        public string Label = "";
        public MLImage Image = null!;
    }
}
