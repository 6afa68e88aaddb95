using System;
using System.IO;

namespace RnnGen.Formats;

/// <summary>
/// <c>ZipArchive</c> and <c>DeflateStream</c> report corrupt input with several exception types depending on
/// the runtime and on what is corrupt; this folds them into one <see cref="InvalidDataException"/> that names
/// the part of the archive.
/// </summary>
internal static class ZipFailures
{
    /// <summary>Whether an exception from the zip library means the archive is corrupt.</summary>
    public static bool IsCorruption(Exception exception)
        => exception is IOException or InvalidDataException or NotSupportedException or ArgumentException or InvalidOperationException or OverflowException;

    public static InvalidDataException Wrap(string part, Exception exception)
        => new(part + " is corrupt: " + exception.Message, exception);
}
