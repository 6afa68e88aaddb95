using System;
using RnnGen.Benchmarks.Harness;

namespace RnnGen.Benchmarks.Peers;

/// <summary>
/// ONNX Runtime running one timestep of N sequences through the ONNX RNN (tanh), GRU (linear_before_reset=1) or LSTM
/// operator, batch N and sequence length 1 (models written by Onnx/make_batch_models.py), set up as
/// <see cref="OrtBoundModel"/> describes, the weights constant initializers as <see cref="OrtCell"/>'s. initial_h (and
/// initial_c) are bound to <see cref="State"/>, Y_h (and Y_c) to arrays of their own: ONNX Runtime promises nothing
/// when an output shares an input's memory, so each <see cref="Step"/> copies the new states back into
/// <see cref="State"/> for the next call, as a caller of the operator would.
/// </summary>
public sealed class OrtBatch : IDisposable
{
    private readonly OrtBoundModel model;
    private readonly float[] nextHidden, nextCell;

    private OrtBatch(string name, BatchCase batch, OrtTensor[] weights)
    {
        State = batch.NewState();
        nextHidden = new float[State.Hidden.Length];
        nextCell = new float[State.Cell.Length];
        long[] states = [1, batch.Count, batch.Output];

        model = new OrtBoundModel(FormattableString.Invariant($"{name}_batch{batch.Count}"), weights);
        model.BindInput(new("X", batch.Inputs, [1, batch.Count, batch.Input]));
        model.BindInput(new("initial_h", State.Hidden, states));
        model.BindOutput(new("Y_h", nextHidden, states));
        if (State.Cell.Length > 0)
        {
            model.BindInput(new("initial_c", State.Cell, states));
            model.BindOutput(new("Y_c", nextCell, states));
        }
    }

    /// <summary>The N sequences' states, advanced by every <see cref="Step"/>; they start as the batch's.</summary>
    public BatchState State { get; }

    /// <summary>The RNN operator on <paramref name="weights"/> (its W, U and b; ONNX's second bias is zero).</summary>
    public static OrtBatch ForRnn(RnnCase weights, BatchCase batch)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(batch);

        // ONNX RNN layouts: W [1, O, I] and R [1, O, O] are W and U as they are; B [1, 2O] = [b, 0].
        var bias = new float[2 * weights.Output];
        weights.B.CopyTo(bias, 0);
        return new OrtBatch("rnn_" + weights.Name, batch,
            [new("W", weights.W, [1, weights.Output, weights.Input]), new("R", weights.U, [1, weights.Output, weights.Output]),
             new("B", bias, [1, 2 * weights.Output])]);
    }

    /// <summary>The GRU or LSTM operator on <paramref name="weights"/>, their gate blocks in ONNX's order.</summary>
    public static OrtBatch ForCell(CellCase weights, BatchCase batch)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(batch);
        return new OrtBatch(weights.Name, batch, OnnxCellWeights.From(weights));
    }

    /// <summary>One timestep of every sequence: reads X and <see cref="State"/>, then writes the new states into <see cref="State"/>.</summary>
    public void Step()
    {
        model.Run();
        Array.Copy(nextHidden, State.Hidden, nextHidden.Length);
        Array.Copy(nextCell, State.Cell, nextCell.Length);
    }

    public void Dispose() => model.Dispose();
}
