using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace RnnGen.Kernels;

/// <summary>
/// Loads and stores of the first <c>count</c> floats of a vector, for the last, partly filled vector of a state
/// the caller owns: touching memory past its end could fault or overwrite the caller's data. Every call site
/// passes a constant <c>count</c>, so the branches fold away and what remains is a few whole-vector moves of
/// narrower widths and scalars.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class PartialVectors
{
    /// <summary>The first <paramref name="count"/> (0..16) floats at <paramref name="source"/>; the other lanes are zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Load512(ref float source, int count)
        => count >= 8
            ? Vector512.Create(Vector256.LoadUnsafe(ref source), Load256(ref Unsafe.Add(ref source, 8), count - 8))
            : Vector512.Create(Load256(ref source, count), Vector256<float>.Zero);

    /// <summary>The first <paramref name="count"/> (0..8) floats at <paramref name="source"/>; the other lanes are zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Load256(ref float source, int count)
        => count >= 4
            ? Vector256.Create(Vector128.LoadUnsafe(ref source), Load128(ref Unsafe.Add(ref source, 4), count - 4))
            : Vector256.Create(Load128(ref source, count), Vector128<float>.Zero);

    /// <summary>The first <paramref name="count"/> (0..4) floats at <paramref name="source"/>; the other lanes are zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Load128(ref float source, int count) => count switch
    {
        0 => Vector128<float>.Zero,
        1 => Vector128.CreateScalar(source),
        2 => Vector128.Create(source, Unsafe.Add(ref source, 1), 0f, 0f),
        3 => Vector128.Create(source, Unsafe.Add(ref source, 1), Unsafe.Add(ref source, 2), 0f),
        _ => Vector128.LoadUnsafe(ref source),
    };

    /// <summary>Stores the first <paramref name="count"/> (0..16) lanes of <paramref name="value"/> at <paramref name="destination"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store512(Vector512<float> value, ref float destination, int count)
    {
        if (count >= 8)
        {
            value.GetLower().StoreUnsafe(ref destination);
            Store256(value.GetUpper(), ref Unsafe.Add(ref destination, 8), count - 8);
        }
        else
        {
            Store256(value.GetLower(), ref destination, count);
        }
    }

    /// <summary>Stores the first <paramref name="count"/> (0..8) lanes of <paramref name="value"/> at <paramref name="destination"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store256(Vector256<float> value, ref float destination, int count)
    {
        if (count >= 4)
        {
            value.GetLower().StoreUnsafe(ref destination);
            Store128(value.GetUpper(), ref Unsafe.Add(ref destination, 4), count - 4);
        }
        else
        {
            Store128(value.GetLower(), ref destination, count);
        }
    }

    /// <summary>Stores the first <paramref name="count"/> (0..4) lanes of <paramref name="value"/> at <paramref name="destination"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store128(Vector128<float> value, ref float destination, int count)
    {
        if (count >= 4)
        {
            value.StoreUnsafe(ref destination);
            return;
        }

        if (count >= 1)
        {
            destination = value.ToScalar();
        }

        if (count >= 2)
        {
            Unsafe.Add(ref destination, 1) = value.GetElement(1);
        }

        if (count >= 3)
        {
            Unsafe.Add(ref destination, 2) = value.GetElement(2);
        }
    }
}
