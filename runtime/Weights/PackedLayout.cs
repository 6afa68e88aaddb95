using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RnnGen.Weights;

/// <summary>
/// The order in which the vector kernels read the weights. With L floats per vector and O padded up to a
/// multiple of L (P floats), the packed copy is three blocks of rows of length P:
/// <list type="bullet">
/// <item>W block, I rows: row i holds <c>W[0..O, i]</c>, the weights input i sends to every output;</item>
/// <item>U block, O rows: row j holds <c>U[0..O, j]</c>, the weights state element j sends to every output;</item>
/// <item>bias row: <c>b[0..O]</c>.</item>
/// </list>
/// Padding lanes are zero. The kernel broadcasts one input or state element and multiplies it with L
/// consecutive floats of its row, so every load is a plain aligned vector load and the rows are read in order.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class PackedLayout
{
    /// <summary>Spare floats allocated so that the packed copy can start on a 64-byte boundary.</summary>
    public const int AlignmentSlack = 16;

    /// <summary>O rounded up to a multiple of <paramref name="lanes"/>.</summary>
    public static int PaddedOutput(int outputSize, int lanes) => (outputSize + lanes - 1) / lanes * lanes;

    /// <summary>Floats in the packed copy: (I + O + 1) rows of P floats.</summary>
    public static int Length(int inputSize, int outputSize, int lanes)
        => (inputSize + outputSize + 1) * PaddedOutput(outputSize, lanes);

    /// <summary>Offset of the first float of the U block.</summary>
    public static int RecurrentOffset(int inputSize, int outputSize, int lanes) => inputSize * PaddedOutput(outputSize, lanes);

    /// <summary>Offset of the bias row.</summary>
    public static int BiasOffset(int inputSize, int outputSize, int lanes) => (inputSize + outputSize) * PaddedOutput(outputSize, lanes);

    /// <summary>Index of the first element of a pinned array that lies on a 64-byte boundary.</summary>
    public static unsafe int AlignedStart(float[] pinned)
    {
        nuint address = (nuint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(pinned));
        return (int)(((64 - (address & 63)) & 63) / sizeof(float));
    }

    /// <summary>Writes the packed copy of W (O×I), U (O×O) and b (O) into <paramref name="destination"/>.</summary>
    public static void Pack(ReadOnlySpan<float> w, ReadOnlySpan<float> u, ReadOnlySpan<float> b, int inputSize, int outputSize, int lanes, Span<float> destination)
    {
        int padded = PaddedOutput(outputSize, lanes);
        destination = destination[..Length(inputSize, outputSize, lanes)];
        destination.Clear();
        for (int o = 0; o < outputSize; o++)
        {
            for (int i = 0; i < inputSize; i++)
            {
                destination[(i * padded) + o] = w[(o * inputSize) + i];
            }

            for (int j = 0; j < outputSize; j++)
            {
                destination[((inputSize + j) * padded) + o] = u[(o * outputSize) + j];
            }

            destination[((inputSize + outputSize) * padded) + o] = b[o];
        }
    }

    /// <summary>Transposes a row-major rows×cols matrix into a row-major cols×rows one.</summary>
    public static void Transpose(ReadOnlySpan<float> source, int rows, int cols, Span<float> destination)
    {
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                destination[(c * rows) + r] = source[(r * cols) + c];
            }
        }
    }
}
