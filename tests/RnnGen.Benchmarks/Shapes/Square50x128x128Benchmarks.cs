using System;
using BenchmarkDotNet.Attributes;
using RnnGen.Benchmarks.Harness;

namespace RnnGen.Benchmarks.Shapes;

/// <summary>A square layer, T=50, I=128, O=128.</summary>
[BenchmarkCategory("Square")]
public class Square50x128x128Benchmarks() : ShapeBenchmarks(Rnn50x128x128.Timesteps, Rnn50x128x128.InputSize, Rnn50x128x128.OutputSize)
{
    private readonly Rnn50x128x128 model = new();

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
        for (int t = 0; t < Rnn50x128x128.Timesteps; t++)
        {
            model.Step(inputs.Slice(t * Rnn50x128x128.InputSize, Rnn50x128x128.InputSize), state);
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
