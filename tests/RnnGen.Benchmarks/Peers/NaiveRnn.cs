using System;
using RnnGen.Benchmarks.Harness;

namespace RnnGen.Benchmarks.Peers;

/// <summary>The seed loop translated literally: float[] arrays, scalar loops, MathF.Tanh.</summary>
public sealed class NaiveRnn(RnnCase c)
{
    private readonly int t = c.Timesteps, i = c.Input, o = c.Output;
    private readonly float[] w = c.W, u = c.U, b = c.B;
    private readonly float[] state = new float[c.Output];

    /// <summary>Runs the sequence from <paramref name="initialState"/>, or from zeros when it is null.</summary>
    public void Run(float[] inputs, float[] outputs, float[]? initialState = null)
    {
        if (initialState is null)
        {
            Array.Clear(state);
        }
        else
        {
            Array.Copy(initialState, state, o);
        }

        for (int step = 0; step < t; step++)
        {
            int xo = step * i, yo = step * o;
            for (int row = 0; row < o; row++)
            {
                float wx = 0f;
                for (int col = 0; col < i; col++)
                {
                    wx += w[(row * i) + col] * inputs[xo + col];
                }

                float uh = 0f;
                for (int j = 0; j < o; j++)
                {
                    uh += u[(row * o) + j] * state[j];
                }

                outputs[yo + row] = MathF.Tanh(wx + uh + b[row]);
            }

            // state_t = output_t
            Array.Copy(outputs, yo, state, 0, o);
        }
    }
}
