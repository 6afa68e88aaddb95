using System;
using System.Collections.Generic;
using System.IO;

namespace RnnGen.Formats;

/// <summary>
/// What the end records of a zip archive declare: how many entries it has and where its central directory starts,
/// from the End Of Central Directory record and, when a ZIP64 locator precedes it, the ZIP64 end record. They are
/// found the way the zip library finds them (the last signature within a comment's reach of the end), so a check of
/// these values is a check of the directory the library is about to read.
/// </summary>
internal sealed class ZipEndRecord
{
    private const uint EndSignature = 0x06054b50;
    private const uint Zip64LocatorSignature = 0x07064b50;
    private const uint Zip64EndSignature = 0x06064b50;
    private const int EndSize = 22;
    private const int Zip64LocatorSize = 20;
    private const int Zip64EndSize = 56;

    /// <summary>The 16-bit count field holds this when the true count is in the ZIP64 end record.</summary>
    private const ushort CountInZip64 = 0xFFFF;

    /// <summary>
    /// How far back from the end the record may start: its size plus the longest comment, plus slack because the
    /// library scans backwards in blocks and may look a little further.
    /// </summary>
    private const int SearchReach = EndSize + ushort.MaxValue + 4096;

    private ZipEndRecord(long declaredEntries, List<long> directoryStarts)
    {
        DeclaredEntries = declaredEntries;
        DirectoryStarts = directoryStarts;
    }

    /// <summary>The largest entry count the end records declare.</summary>
    public long DeclaredEntries { get; }

    /// <summary>Every central directory start the end records declare that lies inside the archive.</summary>
    public IReadOnlyList<long> DirectoryStarts { get; }

    /// <summary>Reads the end records of a seekable archive; null when there is none (the library then reports the archive corrupt).</summary>
    public static ZipEndRecord? Find(Stream archive)
    {
        long length = archive.Length;
        int reach = (int)Math.Min(length, SearchReach);
        byte[] tail = ReadAt(archive, length - reach, reach);
        if (tail.Length < EndSize)
        {
            return null;
        }

        int end = LastSignature(tail, tail.Length - EndSize);
        if (end < 0)
        {
            return null;
        }

        ushort entriesOnDisk = LittleEndian.UInt16(tail, end + 8);
        ushort entries = LittleEndian.UInt16(tail, end + 10);
        var starts = new List<long>(2);
        AddStart(starts, LittleEndian.UInt32(tail, end + 16), length);
        long declared = Math.Max(entriesOnDisk, entries);

        byte[]? zip64 = ReadZip64End(archive, length - reach + end, length);
        if (zip64 is not null)
        {
            ulong zip64OnDisk = LittleEndian.UInt64(zip64, 24);
            ulong zip64Entries = LittleEndian.UInt64(zip64, 32);
            AddStart(starts, LittleEndian.UInt64(zip64, 48), length);
            long counted = (long)Math.Min(Math.Max(zip64OnDisk, zip64Entries), long.MaxValue);

            // A 16-bit count of 0xFFFF is only a pointer to the ZIP64 record; any other value is a count of its own.
            long classic = entries == CountInZip64 && entriesOnDisk == CountInZip64 ? 0 : declared;
            declared = Math.Max(classic, counted);
        }

        return new ZipEndRecord(declared, starts);
    }

    /// <summary>The ZIP64 end record, when a locator sits right before the classic record and points at one.</summary>
    private static byte[]? ReadZip64End(Stream archive, long endPosition, long length)
    {
        if (endPosition < Zip64LocatorSize)
        {
            return null;
        }

        byte[] locator = ReadAt(archive, endPosition - Zip64LocatorSize, Zip64LocatorSize);
        if (locator.Length < Zip64LocatorSize || LittleEndian.UInt32(locator, 0) != Zip64LocatorSignature)
        {
            return null;
        }

        ulong recordPosition = LittleEndian.UInt64(locator, 8);
        if (length < Zip64EndSize || recordPosition > (ulong)(length - Zip64EndSize))
        {
            return null;
        }

        byte[] record = ReadAt(archive, (long)recordPosition, Zip64EndSize);
        return record.Length == Zip64EndSize && LittleEndian.UInt32(record, 0) == Zip64EndSignature ? record : null;
    }

    /// <summary>The offset of the last End Of Central Directory signature at or before <paramref name="last"/>, or -1.</summary>
    private static int LastSignature(byte[] tail, int last)
    {
        for (int i = last; i >= 0; i--)
        {
            if (tail[i] == 0x50 && LittleEndian.UInt32(tail, i) == EndSignature)
            {
                return i;
            }
        }

        return -1;
    }

    private static void AddStart(List<long> starts, ulong start, long length)
    {
        if (start < (ulong)length && !starts.Contains((long)start))
        {
            starts.Add((long)start);
        }
    }

    /// <summary>Up to <paramref name="count"/> bytes from <paramref name="position"/>; fewer only where the archive ends.</summary>
    private static byte[] ReadAt(Stream archive, long position, int count)
    {
        archive.Position = position;
        byte[] bytes = new byte[count];
        int filled = StreamReading.ReadUpTo(archive, bytes, count);
        if (filled < count)
        {
            Array.Resize(ref bytes, filled);
        }

        return bytes;
    }
}
