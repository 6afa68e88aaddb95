using System;
using RnnGen.Tests.Batch.Harness;
using RnnGen.Tests.Gated;
using RnnGen.Tests.Harness;

namespace RnnGen.Tests.Batch;

/// <summary>The batched members of a few layers of each cell against the float64 reference, sequence by sequence.</summary>
public class BatchReferenceTests
{
    /// <summary>The contract's accuracy promise, as for the single-sequence members.</summary>
    private const double Tolerance = 1e-4;

    /// <summary>For every k the headers state (2, 5, 6, 8), a whole tile and sequences left over one at a time.</summary>
    private const int Count = 9;

    /// <summary>Per cell: a 100-step layer of the main shape, and a small one with other options.</summary>
    public static TheoryData<string> Models =>
    [
        "Tanh100x32x64", "Relu13x3x5NoBias",
        "Gru100x32x64", "GruResetBefore7x9x33", "GruReluSigmoid13x3x7",
        "Lstm100x32x64", "LstmNoBias13x3x7", "LstmSigmoidRelu9x7x20",
    ];

    [Theory]
    [MemberData(nameof(Models))]
    public void StepBatch_matches_the_reference(string model)
    {
        (BatchedLayer layer, SequenceBatch data) = Prepare(model);
        BatchStates states = data.Start.Copy();

        layer.StepBatch(data.StepInputs(0, Count), states.Hidden, states.Cell);

        for (int n = 0; n < Count; n++)
        {
            ReferenceTrace expected = layer.RunReference(data.StepInputOf(0, n), data.Start.HiddenOf(layer, n), data.Start.CellOf(layer, n));
            AssertLastStates(layer, expected, states, n, $"{model}: StepBatch of N = {Count}");
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void RunBatch_matches_the_reference(string model)
    {
        (BatchedLayer layer, SequenceBatch data) = Prepare(model);
        int length = layer.Timesteps * layer.Output;
        var outputs = new float[Count * length];

        layer.RunBatch(data.Inputs(Count), outputs);

        for (int n = 0; n < Count; n++)
        {
            ReferenceTrace expected = layer.RunReference(data.InputsOf(n), [], []);
            FloatAssert.Close(expected.Hidden, outputs.AsSpan(n * length, length), Tolerance, layer.Output, $"{model}: RunBatch of N = {Count}, sequence {n} (row = t)");
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void RunLastBatch_matches_the_reference(string model)
    {
        (BatchedLayer layer, SequenceBatch data) = Prepare(model);
        BatchStates states = data.Start.Copy();

        layer.RunLastBatch(data.Inputs(Count), states.Hidden, states.Cell);

        for (int n = 0; n < Count; n++)
        {
            ReferenceTrace expected = layer.RunReference(data.InputsOf(n), data.Start.HiddenOf(layer, n), data.Start.CellOf(layer, n));
            AssertLastStates(layer, expected, states, n, $"{model}: RunLastBatch of N = {Count} from random states");
        }
    }

    private static (BatchedLayer Layer, SequenceBatch Data) Prepare(string model)
    {
        (BatchedLayer layer, Random random) = BatchCatalog.CreateLoaded(model);
        return (layer, SequenceBatch.Random(layer, Count, random));
    }

    private static void AssertLastStates(BatchedLayer layer, ReferenceTrace expected, BatchStates actual, int n, string what)
    {
        FloatAssert.Close(expected.LastHidden, actual.HiddenOf(layer, n), Tolerance, layer.Output, $"{what}, hidden state of sequence {n}");
        FloatAssert.Close(expected.LastCell, actual.CellOf(layer, n), Tolerance, layer.Output, $"{what}, cell state of sequence {n}");
    }
}
