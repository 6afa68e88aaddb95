using System;
using BenchmarkDotNet.Attributes;
using RnnGen.Benchmarks.Harness;

namespace RnnGen.Benchmarks.Batch;

/// <summary>256 agents through the main layer as a GRU (32 features into 64 units), one frame per call.</summary>
[BenchmarkCategory("BatchGruMain")]
public class BatchGruMain32x64Benchmarks() : GruBatchBenchmarks(Gru1x32x64.InputSize, Gru1x32x64.OutputSize)
{
    private readonly Gru1x32x64 model = new();

    /// <summary>One StepBatch call advances every sequence.</summary>
    [Benchmark(Baseline = true)]
    public float RnnGen_StepBatch()
    {
        model.StepBatch(Batch.Inputs, State.Hidden);
        return Checksum(State.Hidden);
    }

    /// <summary>N Step calls, one per sequence, each state updated in place.</summary>
    [Benchmark]
    public float RnnGen_StepLoop()
    {
        ReadOnlySpan<float> inputs = Batch.Inputs;
        Span<float> states = State.Hidden;
        for (int n = 0; n < Count; n++)
        {
            model.Step(inputs.Slice(n * Gru1x32x64.InputSize, Gru1x32x64.InputSize), states.Slice(n * Gru1x32x64.OutputSize, Gru1x32x64.OutputSize));
        }

        return Checksum(State.Hidden);
    }

    protected override void LoadGenerated() => model.LoadPyTorchWeights(Weights.WeightIh, Weights.WeightHh, Weights.BiasIh, Weights.BiasHh);

    protected override void StepBatchGenerated(BatchState state) => model.StepBatch(Batch.Inputs, state.Hidden);

    protected override void StepGenerated(ReadOnlySpan<float> input, Span<float> state) => model.Step(input, state);
}
