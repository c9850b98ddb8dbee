// Number formats shared by the console and the report (invariant culture; "84.3%" rather than the culture's "84.3 %").
using System.Globalization;

namespace Microsoft.ML.Cnn.Mlcnn;

/// <summary>Formats numbers for people.</summary>
internal static class TextFormats
{
    /// <summary>A share as a percentage, e.g. 0.8434 → "84.3%".</summary>
    public static string Percent(double share, int decimals = 1) =>
        double.IsFinite(share) ? (share * 100).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + "%" : "n/a";

    /// <summary>A count with thousands separators, e.g. "10,000".</summary>
    public static string Count(double count) => count.ToString("N0", CultureInfo.InvariantCulture);
}
