using System;

namespace RnnGen.Tests.Harness;

/// <summary>
/// Weights in the seed layout (W: O×I, U: O×O, b: O, row-major), plus the two PyTorch bias halves whose float32
/// sum is exactly <see cref="B"/>, so that every load layout describes bit for bit the same layer.
/// </summary>
public sealed record WeightSet(float[] W, float[] U, float[] B, float[] BiasIh, float[] BiasHh)
{
    /// <summary>
    /// W and U uniform in ±1/sqrt(O), as the contract's accuracy promise assumes; each bias half uniform in
    /// ±1/(2·sqrt(O)), and all biases zero when the layer has none.
    /// </summary>
    public static WeightSet Random(RnnShape shape, Random random)
    {
        float limit = 1f / MathF.Sqrt(shape.Output);
        float[] w = RandomData.Uniform(random, shape.WLength, limit);
        float[] u = RandomData.Uniform(random, shape.ULength, limit);
        float[] biasIh = shape.UseBias ? RandomData.Uniform(random, shape.Output, limit / 2) : new float[shape.Output];
        float[] biasHh = shape.UseBias ? RandomData.Uniform(random, shape.Output, limit / 2) : new float[shape.Output];
        var b = new float[shape.Output];
        for (int o = 0; o < b.Length; o++)
        {
            b[o] = biasIh[o] + biasHh[o];
        }

        return new WeightSet(w, u, b, biasIh, biasHh);
    }

    /// <summary>Keras kernel: Wᵀ, I×O.</summary>
    public float[] KerasKernel => Transpose(W, B.Length);

    /// <summary>Keras recurrent kernel: Uᵀ, O×O (row j holds the weights from h_j).</summary>
    public float[] KerasRecurrentKernel => Transpose(U, B.Length);

    /// <summary>Transposes a row-major matrix with <paramref name="rows"/> rows.</summary>
    public static float[] Transpose(float[] matrix, int rows)
    {
        int cols = matrix.Length / rows;
        var transposed = new float[matrix.Length];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                transposed[(c * rows) + r] = matrix[(r * cols) + c];
            }
        }

        return transposed;
    }
}
