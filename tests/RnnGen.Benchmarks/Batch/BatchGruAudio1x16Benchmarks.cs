using System;
using BenchmarkDotNet.Attributes;
using RnnGen.Benchmarks.Harness;

namespace RnnGen.Benchmarks.Batch;

/// <summary>256 voices through the audio GRU's layer (one sample into 16 units), one sample of each per call.</summary>
[BenchmarkCategory("BatchGruAudio")]
public class BatchGruAudio1x16Benchmarks() : GruBatchBenchmarks(Gru1x1x16.InputSize, Gru1x1x16.OutputSize)
{
    private readonly Gru1x1x16 model = new();

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
            model.Step(inputs.Slice(n * Gru1x1x16.InputSize, Gru1x1x16.InputSize), states.Slice(n * Gru1x1x16.OutputSize, Gru1x1x16.OutputSize));
        }

        return Checksum(State.Hidden);
    }

    protected override void LoadGenerated() => model.LoadPyTorchWeights(Weights.WeightIh, Weights.WeightHh, Weights.BiasIh, Weights.BiasHh);

    protected override void StepBatchGenerated(BatchState state) => model.StepBatch(Batch.Inputs, state.Hidden);

    protected override void StepGenerated(ReadOnlySpan<float> input, Span<float> state) => model.Step(input, state);
}
