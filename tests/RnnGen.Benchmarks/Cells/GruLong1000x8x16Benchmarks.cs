using System;
using BenchmarkDotNet.Attributes;
using RnnGen.Benchmarks.Harness;

namespace RnnGen.Benchmarks.Cells;

/// <summary>A long sequence through a tiny GRU, T=1000, I=8, O=16: per-step overhead dominates.</summary>
[BenchmarkCategory("GruLong")]
public class GruLong1000x8x16Benchmarks() : GruBenchmarks(Gru1000x8x16.Timesteps, Gru1000x8x16.InputSize, Gru1000x8x16.OutputSize)
{
    private readonly Gru1000x8x16 model = new();

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
        for (int t = 0; t < Gru1000x8x16.Timesteps; t++)
        {
            model.Step(inputs.Slice(t * Gru1000x8x16.InputSize, Gru1000x8x16.InputSize), state);
        }

        return Checksum(State);
    }

    protected override void LoadGenerated(CellCase c) => model.LoadPyTorchWeights(c.WeightIh, c.WeightHh, c.BiasIh, c.BiasHh);

    protected override void RunGenerated(float[] inputs, float[] outputs) => model.Run(inputs, outputs);

    protected override void StepGenerated(ReadOnlySpan<float> input, Span<float> state) => model.Step(input, state);
}
