// What every fitted Cnn model saves into a model file: the feature column, scoring settings and training history in
// its main stream, and the trained network as its own stream in the engine's checksummed network format.
using Microsoft.ML.Cnn.Backends;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Persistence;
using Microsoft.ML.Cnn.Persistence.Pipeline;
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.Trainers;

/// <summary>The state shared by the Cnn transformers, written and read in one layout.</summary>
internal sealed record CnnModelState(Network Network, string FeatureColumnName, TrainingHistory? History, BackendKind Backend, int? Threads, int ScoringBatchSize)
{
    private const string NetworkStream = "Network";
    private const int MaxEpochs = 1_000_000;

    /// <summary>Writes the shared fields to the main stream and the network to its own stream.</summary>
    public void Save(ModelSaveContext context)
    {
        var writer = context.Writer;
        writer.WriteString(FeatureColumnName);
        writer.WriteEnum(Backend);
        writer.WriteInt32(Threads ?? 0);
        writer.WriteInt32(ScoringBatchSize);
        WriteHistory(writer, History);
        context.SaveStream(NetworkStream, stream => NetworkSerializer.Save(Network, stream));
    }

    /// <summary>Reads what <see cref="Save"/> wrote, validating every field.</summary>
    public static CnnModelState Load(ModelLoadContext context)
    {
        var reader = context.Reader;
        string feature = reader.ReadString("feature column");
        var backend = reader.ReadEnum<BackendKind>("backend");
        int threads = reader.ReadInt32(0, 4096, "thread count");
        int batchSize = reader.ReadInt32(1, int.MaxValue, "scoring batch size");
        var history = ReadHistory(reader);
        using var stream = context.LoadStream(NetworkStream);
        var network = NetworkSerializer.Load(stream);
        return new CnnModelState(network, feature, history, backend, threads == 0 ? null : threads, batchSize);
    }

    private static void WriteHistory(ModelStreamWriter writer, TrainingHistory? history)
    {
        writer.WriteBool(history is not null);
        if (history is null) return;
        writer.WriteInt32(history.Epochs.Count);
        foreach (var epoch in history.Epochs)
        {
            writer.WriteInt32(epoch.Epoch);
            writer.WriteDoubles([epoch.Loss, epoch.Accuracy, epoch.ValidationLoss, epoch.ValidationAccuracy, epoch.SamplesPerSecond]);
            writer.WriteSingle(epoch.LearningRate);
            writer.WriteInt64(epoch.Duration.Ticks);
        }
        writer.WriteEnum(history.Outcome);
        writer.WriteInt32(history.RestoredEpoch);
    }

    private static TrainingHistory? ReadHistory(ModelStreamReader reader)
    {
        if (!reader.ReadBool("presence of the training history")) return null;
        int count = reader.ReadInt32(0, MaxEpochs, "number of epochs");
        var epochs = new EpochMetrics[count];
        for (int i = 0; i < count; i++)
        {
            int epoch = reader.ReadInt32(0, MaxEpochs, "epoch number");
            var values = reader.ReadDoubles("epoch metrics");
            if (values.Length != 5) throw reader.Invalid($"epoch {epoch} has {values.Length} metrics, not 5.");
            float learningRate = reader.ReadSingle();
            long ticks = reader.ReadInt64();
            if (ticks < 0) throw reader.Invalid($"epoch {epoch} lasted {ticks} ticks.");
            epochs[i] = new EpochMetrics(epoch, values[0], values[1], values[2], values[3], learningRate, TimeSpan.FromTicks(ticks), values[4]);
        }
        var outcome = reader.ReadEnum<TrainingOutcome>("training outcome");
        int restored = reader.ReadInt32(-1, count - 1, "restored epoch");
        return new TrainingHistory(epochs, outcome, restored);
    }
}
