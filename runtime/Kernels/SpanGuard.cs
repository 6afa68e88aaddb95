using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace RnnGen.Kernels;

/// <summary>
/// Argument checks for the generated members. The checks inline to a compare and a branch; the throwing
/// parts stay out of line so the hot path carries no message formatting.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SpanGuard
{
    /// <summary>Throws unless <paramref name="actual"/> equals <paramref name="expected"/>.</summary>
    /// <param name="actual">The span's length.</param>
    /// <param name="expected">The length the shape requires.</param>
    /// <param name="meaning">What the length is made of, such as <c>Timesteps × Input = 100 × 32</c>.</param>
    /// <param name="paramName">The parameter's name.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Length(int actual, int expected, string meaning, string paramName)
    {
        if (actual != expected)
        {
            ThrowLength(actual, expected, meaning, paramName);
        }
    }

    /// <summary>
    /// The number of whole rows of <paramref name="rowLength"/> floats in a span of <paramref name="length"/>, for the
    /// batched members, which take N from their spans; throws when the length is not a whole number of rows.
    /// </summary>
    /// <param name="length">The span's length.</param>
    /// <param name="rowLength">Floats per row (per sequence).</param>
    /// <param name="meaning">What a row is made of, such as <c>Input = 3</c>.</param>
    /// <param name="paramName">The parameter's name.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Rows(int length, int rowLength, string meaning, string paramName)
    {
        int rows = length / rowLength;
        if (rows * rowLength != length)
        {
            ThrowRows(length, rowLength, meaning, paramName);
        }

        return rows;
    }

    /// <summary>
    /// Throws unless a batched span holds <paramref name="count"/> rows of <paramref name="rowLength"/> floats, where
    /// <paramref name="count"/> came from <paramref name="countFrom"/>: the two spans must agree about N.
    /// </summary>
    /// <param name="actual">The span's length.</param>
    /// <param name="count">N, the sequences <paramref name="countFrom"/> holds.</param>
    /// <param name="rowLength">Floats per sequence.</param>
    /// <param name="meaning">What a row is made of, such as <c>Output = 16</c>.</param>
    /// <param name="paramName">The parameter's name.</param>
    /// <param name="countFrom">The parameter N was taken from.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void BatchLength(int actual, int count, int rowLength, string meaning, string paramName, string countFrom)
    {
        if ((long)count * rowLength != actual)
        {
            ThrowBatchLength(actual, count, rowLength, meaning, paramName, countFrom);
        }
    }

    /// <summary>Throws when the two spans share memory.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void NoOverlap(ReadOnlySpan<float> written, ReadOnlySpan<float> read, string writtenName, string readName)
    {
        if (written.Overlaps(read))
        {
            ThrowOverlap(writtenName, readName);
        }
    }

    /// <summary>Throws naming the first element that is NaN or infinite.</summary>
    public static void Finite(ReadOnlySpan<float> values, string paramName)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"'{paramName}' holds {values[i]} at flat index {i}; every weight must be a finite number."),
                    paramName);
            }
        }
    }

    /// <summary>
    /// Throws naming both spans and the first flat index where <c>a[i] + b[i]</c>, summed in float as the layer sums
    /// them, is NaN or infinite: two finite values, such as PyTorch's <c>bias_ih</c> and <c>bias_hh</c>, can overflow
    /// together. Check each span with <see cref="Finite"/> first, so a value that is not finite on its own is reported
    /// by its own name.
    /// </summary>
    /// <param name="a">The first addend.</param>
    /// <param name="b">The second addend, as long as <paramref name="a"/>.</param>
    /// <param name="aName">The first addend's name.</param>
    /// <param name="bName">The second addend's name.</param>
    /// <param name="paramName">The parameter the exception names, when the addends are parts of one (two rows of a bias); else <paramref name="aName"/>.</param>
    public static void FiniteSum(ReadOnlySpan<float> a, ReadOnlySpan<float> b, string aName, string bName, string? paramName = null)
    {
        if (a.Length != b.Length)
        {
            ThrowLength(b.Length, a.Length, "the length of '" + aName + "'", bName);
        }

        for (int i = 0; i < a.Length; i++)
        {
            float sum = a[i] + b[i];
            if (!float.IsFinite(sum))
            {
                ThrowSum(a[i], b[i], sum, i, aName, bName, paramName ?? aName);
            }
        }
    }

    /// <summary>Throws naming the first element that is not zero (for layers declared with <c>UseBias = false</c>).</summary>
    public static void AllZero(ReadOnlySpan<float> values, string paramName)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] != 0f)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"'{paramName}' holds {values[i]} at flat index {i}, but the layer is declared with UseBias = false, so every bias must be zero."),
                    paramName);
            }
        }
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowLength(int actual, int expected, string meaning, string paramName)
        => throw new ArgumentException(
            string.Create(CultureInfo.InvariantCulture, $"'{paramName}' must hold {expected} floats ({meaning}), but its length is {actual}."),
            paramName);

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowSum(float a, float b, float sum, int index, string aName, string bName, string paramName)
    {
        string why = float.IsFinite(a) && float.IsFinite(b)
            ? "each is finite, but their sum overflows float"
            : "one of them is not finite";
        throw new ArgumentException(
            string.Create(CultureInfo.InvariantCulture, $"'{aName}' + '{bName}' = {sum} at flat index {index} ({a} + {b}): {why}, and the layer's bias is that sum; fix the trained model so that the sum is a finite number."),
            paramName);
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowRows(int actual, int rowLength, string meaning, string paramName)
        => throw new ArgumentException(
            string.Create(CultureInfo.InvariantCulture, $"'{paramName}' must hold a whole number of rows of {rowLength} floats ({meaning}), one per sequence, but its length is {actual}."),
            paramName);

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowBatchLength(int actual, int count, int rowLength, string meaning, string paramName, string countFrom)
        => throw new ArgumentException(
            string.Create(CultureInfo.InvariantCulture, $"'{paramName}' must hold {(long)count * rowLength} floats (N × {meaning}, with N = {count} sequences as '{countFrom}' holds), but its length is {actual}."),
            paramName);

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowOverlap(string writtenName, string readName)
        => throw new ArgumentException(
            $"'{writtenName}' overlaps '{readName}'; the kernel reads '{readName}' while it writes '{writtenName}', so pass separate buffers.",
            writtenName);
}
