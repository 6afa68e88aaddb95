using System;
using System.Buffers.Binary;

namespace RnnGen.Runtime.Tests.Formats;

/// <summary>Rewrites size fields of a zip archive in place, to build archives that lie about their entries.</summary>
internal static class ZipPatch
{
    private const uint LocalHeader = 0x04034b50;
    private const uint CentralHeader = 0x02014b50;

    /// <summary>Sets the uncompressed size in every local and central header.</summary>
    public static byte[] DeclareUncompressedSize(byte[] zip, uint size) => Patch(zip, localOffset: 22, centralOffset: 24, size);

    /// <summary>Sets the compressed size in every local and central header.</summary>
    public static byte[] DeclareCompressedSize(byte[] zip, uint size) => Patch(zip, localOffset: 18, centralOffset: 20, size);

    private static byte[] Patch(byte[] zip, int localOffset, int centralOffset, uint size)
    {
        byte[] patched = (byte[])zip.Clone();
        for (int i = 0; i + 4 <= patched.Length; i++)
        {
            uint signature = BinaryPrimitives.ReadUInt32LittleEndian(patched.AsSpan(i));
            int field = signature == LocalHeader ? localOffset : signature == CentralHeader ? centralOffset : -1;
            if (field >= 0 && i + field + 4 <= patched.Length)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(patched.AsSpan(i + field), size);
            }
        }

        return patched;
    }
}
