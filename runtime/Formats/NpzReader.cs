using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;

namespace RnnGen.Formats;

/// <summary>
/// Reads a NumPy .npz archive: a zip of <c>name.npy</c> entries, stored or deflated, as <c>np.savez</c> and
/// <c>np.savez_compressed</c> write it. Only the arrays the caller selects are decompressed and converted, and
/// each is read only as far as its own .npy header says, so a declared entry size is never trusted. The central
/// directory is bounded before the zip library lists it (<see cref="ZipDirectoryLimit"/>).
/// </summary>
internal static class NpzReader
{
    private const string ArraySuffix = ".npy";

    /// <summary>Reads the archive's directory and the selected arrays.</summary>
    /// <param name="stream">The archive, read from its current position; left open.</param>
    /// <param name="select">Given every array name (entry names without <c>.npy</c>), which arrays to load in which shapes.</param>
    public static TensorFile Read(Stream stream, Func<IReadOnlyList<string>, TensorSelection> select)
    {
        // ZipArchive seeks to the central directory at the end and takes offsets from the stream's start;
        // any other stream is copied to memory first.
        bool direct = stream.CanSeek && stream.Position == 0;
        Stream source = direct ? stream : StreamReading.CopyToMemory(stream, FormatLimits.MaxArchiveBytes, "npz archive");
        try
        {
            ZipDirectoryLimit.Check(source, "npz archive");
            using ZipArchive archive = OpenArchive(source);
            List<KeyValuePair<string, ZipArchiveEntry>> arrays = ListArrays(archive);
            List<string> names = arrays.ConvertAll(array => array.Key);
            TensorSelection selection = select(names);
            var loaded = new Dictionary<string, TensorData>(StringComparer.Ordinal);
            foreach (KeyValuePair<string, ZipArchiveEntry> array in arrays)
            {
                if (selection.Contains(array.Key))
                {
                    loaded.Add(array.Key, ReadArray(array.Value, array.Key, selection));
                }
            }

            return new TensorFile("npz", names, loaded);
        }
        finally
        {
            if (!direct)
            {
                source.Dispose();
            }
        }
    }

    private static ZipArchive OpenArchive(Stream source)
    {
        try
        {
            return new ZipArchive(source, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (Exception exception) when (ZipFailures.IsCorruption(exception))
        {
            throw ZipFailures.Wrap("npz archive", exception);
        }
    }

    /// <summary>The .npy entries with their array names; other entries are not arrays and are passed over.</summary>
    private static List<KeyValuePair<string, ZipArchiveEntry>> ListArrays(ZipArchive archive)
    {
        IReadOnlyCollection<ZipArchiveEntry> entries;
        try
        {
            entries = archive.Entries;
        }
        catch (Exception exception) when (ZipFailures.IsCorruption(exception))
        {
            throw ZipFailures.Wrap("npz archive directory", exception);
        }

        var arrays = new List<KeyValuePair<string, ZipArchiveEntry>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (ZipArchiveEntry entry in entries)
        {
            string fullName = entry.FullName;
            if (!seen.Add(fullName))
            {
                throw new InvalidDataException("npz archive holds more than one entry named '" + fullName + "'.");
            }

            if (fullName.EndsWith(ArraySuffix, StringComparison.Ordinal))
            {
                arrays.Add(new KeyValuePair<string, ZipArchiveEntry>(fullName.Substring(0, fullName.Length - ArraySuffix.Length), entry));
            }
        }

        return arrays;
    }

    private static TensorData ReadArray(ZipArchiveEntry entry, string name, TensorSelection selection)
    {
        string part = "npz entry '" + entry.FullName + "'";
        Stream data;
        try
        {
            data = entry.Open();
        }
        catch (Exception exception) when (ZipFailures.IsCorruption(exception))
        {
            throw ZipFailures.Wrap(part, exception);
        }

        using var guarded = new CorruptionGuardStream(data, part);
        return NpyReader.Read(guarded, name, part, selection);
    }
}
