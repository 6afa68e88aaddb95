using System;
using BenchmarkDotNet.Attributes;
using RnnGen.Benchmarks.Harness;

namespace RnnGen.Benchmarks.Shapes;

/// <summary>A wide layer, T=20, I=64, O=256.</summary>
[BenchmarkCategory("Wide")]
public class Wide20x64x256Benchmarks() : ShapeBenchmarks(Rnn20x64x256.Timesteps, Rnn20x64x256.InputSize, Rnn20x64x256.OutputSize)
{
    private readonly Rnn20x64x256 model = new();

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
        for (int t = 0; t < Rnn20x64x256.Timesteps; t++)
        {
            model.Step(inputs.Slice(t * Rnn20x64x256.InputSize, Rnn20x64x256.InputSize), state);
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
