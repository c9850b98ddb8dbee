// A damaged image stops train and evaluate (LoadImages fails, naming the file); the message then says how to go on.
namespace Microsoft.ML.Cnn.Mlcnn.Commands;

/// <summary>Adds the --skip-invalid-images hint to decoding failures.</summary>
internal static class ImageFailureHint
{
    /// <summary>Runs <paramref name="body"/>; an <see cref="InvalidDataException"/> while reading image files gains the hint.</summary>
    public static T Run<T>(bool readsImageFiles, bool skipping, Func<T> body)
    {
        try
        {
            return body();
        }
        catch (InvalidDataException e) when (readsImageFiles && !skipping)
        {
            throw new InvalidDataException($"{e.Message} If some images are damaged, add --skip-invalid-images to leave them out (each one is named in a warning).", e);
        }
    }
}
