using System;
using RnnGen.Benchmarks.Harness;
using static RnnGen.Benchmarks.Peers.NaiveMath;

namespace RnnGen.Benchmarks.Peers;

/// <summary>torch.nn.GRU's equations translated literally: float[] arrays, scalar loops, MathF.Tanh and MathF.Exp.</summary>
public sealed class NaiveGru(CellCase c)
{
    private readonly int t = c.Timesteps, i = c.Input, o = c.Output;
    private readonly float[] wIh = c.WeightIh, wHh = c.WeightHh, bIh = c.BiasIh, bHh = c.BiasHh;
    private readonly float[] state = new float[c.Output];

    // One sequence's h_t in StepBatch, until it replaces h_{t-1}.
    private readonly float[] next = new float[c.Output];

    /// <summary>Runs the sequence from a zero state, writing every h_t.</summary>
    public void Run(float[] inputs, float[] outputs)
    {
        Array.Clear(state);
        for (int step = 0; step < t; step++)
        {
            Step(inputs, step * i, state, 0, outputs, step * o);

            // Every row above read the old state, so it is replaced only now.
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
            // Gate blocks in PyTorch order: r (rows 0..O), z (O..2O), n (2O..3O).
            int zRow = row + o, nRow = row + (2 * o);
            float r = Sigmoid(RowDot(wIh, row, inputs, xo, i) + bIh[row] + RowDot(wHh, row, hPrev, ho, o) + bHh[row]);
            float z = Sigmoid(RowDot(wIh, zRow, inputs, xo, i) + bIh[zRow] + RowDot(wHh, zRow, hPrev, ho, o) + bHh[zRow]);
            float n = MathF.Tanh(RowDot(wIh, nRow, inputs, xo, i) + bIh[nRow] + (r * (RowDot(wHh, nRow, hPrev, ho, o) + bHh[nRow])));
            outputs[yo + row] = ((1f - z) * n) + (z * hPrev[ho + row]);
        }
    }
}
