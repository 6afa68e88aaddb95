using System;
using RnnGen.Tests.Gated;
using RnnGen.Tests.Gated.Harness;
using RnnGen.Tests.Harness;

namespace RnnGen.Tests.Batch.Harness;

/// <summary>The float64 reference of one sequence from the given states (empty: zeros).</summary>
public delegate ReferenceTrace ReferenceRunner(ReadOnlySpan<float> inputs, ReadOnlySpan<float> initialHidden, ReadOnlySpan<float> initialCell);

/// <summary>
/// One loaded layer of any cell, seen through its single-sequence members, its batched members and the float64
/// reference of the weights it holds. Every state member takes a hidden and a cell span; only an LSTM has a cell
/// state, the SimpleRNN and the GRU get an empty one and ignore it, so that one test covers the three cells.
/// </summary>
public sealed record BatchedLayer(
    string Name,
    int Timesteps,
    int Input,
    int Output,
    int Gates,
    bool HasCell,
    HiddenAndCellAdvancer Step,
    SequenceRunner Run,
    HiddenAndCellAdvancer RunLast,
    HiddenAndCellAdvancer StepBatch,
    SequenceRunner RunBatch,
    HiddenAndCellAdvancer RunLastBatch,
    ReferenceRunner RunReference)
{
    /// <summary>Floats of one sequence's cell state: O for an LSTM, none otherwise.</summary>
    public int CellLength => HasCell ? Output : 0;

    /// <summary>The names the batched state members give their state spans.</summary>
    public string[] StateNames => HasCell ? ["hidden", "cell"] : ["states"];

    /// <summary>What one sequence of Run costs, to keep the heaviest layers out of the long loops.</summary>
    public long MultiplyAddsPerSequence => MultiplyAdds(Timesteps, Gates, Input, Output);

    /// <summary>The products of one Run: T timesteps of G·O rows over I + O columns.</summary>
    public static long MultiplyAdds(int timesteps, int gates, int input, int output) => (long)timesteps * gates * output * (input + output);

    /// <summary>A SimpleRNN holding <paramref name="weights"/>.</summary>
    public static BatchedLayer Of(RnnUnderTest rnn, WeightSet weights)
    {
        RnnShape shape = rnn.Shape;
        return new BatchedLayer(
            shape.Name,
            shape.Timesteps,
            shape.Input,
            shape.Output,
            Gates: 1,
            HasCell: false,
            (x, h, _) => rnn.Step(x, h),
            rnn.Run,
            (x, h, _) => rnn.RunLast(x, h),
            (x, h, _) => rnn.StepBatch(x, h),
            rnn.RunBatch,
            (x, h, _) => rnn.RunLastBatch(x, h),
            (x, h, _) => new ReferenceTrace(Reference.Run(shape.Activation, weights.W, weights.U, weights.B, x, h), [], shape.Output));
    }

    /// <summary>A GRU or an LSTM holding <paramref name="weights"/>.</summary>
    public static BatchedLayer Of(GatedUnderTest rnn, GatedWeights weights)
    {
        GatedShape shape = rnn.Shape;
        KerasTensors keras = weights.Keras;
        return new BatchedLayer(
            shape.Name,
            shape.Timesteps,
            shape.Input,
            shape.Output,
            shape.Gates,
            shape.IsLstm,
            rnn.Step,
            rnn.Run,
            rnn.RunLast,
            rnn.StepBatch,
            rnn.RunBatch,
            rnn.RunLastBatch,
            (x, h, c) => GatedReference.Run(shape, keras, x, h, c));
    }

    public override string ToString() => Name;
}
