using System;
using BenchmarkDotNet.Attributes;
using RnnGen.Benchmarks.Harness;

namespace RnnGen.Benchmarks.Shapes;

/// <summary>A long sequence through a tiny layer, T=1000, I=8, O=16.</summary>
[BenchmarkCategory("Long")]
public class Long1000x8x16Benchmarks() : ShapeBenchmarks(Rnn1000x8x16.Timesteps, Rnn1000x8x16.InputSize, Rnn1000x8x16.OutputSize)
{
    private readonly Rnn1000x8x16 model = new();

    [Benchmark(Baseline = true)]
    public float RnnGen_Run()
    {
        model.Run(Case.X, Outputs);
        return Checksum(Outputs);
    }

    /// <summary>T Step calls from a zero state: the streaming API over the same sequence.</summary>
    [Benchmark]
    public float RnnGen_StepLoop()
    {
        Span<float> state = State;
        state.Clear();
        ReadOnlySpan<float> inputs = Case.X;
        for (int t = 0; t < Rnn1000x8x16.Timesteps; t++)
        {
            model.Step(inputs.Slice(t * Rnn1000x8x16.InputSize, Rnn1000x8x16.InputSize), state);
        }

        return Checksum(State);
    }

    protected override void LoadGenerated(RnnCase c) => model.LoadWeights(c.W, c.U, c.B);

    protected override void RunGenerated(float[] inputs, float[] outputs, float[]? initialState)
    {
        if (initialState is null)
        {
            model.Run(inputs, outputs);
        }
        else
        {
            model.Run(inputs, outputs, initialState);
        }
    }

    protected override void StepGenerated(ReadOnlySpan<float> input, Span<float> state) => model.Step(input, state);
}
