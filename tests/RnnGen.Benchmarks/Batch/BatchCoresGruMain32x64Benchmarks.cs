using System;
using BenchmarkDotNet.Attributes;
using RnnGen.Benchmarks.Harness;

namespace RnnGen.Benchmarks.Batch;

/// <summary>The main layer as a GRU, as in <see cref="BatchGruMain32x64Benchmarks"/> (32 → 64), on 1,024 agents, one core against all.</summary>
public class BatchCoresGruMain32x64Benchmarks() : BatchCoresBenchmarks(Gru1x32x64.InputSize, Gru1x32x64.OutputSize, withCell: false)
{
    private readonly CellCase weights = CellCase.Create(CellKind.Gru, timesteps: 1, Gru1x32x64.InputSize, Gru1x32x64.OutputSize);
    private readonly Gru1x32x64 model = new();

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

    protected override void LoadGenerated() => model.LoadPyTorchWeights(weights.WeightIh, weights.WeightHh, weights.BiasIh, weights.BiasHh);

    protected override void StepBatchGenerated(BatchState state, int first, int count)
    {
        const int i = Gru1x32x64.InputSize, o = Gru1x32x64.OutputSize;
        model.StepBatch(Batch.Inputs.AsSpan(first * i, count * i), state.Hidden.AsSpan(first * o, count * o));
    }
}
