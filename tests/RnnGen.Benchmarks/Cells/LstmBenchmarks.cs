using System;
using BenchmarkDotNet.Attributes;
using RnnGen.Benchmarks.Harness;
using RnnGen.Benchmarks.Peers;

namespace RnnGen.Benchmarks.Cells;

/// <summary>What every LSTM case shares: the naive LSTM peer, the hidden and cell buffers and the Step check.</summary>
[BenchmarkCategory("Lstm")]
public abstract class LstmBenchmarks : CellBenchmarks
{
    private readonly NaiveLstm naive;

    protected LstmBenchmarks(int timesteps, int input, int output)
        : base(CellKind.Lstm, timesteps, input, output)
    {
        naive = new NaiveLstm(Case);
        Hidden = new float[output];
        Cell = new float[output];
    }

    /// <summary>O-element hidden state buffer for the Step benchmarks.</summary>
    protected float[] Hidden { get; }

    /// <summary>O-element cell state buffer for the Step benchmarks.</summary>
    protected float[] Cell { get; }

    /// <summary>The generated Step, for the checks.</summary>
    protected abstract void StepGenerated(ReadOnlySpan<float> input, Span<float> hidden, Span<float> cell);

    protected sealed override void RunNaive(float[] inputs, float[] outputs) => naive.Run(inputs, outputs);

    protected sealed override void StepThroughGenerated(float[] inputs, float[] outputs)
    {
        Span<float> hidden = new float[Case.Output];
        Span<float> cell = new float[Case.Output];
        for (int t = 0; t < Case.Timesteps; t++)
        {
            StepGenerated(inputs.AsSpan(t * Case.Input, Case.Input), hidden, cell);
            hidden.CopyTo(outputs.AsSpan(t * Case.Output));
        }
    }
}
