using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RnnGen.Weights;

/// <summary>Places the packed weights on a 64-byte boundary, so that no vector load straddles a cache line.</summary>
internal static class PackedAlignment
{
    /// <summary>Spare floats allocated so that the packed copy can start on a 64-byte boundary.</summary>
    public const int SlackFloats = 16;

    /// <summary>Index of the first element of a pinned array that lies on a 64-byte boundary.</summary>
    public static unsafe int AlignedStart(float[] pinned)
    {
        nuint address = (nuint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(pinned));
        return (int)(((64 - (address & 63)) & 63) / sizeof(float));
    }
}
