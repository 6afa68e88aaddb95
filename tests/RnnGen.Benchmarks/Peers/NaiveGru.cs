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

    /// <summary>Runs the sequence from a zero state, writing every h_t.</summary>
    public void Run(float[] inputs, float[] outputs)
    {
        Array.Clear(state);
        for (int step = 0; step < t; step++)
        {
            int xo = step * i, yo = step * o;
            for (int row = 0; row < o; row++)
            {
                // Gate blocks in PyTorch order: r (rows 0..O), z (O..2O), n (2O..3O).
                int zRow = row + o, nRow = row + (2 * o);
                float r = Sigmoid(RowDot(wIh, row, inputs, xo, i) + bIh[row] + RowDot(wHh, row, state, 0, o) + bHh[row]);
                float z = Sigmoid(RowDot(wIh, zRow, inputs, xo, i) + bIh[zRow] + RowDot(wHh, zRow, state, 0, o) + bHh[zRow]);
                float n = MathF.Tanh(RowDot(wIh, nRow, inputs, xo, i) + bIh[nRow] + (r * (RowDot(wHh, nRow, state, 0, o) + bHh[nRow])));
                outputs[yo + row] = ((1f - z) * n) + (z * state[row]);
            }

            // Every row above read the old state, so it is replaced only now.
            Array.Copy(outputs, yo, state, 0, o);
        }
    }
}
