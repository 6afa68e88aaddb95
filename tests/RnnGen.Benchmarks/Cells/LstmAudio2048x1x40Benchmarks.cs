using System;
using BenchmarkDotNet.Attributes;
using RnnGen.Benchmarks.Harness;

namespace RnnGen.Benchmarks.Cells;

/// <summary>
/// Audio through an LSTM: 2048 samples, one feature each, into 40 units. A real-time loop calls Step once per
/// sample, so RnnGen_StepLoop is the row that use sees.
/// </summary>
[BenchmarkCategory("LstmAudio")]
public class LstmAudio2048x1x40Benchmarks() : LstmBenchmarks(Lstm2048x1x40.Timesteps, Lstm2048x1x40.InputSize, Lstm2048x1x40.OutputSize)
{
    private readonly Lstm2048x1x40 model = new();

    [Benchmark(Baseline = true)]
    public float RnnGen_Run()
    {
        model.Run(Case.X, Outputs);
        return Checksum(Outputs);
    }

    /// <summary>T Step calls from zero states: the streaming API over the same sequence.</summary>
    [Benchmark]
    public float RnnGen_StepLoop()
    {
        Span<float> hidden = Hidden, cell = Cell;
        hidden.Clear();
        cell.Clear();
        ReadOnlySpan<float> inputs = Case.X;
        for (int t = 0; t < Lstm2048x1x40.Timesteps; t++)
        {
            model.Step(inputs.Slice(t * Lstm2048x1x40.InputSize, Lstm2048x1x40.InputSize), hidden, cell);
        }

        return Checksum(Hidden);
    }

    protected override void LoadGenerated(CellCase c) => model.LoadPyTorchWeights(c.WeightIh, c.WeightHh, c.BiasIh, c.BiasHh);

    protected override void RunGenerated(float[] inputs, float[] outputs) => model.Run(inputs, outputs);

    protected override void StepGenerated(ReadOnlySpan<float> input, Span<float> hidden, Span<float> cell) => model.Step(input, hidden, cell);
}
