using System;
using System.Numerics.Tensors;
using RnnGen.Benchmarks.Harness;

namespace RnnGen.Benchmarks.Peers;

/// <summary>System.Numerics.Tensors: per step, one TensorPrimitives.Dot per output row, then TensorPrimitives.Tanh.</summary>
public sealed class TensorPrimitivesRnn(RnnCase c)
{
    private readonly int t = c.Timesteps, i = c.Input, o = c.Output;
    private readonly float[] w = c.W, u = c.U, b = c.B;

    /// <summary>Runs the sequence from <paramref name="initialState"/>, or from zeros when it is null.</summary>
    public void Run(float[] inputs, float[] outputs, float[]? initialState = null)
    {
        ReadOnlySpan<float> weights = w, recurrent = u, bias = b;
        for (int step = 0; step < t; step++)
        {
            ReadOnlySpan<float> x = inputs.AsSpan(step * i, i);
            Span<float> y = outputs.AsSpan(step * o, o);
            ReadOnlySpan<float> h = step > 0 ? outputs.AsSpan((step - 1) * o, o) : initialState;
            if (h.IsEmpty)
            {
                // From a zero state U·h is zero: skip it, as the anchor does.
                for (int row = 0; row < o; row++)
                {
                    y[row] = TensorPrimitives.Dot(weights.Slice(row * i, i), x) + bias[row];
                }
            }
            else
            {
                for (int row = 0; row < o; row++)
                {
                    y[row] = TensorPrimitives.Dot(weights.Slice(row * i, i), x) + TensorPrimitives.Dot(recurrent.Slice(row * o, o), h) + bias[row];
                }
            }

            TensorPrimitives.Tanh(y, y);
        }
    }
}
