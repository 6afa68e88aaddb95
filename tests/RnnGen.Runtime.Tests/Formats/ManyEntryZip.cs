using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace RnnGen.Runtime.Tests.Formats;

/// <summary>
/// Writes zip archives of empty stored entries record by record, far faster than <c>ZipArchive</c> for hundreds of
/// thousands of entries, with the ZIP64 end records when the count needs them, and end records that may lie about it.
/// </summary>
internal static class ManyEntryZip
{
    /// <summary>1980-01-01, the first day a DOS date can hold.</summary>
    private const ushort DosDate = (1 << 5) | 1;

    /// <summary>One empty entry, with a comment of zero bytes in the central directory.</summary>
    internal sealed record Entry(string Name, int CommentLength = 0);

    /// <summary><paramref name="count"/> empty stored entries named <c>0.npy</c>, <c>1.npy</c>, ...</summary>
    public static byte[] Empty(int count, long? declaredCount = null)
    {
        var entries = new List<Entry>(count);
        for (int i = 0; i < count; i++)
        {
            entries.Add(new Entry(i.ToString(CultureInfo.InvariantCulture) + ".npy"));
        }

        return Write(entries, declaredCount);
    }

    /// <summary>
    /// The entries, stored, then the central directory and the end records. <paramref name="declaredCount"/>
    /// replaces the true count in every end record; ZIP64 end records are written when the count exceeds 65 534.
    /// </summary>
    public static byte[] Write(IReadOnlyList<Entry> entries, long? declaredCount = null)
    {
        using var zip = new MemoryStream();
        using var writer = new BinaryWriter(zip);
        var offsets = new long[entries.Count];
        for (int i = 0; i < entries.Count; i++)
        {
            offsets[i] = zip.Position;
            byte[] name = Encoding.UTF8.GetBytes(entries[i].Name);
            writer.Write(0x04034b50u);
            WriteCommonFields(writer, name.Length);
            writer.Write((ushort)0);
            writer.Write(name);
        }

        long directoryStart = zip.Position;
        for (int i = 0; i < entries.Count; i++)
        {
            byte[] name = Encoding.UTF8.GetBytes(entries[i].Name);
            writer.Write(0x02014b50u);
            writer.Write((ushort)20);
            WriteCommonFields(writer, name.Length);
            writer.Write((ushort)0);
            writer.Write((ushort)entries[i].CommentLength);
            writer.Write((ushort)0);
            writer.Write((ushort)0);
            writer.Write(0u);
            writer.Write((uint)offsets[i]);
            writer.Write(name);
            writer.Write(new byte[entries[i].CommentLength]);
        }

        long directoryEnd = zip.Position;
        long count = declaredCount ?? entries.Count;
        if (count >= 0xFFFF)
        {
            writer.Write(0x06064b50u);
            writer.Write(44UL);
            writer.Write((ushort)45);
            writer.Write((ushort)45);
            writer.Write(0u);
            writer.Write(0u);
            writer.Write((ulong)count);
            writer.Write((ulong)count);
            writer.Write((ulong)(directoryEnd - directoryStart));
            writer.Write((ulong)directoryStart);

            writer.Write(0x07064b50u);
            writer.Write(0u);
            writer.Write((ulong)directoryEnd);
            writer.Write(1u);
        }

        writer.Write(0x06054b50u);
        writer.Write((ushort)0);
        writer.Write((ushort)0);
        writer.Write((ushort)Math.Min(count, 0xFFFF));
        writer.Write((ushort)Math.Min(count, 0xFFFF));
        writer.Write((uint)(directoryEnd - directoryStart));
        writer.Write((uint)directoryStart);
        writer.Write((ushort)0);
        writer.Flush();
        return zip.ToArray();
    }

    /// <summary>The entry count the classic end record of <paramref name="zip"/> declares.</summary>
    public static int DeclaredCount(byte[] zip) => BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(zip.Length - 12));

    /// <summary>Version needed, flags, stored, time, date, then CRC-32 and sizes of empty data, and the name length.</summary>
    private static void WriteCommonFields(BinaryWriter writer, int nameLength)
    {
        writer.Write((ushort)20);
        writer.Write((ushort)0);
        writer.Write((ushort)0);
        writer.Write((ushort)0);
        writer.Write(DosDate);
        writer.Write(0u);
        writer.Write(0u);
        writer.Write(0u);
        writer.Write((ushort)nameLength);
    }
}
