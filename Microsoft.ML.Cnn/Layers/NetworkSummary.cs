// A Keras-like summary of a network: one row per layer application, then parameter totals.
using System.Globalization;
using System.Text;
using Microsoft.ML.Cnn.Graph;

namespace Microsoft.ML.Cnn.Layers;

/// <summary>One row of a <see cref="NetworkSummary"/>.</summary>
/// <param name="Name">The layer's (or input's) name.</param>
/// <param name="TypeName">The layer's kind, "Input" for a network input.</param>
/// <param name="OutputShape">The output shape, batch first (N).</param>
/// <param name="ParameterCount">Values in the layer's parameters (0 on the second application of a shared layer).</param>
/// <param name="ConnectedTo">The names of the inputs, listed for layers with several inputs, empty otherwise.</param>
/// <param name="Details">Options shown beside the type (<see cref="Layer.Details"/>, e.g. "ceil mode"); empty for most layers.</param>
public sealed record NetworkSummaryRow(string Name, string TypeName, Shape OutputShape, long ParameterCount, IReadOnlyList<string> ConnectedTo, string Details = "");

/// <summary>
/// What <see cref="Network.Summary"/> returns: the rows (layer, output shape, parameter count, inputs of
/// multi-input layers) and the totals. <see cref="ToString"/> renders the table. A convolution has
/// (KH*KW*C/groups)*K + K parameters, a dense layer F*U + U, a batch norm 4*C (2*C trainable).
/// </summary>
public sealed class NetworkSummary
{
    public NetworkSummary(Network network)
    {
        var rows = new List<NetworkSummaryRow>();
        var counted = new HashSet<Layer>();
        foreach (var tensor in network.Applications)
        {
            if (tensor.Layer is null)
            {
                rows.Add(new NetworkSummaryRow(tensor.InputName!, "Input", tensor.Shape, 0, []));
                continue;
            }
            var layer = tensor.Layer;
            long count = counted.Add(layer) ? layer.Parameters.Sum(p => (long)p.Shape.ElementCount) : 0;
            string[] connected = tensor.Inputs.Count > 1 ? tensor.Inputs.Select(NameOf).ToArray() : [];
            rows.Add(new NetworkSummaryRow(layer.Name, layer.TypeName, tensor.Shape, count, connected, layer.Details));
        }
        Rows = rows;
        TotalParameters = network.Parameters.Sum(p => (long)p.Shape.ElementCount);
        TrainableParameters = network.Parameters.Where(p => p.RequiresGradient).Sum(p => (long)p.Shape.ElementCount);
    }

    public IReadOnlyList<NetworkSummaryRow> Rows { get; }

    public long TotalParameters { get; }

    /// <summary>Parameters the optimizer updates (weights, biases, scales and shifts of trainable layers).</summary>
    public long TrainableParameters { get; }

    /// <summary>Running statistics and the parameters of frozen layers.</summary>
    public long NonTrainableParameters => TotalParameters - TrainableParameters;

    /// <summary>The table, Keras style.</summary>
    public override string ToString()
    {
        var table = Rows.Select(r => (Layer: LayerColumn(r), Shape: r.OutputShape.ToString(), Count: Format(r.ParameterCount), Connected: string.Join(", ", r.ConnectedTo))).ToArray();
        int layerWidth = Math.Max("Layer (type)".Length, table.Max(r => r.Layer.Length)) + 2;
        int shapeWidth = Math.Max("Output shape".Length, table.Max(r => r.Shape.Length)) + 2;
        int countWidth = Math.Max("Param #".Length, table.Max(r => r.Count.Length));
        bool anyConnected = table.Any(r => r.Connected.Length > 0);
        var sb = new StringBuilder();
        string header = "Layer (type)".PadRight(layerWidth) + "Output shape".PadRight(shapeWidth) + "Param #".PadLeft(countWidth) + (anyConnected ? "  Connected to" : "");
        string rule = new('=', Math.Max(header.Length, table.Max(r => layerWidth + shapeWidth + countWidth + (r.Connected.Length > 0 ? r.Connected.Length + 2 : 0))));
        sb.AppendLine(header).AppendLine(rule);
        foreach (var r in table)
            sb.AppendLine((r.Layer.PadRight(layerWidth) + r.Shape.PadRight(shapeWidth) + r.Count.PadLeft(countWidth) + (r.Connected.Length > 0 ? "  " + r.Connected : "")).TrimEnd());
        sb.AppendLine(rule);
        sb.AppendLine($"Total params: {Format(TotalParameters)}");
        sb.AppendLine($"Trainable params: {Format(TrainableParameters)}");
        sb.Append($"Non-trainable params: {Format(NonTrainableParameters)}");
        return sb.ToString();
    }

    private static string LayerColumn(NetworkSummaryRow r) => r.Details.Length == 0 ? $"{r.Name} ({r.TypeName})" : $"{r.Name} ({r.TypeName}, {r.Details})";

    private static string NameOf(SymbolicTensor t) => t.Layer?.Name ?? t.InputName!;

    private static string Format(long count) => count.ToString("N0", CultureInfo.InvariantCulture);
}
