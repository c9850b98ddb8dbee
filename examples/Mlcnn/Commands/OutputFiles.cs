// Output files (models, reports, predictions) may name folders that do not exist yet; they are created.
namespace Microsoft.ML.Cnn.Mlcnn.Commands;

internal static class OutputFiles
{
    /// <summary>Creates the folder that will hold <paramref name="path"/>, if missing.</summary>
    public static void CreateFolderOf(string path)
    {
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
    }
}
