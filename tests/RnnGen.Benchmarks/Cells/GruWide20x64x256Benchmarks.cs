using System;
using BenchmarkDotNet.Attributes;
using RnnGen.Benchmarks.Harness;

namespace RnnGen.Benchmarks.Cells;

/// <summary>A wide GRU, T=20, I=64, O=256: the recurrent weights (768 KiB) outgrow L1 and, on many CPUs, L2.</summary>
[BenchmarkCategory("GruWide")]
public class GruWide20x64x256Benchmarks() : GruBenchmarks(Gru20x64x256.Timesteps, Gru20x64x256.InputSize, Gru20x64x256.OutputSize)
{
    private readonly Gru20x64x256 model = new();

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
        for (int t = 0; t < Gru20x64x256.Timesteps; t++)
        {
            model.Step(inputs.Slice(t * Gru20x64x256.InputSize, Gru20x64x256.InputSize), state);
        }

        return Checksum(State);
    }

    protected override void LoadGenerated(CellCase c) => model.LoadPyTorchWeights(c.WeightIh, c.WeightHh, c.BiasIh, c.BiasHh);

    protected override void RunGenerated(float[] inputs, float[] outputs) => model.Run(inputs, outputs);

    protected override void StepGenerated(ReadOnlySpan<float> input, Span<float> state) => model.Step(input, state);
}
