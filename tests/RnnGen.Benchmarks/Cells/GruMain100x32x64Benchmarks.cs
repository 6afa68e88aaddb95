using System;
using BenchmarkDotNet.Attributes;
using RnnGen.Benchmarks.Harness;

namespace RnnGen.Benchmarks.Cells;

/// <summary>The main shape as a GRU, T=100, I=32, O=64.</summary>
[BenchmarkCategory("GruMain")]
public class GruMain100x32x64Benchmarks() : GruBenchmarks(Gru100x32x64.Timesteps, Gru100x32x64.InputSize, Gru100x32x64.OutputSize)
{
    private readonly Gru100x32x64 model = new();

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
        for (int t = 0; t < Gru100x32x64.Timesteps; t++)
        {
            model.Step(inputs.Slice(t * Gru100x32x64.InputSize, Gru100x32x64.InputSize), state);
        }

        return Checksum(State);
    }

    protected override void LoadGenerated(CellCase c) => model.LoadPyTorchWeights(c.WeightIh, c.WeightHh, c.BiasIh, c.BiasHh);

    protected override void RunGenerated(float[] inputs, float[] outputs) => model.Run(inputs, outputs);

    protected override void StepGenerated(ReadOnlySpan<float> input, Span<float> state) => model.Step(input, state);
}
