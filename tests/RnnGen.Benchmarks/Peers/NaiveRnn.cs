using System;
using RnnGen.Benchmarks.Harness;

namespace RnnGen.Benchmarks.Peers;

/// <summary>The seed loop translated literally: float[] arrays, scalar loops, MathF.Tanh.</summary>
public sealed class NaiveRnn(RnnCase c)
{
    private readonly int t = c.Timesteps, i = c.Input, o = c.Output;
    private readonly float[] w = c.W, u = c.U, b = c.B;
    private readonly float[] state = new float[c.Output];

    // One sequence's h_t in StepBatch, until it replaces h_{t-1}.
    private readonly float[] next = new float[c.Output];

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
            Step(inputs, step * i, state, 0, outputs, step * o);

            // state_t = output_t
            Array.Copy(outputs, step * o, state, 0, o);
        }
    }

    /// <summary>One timestep of each of the N sequences: inputs N×I, states N×O (h_{t-1} in, h_t out), batch-major.</summary>
    public void StepBatch(float[] inputs, float[] states)
    {
        for (int n = 0; n * o < states.Length; n++)
        {
            Step(inputs, n * i, states, n * o, next, 0);

            // Every row above read the old state, so it is replaced only now.
            Array.Copy(next, 0, states, n * o, o);
        }
    }

    /// <summary>One timestep: x_t at inputs[xo..], h_{t-1} at hPrev[ho..], h_t into outputs[yo..].</summary>
    private void Step(float[] inputs, int xo, float[] hPrev, int ho, float[] outputs, int yo)
    {
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
                uh += u[(row * o) + j] * hPrev[ho + j];
            }

            outputs[yo + row] = MathF.Tanh(wx + uh + b[row]);
        }
    }
}
