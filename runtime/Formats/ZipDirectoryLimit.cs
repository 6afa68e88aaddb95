using System;
using System.IO;

namespace RnnGen.Formats;

/// <summary>
/// Bounds what a zip archive's central directory can cost before the zip library reads it. The library keeps a
/// record of every entry it lists, whether or not the caller needs it, so an archive of a few megabytes with
/// hundreds of thousands of empty entries would cost far more memory and time than the arrays a layer needs.
/// </summary>
internal static class ZipDirectoryLimit
{
    private const uint DirectoryHeaderSignature = 0x02014b50;

    /// <summary>The fixed part of a central directory header; name, extra field and comment follow it.</summary>
    private const int DirectoryHeaderSize = 46;

    /// <summary>
    /// Throws <see cref="InvalidDataException"/> when the archive declares more than <see cref="FormatLimits.MaxEntries"/>
    /// entries, or when its central directory holds more entries or bytes than the limits allow, whatever the end
    /// record declares. Leaves the stream at its start.
    /// </summary>
    /// <param name="archive">A seekable archive that starts at position 0.</param>
    /// <param name="part">What the archive is, for messages (<c>npz archive</c>).</param>
    public static void Check(Stream archive, string part)
    {
        try
        {
            ZipEndRecord? end = ZipEndRecord.Find(archive);
            if (end is null)
            {
                return;
            }

            if (end.DeclaredEntries > FormatLimits.MaxEntries)
            {
                throw new InvalidDataException(FormattableString.Invariant(
                    $"{part} declares {end.DeclaredEntries} entries, more than the {FormatLimits.MaxEntries}-entry limit; a layer's weights are three arrays, so save them on their own (np.savez(path, *layer.get_weights())) or check that this is the right file."));
            }

            // The library reads headers from the declared start for as long as they follow one another, whatever count
            // the end record declares; so the headers themselves are counted, from every start a reader might take.
            foreach (long start in end.DirectoryStarts)
            {
                CheckHeaders(archive, start, end.DeclaredEntries, part);
            }
        }
        finally
        {
            archive.Position = 0;
        }
    }

    private static void CheckHeaders(Stream archive, long start, long declared, string part)
    {
        byte[] header = new byte[DirectoryHeaderSize];
        long position = start;
        long bytes = 0;
        int entries = 0;
        while (true)
        {
            archive.Position = position;
            if (StreamReading.ReadUpTo(archive, header, DirectoryHeaderSize) < DirectoryHeaderSize
                || LittleEndian.UInt32(header, 0) != DirectoryHeaderSignature)
            {
                return;
            }

            int size = DirectoryHeaderSize + LittleEndian.UInt16(header, 28) + LittleEndian.UInt16(header, 30) + LittleEndian.UInt16(header, 32);
            entries++;
            bytes += size;
            if (entries > FormatLimits.MaxEntries)
            {
                throw new InvalidDataException(FormattableString.Invariant(
                    $"{part} declares {declared} entries, but its central directory holds more than {FormatLimits.MaxEntries} (the limit), so the archive is corrupt; save the layer's weights again with np.savez(path, *layer.get_weights())."));
            }

            if (bytes > FormatLimits.MaxZipDirectoryBytes)
            {
                throw new InvalidDataException(FormattableString.Invariant(
                    $"{part} has a central directory larger than the {FormatLimits.MaxZipDirectoryBytes}-byte limit after {entries} entries, whose names, extra fields or comments are far longer than NumPy writes; save the layer's weights again with np.savez(path, *layer.get_weights())."));
            }

            position += size;
        }
    }
}
