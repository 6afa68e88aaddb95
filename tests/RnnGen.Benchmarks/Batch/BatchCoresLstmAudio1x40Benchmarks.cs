using System;
using BenchmarkDotNet.Attributes;
using RnnGen.Benchmarks.Harness;

namespace RnnGen.Benchmarks.Batch;

/// <summary>The audio LSTM's layer of <see cref="BatchLstmAudio1x40Benchmarks"/> (1 → 40) on 1,024 voices, one core against all.</summary>
public class BatchCoresLstmAudio1x40Benchmarks() : BatchCoresBenchmarks(Lstm1x1x40.InputSize, Lstm1x1x40.OutputSize, withCell: true)
{
    private readonly CellCase weights = CellCase.Create(CellKind.Lstm, timesteps: 1, Lstm1x1x40.InputSize, Lstm1x1x40.OutputSize);
    private readonly Lstm1x1x40 model = new();

    /// <summary>One StepBatch call over the whole batch, on the calling thread.</summary>
    [Benchmark(Baseline = true)]
    public float RnnGen_StepBatch()
    {
        model.StepBatch(Batch.Inputs, State.Hidden, State.Cell);
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
        const int i = Lstm1x1x40.InputSize, o = Lstm1x1x40.OutputSize;
        model.StepBatch(Batch.Inputs.AsSpan(first * i, count * i), state.Hidden.AsSpan(first * o, count * o), state.Cell.AsSpan(first * o, count * o));
    }
}
