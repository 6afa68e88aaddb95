using System;

namespace RnnGen.Benchmarks.Peers;

/// <summary>The scalar pieces the naive gated cells share, written as a first C# port would write them.</summary>
internal static class NaiveMath
{
    public static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));

    /// <summary>Row <paramref name="row"/> of a row-major matrix with <paramref name="length"/> columns, times vector[offset..offset+length].</summary>
    public static float RowDot(float[] matrix, int row, float[] vector, int offset, int length)
    {
        float sum = 0f;
        int start = row * length;
        for (int col = 0; col < length; col++)
        {
            sum += matrix[start + col] * vector[offset + col];
        }

        return sum;
    }
}
