using System;
using BenchmarkDotNet.Attributes;
using RnnGen.Benchmarks.Harness;

namespace RnnGen.Benchmarks.Batch;

/// <summary>The small SimpleRnn of <see cref="BatchSimpleRnn8x16Benchmarks"/> (8 → 16) on 1,024 agents, one core against all.</summary>
public class BatchCoresSimpleRnn8x16Benchmarks() : BatchCoresBenchmarks(Rnn1x8x16.InputSize, Rnn1x8x16.OutputSize, withCell: false)
{
    private readonly RnnCase weights = RnnCase.Create(timesteps: 1, Rnn1x8x16.InputSize, Rnn1x8x16.OutputSize);
    private readonly Rnn1x8x16 model = new();

    /// <summary>One StepBatch call over the whole batch, on the calling thread.</summary>
    [Benchmark(Baseline = true)]
    public float RnnGen_StepBatch()
    {
        model.StepBatch(Batch.Inputs, State.Hidden);
        return Checksum(State.Hidden);
    }

    /// <summary>One StepBatch call per core, each on its own slice of the batch.</summary>
    [Benchmark]
    public float RnnGen_StepBatch_AllCores()
    {
        StepAllCores(State);
        return Checksum(State.Hidden);
    }

    protected override void LoadGenerated() => model.LoadWeights(weights.W, weights.U, weights.B);

    protected override void StepBatchGenerated(BatchState state, int first, int count)
    {
        const int i = Rnn1x8x16.InputSize, o = Rnn1x8x16.OutputSize;
        model.StepBatch(Batch.Inputs.AsSpan(first * i, count * i), state.Hidden.AsSpan(first * o, count * o));
    }
}
