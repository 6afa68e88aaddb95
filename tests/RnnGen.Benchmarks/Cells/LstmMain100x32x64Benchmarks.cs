using System;
using BenchmarkDotNet.Attributes;
using RnnGen.Benchmarks.Harness;

namespace RnnGen.Benchmarks.Cells;

/// <summary>The main shape as an LSTM, T=100, I=32, O=64.</summary>
[BenchmarkCategory("LstmMain")]
public class LstmMain100x32x64Benchmarks() : LstmBenchmarks(Lstm100x32x64.Timesteps, Lstm100x32x64.InputSize, Lstm100x32x64.OutputSize)
{
    private readonly Lstm100x32x64 model = new();

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
        for (int t = 0; t < Lstm100x32x64.Timesteps; t++)
        {
            model.Step(inputs.Slice(t * Lstm100x32x64.InputSize, Lstm100x32x64.InputSize), hidden, cell);
        }

        return Checksum(Hidden);
    }

    protected override void LoadGenerated(CellCase c) => model.LoadPyTorchWeights(c.WeightIh, c.WeightHh, c.BiasIh, c.BiasHh);

    protected override void RunGenerated(float[] inputs, float[] outputs) => model.Run(inputs, outputs);

    protected override void StepGenerated(ReadOnlySpan<float> input, Span<float> hidden, Span<float> cell) => model.Step(input, hidden, cell);
}
