using System;
using System.Linq;
using RnnGen.Tests.Batch.Harness;

namespace RnnGen.Tests.Batch;

/// <summary>
/// StepBatch, RunBatch and RunLastBatch allocate nothing on the managed heap once warmed up, for an empty batch, a
/// single sequence and a batch of many tiles. Each measured call runs the member on all three, so that one warm-up
/// and one measurement cover them.
/// </summary>
public class BatchAllocationTests
{
    private static readonly int[] Sizes = [0, 1, BatchSizes.Many];

    /// <summary>Small layers of each cell (the measurement calls each member a few hundred times), some with several output chunks.</summary>
    public static TheoryData<string> Models => ["Tanh13x3x5", "Tanh7x9x33", "Gru13x3x7", "GruResetBefore13x3x7", "Lstm13x3x7"];

    [Theory]
    [MemberData(nameof(Models))]
    public void StepBatch_allocates_nothing(string model)
    {
        (BatchedLayer layer, SequenceBatch data) = Prepare(model);
        (float[] Inputs, BatchStates States)[] batches = [.. Sizes.Select(n => (data.StepInputs(0, n).ToArray(), Slice(layer, data.Start, n)))];
        AllocationTests.AssertAllocatesNothing(model, Describe("StepBatch"), () =>
        {
            foreach ((float[] inputs, BatchStates states) in batches)
            {
                layer.StepBatch(inputs, states.Hidden, states.Cell);
            }
        });
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void RunBatch_allocates_nothing(string model)
    {
        (BatchedLayer layer, SequenceBatch data) = Prepare(model);
        (float[] Inputs, float[] Outputs)[] batches = [.. Sizes.Select(n => (data.Inputs(n).ToArray(), new float[n * layer.Timesteps * layer.Output]))];
        AllocationTests.AssertAllocatesNothing(model, Describe("RunBatch"), () =>
        {
            foreach ((float[] inputs, float[] outputs) in batches)
            {
                layer.RunBatch(inputs, outputs);
            }
        });
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void RunLastBatch_allocates_nothing(string model)
    {
        (BatchedLayer layer, SequenceBatch data) = Prepare(model);
        (float[] Inputs, BatchStates States)[] batches = [.. Sizes.Select(n => (data.Inputs(n).ToArray(), Slice(layer, data.Start, n)))];
        AllocationTests.AssertAllocatesNothing(model, Describe("RunLastBatch"), () =>
        {
            foreach ((float[] inputs, BatchStates states) in batches)
            {
                layer.RunLastBatch(inputs, states.Hidden, states.Cell);
            }
        });
    }

    private static (BatchedLayer Layer, SequenceBatch Data) Prepare(string model)
    {
        (BatchedLayer layer, Random random) = BatchCatalog.CreateLoaded(model);
        return (layer, SequenceBatch.Random(layer, Sizes.Max(), random));
    }

    private static BatchStates Slice(BatchedLayer layer, BatchStates states, int count)
        => new(states.HiddenRows(layer, count).ToArray(), states.CellRows(layer, count).ToArray());

    private static string Describe(string member) => $"{member} of N = {string.Join(", ", Sizes)} in turn";
}
