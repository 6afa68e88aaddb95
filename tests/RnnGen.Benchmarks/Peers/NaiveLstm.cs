using System;
using RnnGen.Benchmarks.Harness;
using static RnnGen.Benchmarks.Peers.NaiveMath;

namespace RnnGen.Benchmarks.Peers;

/// <summary>torch.nn.LSTM's equations translated literally: float[] arrays, scalar loops, MathF.Tanh and MathF.Exp.</summary>
public sealed class NaiveLstm(CellCase c)
{
    private readonly int t = c.Timesteps, i = c.Input, o = c.Output;
    private readonly float[] wIh = c.WeightIh, wHh = c.WeightHh, bIh = c.BiasIh, bHh = c.BiasHh;
    private readonly float[] hidden = new float[c.Output], cell = new float[c.Output];

    /// <summary>Runs the sequence from zero hidden and cell states, writing every h_t.</summary>
    public void Run(float[] inputs, float[] outputs)
    {
        Array.Clear(hidden);
        Array.Clear(cell);
        for (int step = 0; step < t; step++)
        {
            int xo = step * i, yo = step * o;
            for (int row = 0; row < o; row++)
            {
                // Gate blocks in PyTorch order: i, f, g, o, O rows each.
                int fRow = row + o, gRow = row + (2 * o), oRow = row + (3 * o);
                float inputGate = Sigmoid(RowDot(wIh, row, inputs, xo, i) + bIh[row] + RowDot(wHh, row, hidden, 0, o) + bHh[row]);
                float forgetGate = Sigmoid(RowDot(wIh, fRow, inputs, xo, i) + bIh[fRow] + RowDot(wHh, fRow, hidden, 0, o) + bHh[fRow]);
                float candidate = MathF.Tanh(RowDot(wIh, gRow, inputs, xo, i) + bIh[gRow] + RowDot(wHh, gRow, hidden, 0, o) + bHh[gRow]);
                float outputGate = Sigmoid(RowDot(wIh, oRow, inputs, xo, i) + bIh[oRow] + RowDot(wHh, oRow, hidden, 0, o) + bHh[oRow]);

                // Row j of the cell state is read only by row j, so it can be updated in place.
                cell[row] = (forgetGate * cell[row]) + (inputGate * candidate);
                outputs[yo + row] = outputGate * MathF.Tanh(cell[row]);
            }

            // Every row above read the old hidden state, so it is replaced only now.
            Array.Copy(outputs, yo, hidden, 0, o);
        }
    }
}
