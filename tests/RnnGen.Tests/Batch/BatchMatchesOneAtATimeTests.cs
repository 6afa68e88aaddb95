using System;
using System.Linq;
using RnnGen.Tests.Batch.Harness;
using RnnGen.Tests.Harness;

namespace RnnGen.Tests.Batch;

/// <summary>
/// Every model of every cell, every batch size around the kernels' k sequences per call: each sequence of a batch
/// gets what the single-sequence member gives it alone, and nothing is written outside the spans.
/// </summary>
public class BatchMatchesOneAtATimeTests
{
    /// <summary>The contract: each sequence's result equals the single-sequence member's within 1e-5.</summary>
    private const double Tolerance = 1e-5;

    [Theory]
    [MemberData(nameof(BatchCatalog.All), MemberType = typeof(BatchCatalog))]
    public void StepBatch_matches_Step_for_every_sequence(string model)
    {
        (BatchedLayer layer, int[] sizes, SequenceBatch data) = Prepare(model);
        BatchStates expected = OneAtATime.Step(data);

        foreach (int n in sizes)
        {
            var hidden = new FencedBuffer(data.Start.HiddenRows(layer, n));
            var cell = new FencedBuffer(data.Start.CellRows(layer, n));
            for (int s = 0; s < data.Steps; s++)
            {
                layer.StepBatch(data.StepInputs(s, n), hidden.Span, cell.Span);
            }

            AssertStates(layer, expected, hidden, cell, n, $"{model}: {data.Steps} StepBatch calls of N = {n}");
        }
    }

    [Theory]
    [MemberData(nameof(BatchCatalog.All), MemberType = typeof(BatchCatalog))]
    public void RunBatch_matches_Run_for_every_sequence(string model)
    {
        (BatchedLayer layer, int[] sizes, SequenceBatch data) = Prepare(model);
        float[] expected = OneAtATime.Run(data);
        int length = layer.Timesteps * layer.Output;

        foreach (int n in sizes)
        {
            FencedBuffer outputs = FencedBuffer.Filled(n * length);

            layer.RunBatch(data.Inputs(n), outputs.Span);

            string what = $"{model}: RunBatch of N = {n}";
            FloatAssert.Close(expected.AsSpan(0, n * length), outputs.Span, Tolerance, layer.Output, $"{what}, outputs (row = sequence × T + t)");
            outputs.AssertFencesIntact(what);
        }
    }

    [Theory]
    [MemberData(nameof(BatchCatalog.All), MemberType = typeof(BatchCatalog))]
    public void RunLastBatch_matches_RunLast_for_every_sequence(string model)
    {
        (BatchedLayer layer, int[] sizes, SequenceBatch data) = Prepare(model);
        BatchStates expected = OneAtATime.RunLast(data);

        foreach (int n in sizes)
        {
            var hidden = new FencedBuffer(data.Start.HiddenRows(layer, n));
            var cell = new FencedBuffer(data.Start.CellRows(layer, n));

            layer.RunLastBatch(data.Inputs(n), hidden.Span, cell.Span);

            AssertStates(layer, expected, hidden, cell, n, $"{model}: RunLastBatch of N = {n} from random states");
        }
    }

    private static (BatchedLayer Layer, int[] Sizes, SequenceBatch Data) Prepare(string model)
    {
        (BatchedLayer layer, Random random) = BatchCatalog.CreateLoaded(model);
        int[] sizes = BatchSizes.For(layer);
        return (layer, sizes, SequenceBatch.Random(layer, sizes.Max(), random));
    }

    /// <summary>The first <paramref name="n"/> rows of <paramref name="expected"/> (row = sequence), and intact fences.</summary>
    private static void AssertStates(BatchedLayer layer, BatchStates expected, FencedBuffer hidden, FencedBuffer cell, int n, string what)
    {
        FloatAssert.Close(expected.HiddenRows(layer, n), hidden.Span, Tolerance, layer.Output, $"{what}, hidden states (row = sequence)");
        FloatAssert.Close(expected.CellRows(layer, n), cell.Span, Tolerance, layer.Output, $"{what}, cell states (row = sequence)");
        hidden.AssertFencesIntact($"{what}, hidden states");
        cell.AssertFencesIntact($"{what}, cell states");
    }
}
