namespace RnnGen.Formats;

/// <summary>Unsigned little-endian fields of binary records, read from byte arrays so the same source builds for netstandard2.0.</summary>
internal static class LittleEndian
{
    public static ushort UInt16(byte[] bytes, int offset) => (ushort)(bytes[offset] | (bytes[offset + 1] << 8));

    public static uint UInt32(byte[] bytes, int offset) => UInt16(bytes, offset) | ((uint)UInt16(bytes, offset + 2) << 16);

    public static ulong UInt64(byte[] bytes, int offset) => UInt32(bytes, offset) | ((ulong)UInt32(bytes, offset + 4) << 32);
}
