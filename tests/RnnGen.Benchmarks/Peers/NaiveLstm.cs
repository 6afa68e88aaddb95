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

    // One sequence's h_t in StepBatch, until it replaces h_{t-1}.
    private readonly float[] next = new float[c.Output];

    /// <summary>Runs the sequence from zero hidden and cell states, writing every h_t.</summary>
    public void Run(float[] inputs, float[] outputs)
    {
        Array.Clear(hidden);
        Array.Clear(cell);
        for (int step = 0; step < t; step++)
        {
            Step(inputs, step * i, hidden, 0, cell, 0, outputs, step * o);

            // Every row above read the old hidden state, so it is replaced only now.
            Array.Copy(outputs, step * o, hidden, 0, o);
        }
    }

    /// <summary>
    /// One timestep of each of the N sequences: inputs N×I, hiddens and cells N×O (h_{t-1} and c_{t-1} in, h_t and
    /// c_t out), batch-major.
    /// </summary>
    public void StepBatch(float[] inputs, float[] hiddens, float[] cells)
    {
        for (int n = 0; n * o < hiddens.Length; n++)
        {
            Step(inputs, n * i, hiddens, n * o, cells, n * o, next, 0);

            // Every row above read the old hidden state, so it is replaced only now.
            Array.Copy(next, 0, hiddens, n * o, o);
        }
    }

    /// <summary>One timestep: x_t at inputs[xo..], h_{t-1} at hPrev[ho..], c_{t-1} at cells[co..] (replaced by c_t), h_t into outputs[yo..].</summary>
    private void Step(float[] inputs, int xo, float[] hPrev, int ho, float[] cells, int co, float[] outputs, int yo)
    {
        for (int row = 0; row < o; row++)
        {
            // Gate blocks in PyTorch order: i, f, g, o, O rows each.
            int fRow = row + o, gRow = row + (2 * o), oRow = row + (3 * o);
            float inputGate = Sigmoid(RowDot(wIh, row, inputs, xo, i) + bIh[row] + RowDot(wHh, row, hPrev, ho, o) + bHh[row]);
            float forgetGate = Sigmoid(RowDot(wIh, fRow, inputs, xo, i) + bIh[fRow] + RowDot(wHh, fRow, hPrev, ho, o) + bHh[fRow]);
            float candidate = MathF.Tanh(RowDot(wIh, gRow, inputs, xo, i) + bIh[gRow] + RowDot(wHh, gRow, hPrev, ho, o) + bHh[gRow]);
            float outputGate = Sigmoid(RowDot(wIh, oRow, inputs, xo, i) + bIh[oRow] + RowDot(wHh, oRow, hPrev, ho, o) + bHh[oRow]);

            // Row j of the cell state is read only by row j, so it can be updated in place.
            cells[co + row] = (forgetGate * cells[co + row]) + (inputGate * candidate);
            outputs[yo + row] = outputGate * MathF.Tanh(cells[co + row]);
        }
    }
}
