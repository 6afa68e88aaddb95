using System;
using BenchmarkDotNet.Attributes;
using RnnGen.Benchmarks.Harness;

namespace RnnGen.Benchmarks.Cells;

/// <summary>A square LSTM, T=50, I=128, O=128: the recurrent weights (256 KiB) no longer fit in L1.</summary>
[BenchmarkCategory("LstmSquare")]
public class LstmSquare50x128x128Benchmarks() : LstmBenchmarks(Lstm50x128x128.Timesteps, Lstm50x128x128.InputSize, Lstm50x128x128.OutputSize)
{
    private readonly Lstm50x128x128 model = new();

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
        for (int t = 0; t < Lstm50x128x128.Timesteps; t++)
        {
            model.Step(inputs.Slice(t * Lstm50x128x128.InputSize, Lstm50x128x128.InputSize), hidden, cell);
        }

        return Checksum(Hidden);
    }

    protected override void LoadGenerated(CellCase c) => model.LoadPyTorchWeights(c.WeightIh, c.WeightHh, c.BiasIh, c.BiasHh);

    protected override void RunGenerated(float[] inputs, float[] outputs) => model.Run(inputs, outputs);

    protected override void StepGenerated(ReadOnlySpan<float> input, Span<float> hidden, Span<float> cell) => model.Step(input, hidden, cell);
}
