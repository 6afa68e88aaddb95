using System;
using BenchmarkDotNet.Attributes;
using RnnGen.Benchmarks.Harness;

namespace RnnGen.Benchmarks.Batch;

/// <summary>256 agents with a small SimpleRnn (8 features into 16 units), one frame per call.</summary>
[BenchmarkCategory("BatchSimpleRnn")]
public class BatchSimpleRnn8x16Benchmarks() : RnnBatchBenchmarks(Rnn1x8x16.InputSize, Rnn1x8x16.OutputSize)
{
    private readonly Rnn1x8x16 model = new();

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
            model.Step(inputs.Slice(n * Rnn1x8x16.InputSize, Rnn1x8x16.InputSize), states.Slice(n * Rnn1x8x16.OutputSize, Rnn1x8x16.OutputSize));
        }

        return Checksum(State.Hidden);
    }

    protected override void LoadGenerated() => model.LoadWeights(Weights.W, Weights.U, Weights.B);

    protected override void StepBatchGenerated(BatchState state) => model.StepBatch(Batch.Inputs, state.Hidden);

    protected override void StepGenerated(ReadOnlySpan<float> input, Span<float> state) => model.Step(input, state);
}
