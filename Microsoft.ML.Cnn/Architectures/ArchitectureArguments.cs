// Argument checks shared by the ready-made architectures.
namespace Microsoft.ML.Cnn.Architectures;

internal static class ArchitectureArguments
{
    public static void Check(int[] inputShape, int classes)
    {
        if (inputShape.Length != 3 || inputShape.Any(d => d <= 0))
            throw new ArgumentException($"An image input shape is [channels, height, width] with positive sizes, got [{string.Join(", ", inputShape)}].", nameof(inputShape));
        if (classes <= 0) throw new ArgumentOutOfRangeException(nameof(classes), classes, "The number of classes must be positive.");
    }
}
