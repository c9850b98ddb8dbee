// The images a score command reads, streamed: a folder searched recursively (sorted, so runs are repeatable) or the
// path column of a CSV, read line by line.
using Microsoft.ML.Cnn.Data;

namespace Microsoft.ML.Cnn.Mlcnn.Inputs;

/// <summary>Lists the image files to score.</summary>
internal static class ImageListing
{
    /// <summary>The absolute paths of the images under <paramref name="folderOrCsv"/> or named by its CSV rows.</summary>
    /// <exception cref="UsageException">The path is neither a folder nor a .csv file.</exception>
    public static IEnumerable<string> Enumerate(string folderOrCsv)
    {
        if (Directory.Exists(folderOrCsv)) return ListFolder(folderOrCsv);
        if (File.Exists(folderOrCsv) && folderOrCsv.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            return PathCsvReader.Read(folderOrCsv, requireLabels: false).Select(row => row.Path);
        throw new UsageException($"--images '{folderOrCsv}' is neither a folder nor a .csv file (full path '{Path.GetFullPath(folderOrCsv)}'); " +
            "give a folder of images (searched recursively) or a CSV with a 'path' column.");
    }

    private static IEnumerable<string> ListFolder(string folder)
    {
        // Paths are listed first (cheap) so they can be sorted; images are decoded later, batch by batch.
        var paths = new List<string>();
        var options = new EnumerationOptions { RecurseSubdirectories = true };
        foreach (var file in Directory.EnumerateFiles(Path.GetFullPath(folder), "*", options))
            if (DataOperationsCatalog.ImageExtensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase)) paths.Add(file);
        paths.Sort(StringComparer.Ordinal);
        return paths;
    }
}
