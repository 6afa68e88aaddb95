using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using RnnGen.Tests.Batch.Harness;
using RnnGen.Tests.Harness;

namespace RnnGen.Tests.Batch;

/// <summary>
/// The documented multi-core use: one loaded instance, one large batch cut into slices, one thread per slice, all
/// at once. Each slice's result is bit for bit what the same call gives on one thread, and the whole batch agrees
/// with one call over all of it, as every sequence agrees with the single-sequence members.
/// </summary>
public class BatchThreadTests
{
    /// <summary>Not a multiple of any k the headers state, so most slices end inside a tile.</summary>
    private const int Count = 61;

    /// <summary>Calls of each member per thread; the states carry over from round to round, as in a stream.</summary>
    private const int Rounds = 4;

    /// <summary>The contract: each sequence's result equals the single-sequence member's within 1e-5, in any batch.</summary>
    private const double Tolerance = 1e-5;

    public static TheoryData<string> Models => ["Tanh100x32x64", "Relu9x7x20", "Gru7x9x33", "GruResetBefore13x3x7", "Lstm7x9x33", "Lstm10x5x65"];

    [Theory]
    [MemberData(nameof(Models))]
    public void Slices_of_one_batch_on_many_threads_match_one_thread(string model)
    {
        (BatchedLayer layer, Random random) = BatchCatalog.CreateLoaded(model);
        SequenceBatch data = SequenceBatch.Random(layer, Count, random, steps: 1);
        // More threads than cores (within reason), released together by the barrier, so that calls really interleave.
        int threadCount = Math.Clamp(Environment.ProcessorCount * 2, 4, 8);
        var slices = new BatchSlices(Count, threadCount);

        Outcome whole = RunWhole(layer, data);
        Outcome sliced = Outcome.Empty(layer);
        for (int s = 0; s < slices.Count; s++)
        {
            RunSlice(layer, data, slices, s, sliced);
        }

        Outcome concurrent = Outcome.Empty(layer);
        var failures = new ConcurrentQueue<string>();
        using var start = new Barrier(threadCount);
        Thread[] threads = [.. Enumerable.Range(0, threadCount).Select(s => new Thread(() =>
        {
            try
            {
                start.SignalAndWait();
                RunSlice(layer, data, slices, s, concurrent);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                failures.Enqueue($"thread {s} threw {exception}");
            }
        }))];

        foreach (Thread thread in threads)
        {
            thread.Start();
        }

        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        Assert.True(failures.IsEmpty, $"{model}: {string.Join("\n", failures)}");
        sliced.AssertIdentical(concurrent, layer, $"{model}: {threadCount} slices of N = {Count}, on {threadCount} threads at once vs one after another on one thread");
        whole.AssertClose(concurrent, layer, Tolerance, $"{model}: {threadCount} slices of N = {Count} on {threadCount} threads vs the whole batch on one thread");
    }

    /// <summary>Each member over the whole batch, <see cref="Rounds"/> times.</summary>
    private static Outcome RunWhole(BatchedLayer layer, SequenceBatch data)
    {
        var slices = new BatchSlices(Count, 1);
        Outcome outcome = Outcome.Empty(layer);
        RunSlice(layer, data, slices, 0, outcome);
        return outcome;
    }

    /// <summary>Each member over slice <paramref name="slice"/>, <see cref="Rounds"/> times, into that slice of <paramref name="outcome"/>.</summary>
    private static void RunSlice(BatchedLayer layer, SequenceBatch data, BatchSlices slices, int slice, Outcome outcome)
    {
        int sequenceInputs = layer.Timesteps * layer.Input;
        int sequenceOutputs = layer.Timesteps * layer.Output;
        Span<float> stepped = slices.Of(outcome.Stepped.Hidden, slice, layer.Output);
        Span<float> steppedCell = slices.Of(outcome.Stepped.Cell, slice, layer.CellLength);
        Span<float> last = slices.Of(outcome.Last.Hidden, slice, layer.Output);
        Span<float> lastCell = slices.Of(outcome.Last.Cell, slice, layer.CellLength);
        slices.Of(data.Start.Hidden, slice, layer.Output).CopyTo(stepped);
        slices.Of(data.Start.Cell, slice, layer.CellLength).CopyTo(steppedCell);
        slices.Of(data.Start.Hidden, slice, layer.Output).CopyTo(last);
        slices.Of(data.Start.Cell, slice, layer.CellLength).CopyTo(lastCell);
        for (int round = 0; round < Rounds; round++)
        {
            layer.StepBatch(slices.Of(data.StepInputs(0, Count), slice, layer.Input), stepped, steppedCell);
            layer.RunBatch(slices.Of(data.Inputs(Count), slice, sequenceInputs), slices.Of(outcome.Outputs, slice, sequenceOutputs));
            layer.RunLastBatch(slices.Of(data.Inputs(Count), slice, sequenceInputs), last, lastCell);
        }
    }

    /// <summary>What the three members leave in a batch: StepBatch's and RunLastBatch's states, RunBatch's outputs.</summary>
    private sealed record Outcome(BatchStates Stepped, float[] Outputs, BatchStates Last)
    {
        public static Outcome Empty(BatchedLayer layer)
            => new(BatchStates.Zero(layer, Count), new float[Count * layer.Timesteps * layer.Output], BatchStates.Zero(layer, Count));

        public void AssertIdentical(Outcome actual, BatchedLayer layer, string what)
        {
            FloatAssert.Identical(Stepped.Hidden, actual.Stepped.Hidden, layer.Output, $"{what}: hidden states after {Rounds} StepBatch calls");
            FloatAssert.Identical(Stepped.Cell, actual.Stepped.Cell, layer.Output, $"{what}: cell states after {Rounds} StepBatch calls");
            FloatAssert.Identical(Outputs, actual.Outputs, layer.Output, $"{what}: RunBatch outputs");
            FloatAssert.Identical(Last.Hidden, actual.Last.Hidden, layer.Output, $"{what}: hidden states after {Rounds} RunLastBatch calls");
            FloatAssert.Identical(Last.Cell, actual.Last.Cell, layer.Output, $"{what}: cell states after {Rounds} RunLastBatch calls");
        }

        public void AssertClose(Outcome actual, BatchedLayer layer, double tolerance, string what)
        {
            FloatAssert.Close(Stepped.Hidden, actual.Stepped.Hidden, tolerance, layer.Output, $"{what}: hidden states after {Rounds} StepBatch calls");
            FloatAssert.Close(Stepped.Cell, actual.Stepped.Cell, tolerance, layer.Output, $"{what}: cell states after {Rounds} StepBatch calls");
            FloatAssert.Close(Outputs, actual.Outputs, tolerance, layer.Output, $"{what}: RunBatch outputs");
            FloatAssert.Close(Last.Hidden, actual.Last.Hidden, tolerance, layer.Output, $"{what}: hidden states after {Rounds} RunLastBatch calls");
            FloatAssert.Close(Last.Cell, actual.Last.Cell, tolerance, layer.Output, $"{what}: cell states after {Rounds} RunLastBatch calls");
        }
    }
}
