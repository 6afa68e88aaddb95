using System;
using BenchmarkDotNet.Attributes;
using RnnGen.Benchmarks.Harness;

namespace RnnGen.Benchmarks.Batch;

/// <summary>The audio GRU's layer of <see cref="BatchGruAudio1x16Benchmarks"/> (1 → 16) on 1,024 voices, one core against all.</summary>
public class BatchCoresGruAudio1x16Benchmarks() : BatchCoresBenchmarks(Gru1x1x16.InputSize, Gru1x1x16.OutputSize, withCell: false)
{
    private readonly CellCase weights = CellCase.Create(CellKind.Gru, timesteps: 1, Gru1x1x16.InputSize, Gru1x1x16.OutputSize);
    private readonly Gru1x1x16 model = new();

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
        const int i = Gru1x1x16.InputSize, o = Gru1x1x16.OutputSize;
        model.StepBatch(Batch.Inputs.AsSpan(first * i, count * i), state.Hidden.AsSpan(first * o, count * o));
    }
}
