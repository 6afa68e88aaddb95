using System;
using RnnGen.Tests.Harness;

namespace RnnGen.Tests.Gated.Harness;

/// <summary>
/// One gated layer's weights, gate after gate in Keras's order (GRU z, r, n; LSTM i, f, g, o): W as G·O×I, U as
/// G·O×O, the input biases and the recurrent biases as G·O each. From these come the Keras and the PyTorch
/// tensors, chosen so that every load layout describes bit for bit the same layer:
/// <list type="bullet">
/// <item>a GRU with ResetAfter keeps both bias rows apart in either framework;</item>
/// <item>a GRU without it has one bias per gate and no recurrent biases (nor a PyTorch layout);</item>
/// <item>an LSTM's Keras bias is the float32 sum of PyTorch's bias_ih and bias_hh.</item>
/// </list>
/// </summary>
public sealed record GatedWeights(GatedShape Shape, float[] W, float[] U, float[] InputBias, float[] RecurrentBias)
{
    /// <summary>
    /// Every tensor uniform in ±1/sqrt(O), as PyTorch initialises them and the contract's accuracy promise assumes;
    /// biases zero when the layer has none, and no recurrent biases for a GRU without ResetAfter.
    /// </summary>
    public static GatedWeights Random(GatedShape shape, Random random)
    {
        float limit = 1f / MathF.Sqrt(shape.Output);
        float[] w = RandomData.Uniform(random, shape.GateRows * shape.Input, limit);
        float[] u = RandomData.Uniform(random, shape.GateRows * shape.Output, limit);
        float[] inputBias = shape.UseBias ? RandomData.Uniform(random, shape.GateRows, limit) : new float[shape.GateRows];
        bool hasRecurrentBias = shape.UseBias && shape.HasPyTorchLayout;
        float[] recurrentBias = hasRecurrentBias ? RandomData.Uniform(random, shape.GateRows, limit) : new float[shape.GateRows];
        return new GatedWeights(shape, w, u, inputBias, recurrentBias);
    }

    /// <summary>The weights of Keras tensors: an LSTM's bias becomes its input bias, with zero recurrent biases.</summary>
    public static GatedWeights FromKeras(GatedShape shape, KerasTensors keras)
    {
        float[] recurrentBias = shape.KerasBiasRows == 2 ? keras.Bias[shape.GateRows..] : new float[shape.GateRows];
        return new GatedWeights(
            shape,
            WeightSet.Transpose(keras.Kernel, shape.Input),
            WeightSet.Transpose(keras.RecurrentKernel, shape.Output),
            keras.Bias[..shape.GateRows],
            recurrentBias);
    }

    /// <summary>Keras kernel: Wᵀ, I×G·O.</summary>
    public float[] KerasKernel => WeightSet.Transpose(W, Shape.GateRows);

    /// <summary>Keras recurrent kernel: Uᵀ, O×G·O (row j holds the weights from h_j).</summary>
    public float[] KerasRecurrentKernel => WeightSet.Transpose(U, Shape.GateRows);

    /// <summary>Keras bias: both rows for a GRU with ResetAfter, the one bias of a GRU without it, the float sum for an LSTM.</summary>
    public float[] KerasBias
    {
        get
        {
            if (!Shape.IsLstm)
            {
                return Shape.ResetAfter ? [.. InputBias, .. RecurrentBias] : (float[])InputBias.Clone();
            }

            var sum = new float[Shape.GateRows];
            for (int k = 0; k < sum.Length; k++)
            {
                sum[k] = InputBias[k] + RecurrentBias[k];
            }

            return sum;
        }
    }

    /// <summary>The three Keras tensors.</summary>
    public KerasTensors Keras => new(KerasKernel, KerasRecurrentKernel, KerasBias);

    /// <summary>The four PyTorch tensors: blocks of O rows, a GRU's first two swapped (PyTorch orders r, z, n).</summary>
    public PyTorchTensors PyTorch
    {
        get
        {
            if (!Shape.HasPyTorchLayout)
            {
                throw new InvalidOperationException($"{Shape}: PyTorch has no GRU with the reset gate before the product.");
            }

            return new PyTorchTensors(ToPyTorchOrder(W, Shape.Input), ToPyTorchOrder(U, Shape.Output), ToPyTorchOrder(InputBias, 1), ToPyTorchOrder(RecurrentBias, 1));
        }
    }

    /// <summary>Reorders gate blocks of <paramref name="width"/> floats per row from Keras's order to PyTorch's.</summary>
    private float[] ToPyTorchOrder(float[] blocks, int width)
    {
        float[] reordered = (float[])blocks.Clone();
        if (!Shape.IsLstm)
        {
            int block = Shape.Output * width;
            blocks.AsSpan(0, block).CopyTo(reordered.AsSpan(block, block));
            blocks.AsSpan(block, block).CopyTo(reordered.AsSpan(0, block));
        }

        return reordered;
    }
}
