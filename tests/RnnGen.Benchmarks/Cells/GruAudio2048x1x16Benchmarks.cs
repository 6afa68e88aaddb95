using System;
using BenchmarkDotNet.Attributes;
using RnnGen.Benchmarks.Harness;

namespace RnnGen.Benchmarks.Cells;

/// <summary>
/// Audio through a GRU: 2048 samples, one feature each, into 16 units. A real-time loop calls Step once per
/// sample, so RnnGen_StepLoop is the row that use sees.
/// </summary>
[BenchmarkCategory("GruAudio")]
public class GruAudio2048x1x16Benchmarks() : GruBenchmarks(Gru2048x1x16.Timesteps, Gru2048x1x16.InputSize, Gru2048x1x16.OutputSize)
{
    private readonly Gru2048x1x16 model = new();

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
        for (int t = 0; t < Gru2048x1x16.Timesteps; t++)
        {
            model.Step(inputs.Slice(t * Gru2048x1x16.InputSize, Gru2048x1x16.InputSize), state);
        }

        return Checksum(State);
    }

    protected override void LoadGenerated(CellCase c) => model.LoadPyTorchWeights(c.WeightIh, c.WeightHh, c.BiasIh, c.BiasHh);

    protected override void RunGenerated(float[] inputs, float[] outputs) => model.Run(inputs, outputs);

    protected override void StepGenerated(ReadOnlySpan<float> input, Span<float> state) => model.Step(input, state);
}
