using System;
using BenchmarkDotNet.Attributes;
using RnnGen.Benchmarks.Harness;
using RnnGen.Benchmarks.Peers;

namespace RnnGen.Benchmarks.Cells;

/// <summary>What every GRU case shares: the naive GRU peer, the state buffer and the Step check.</summary>
[BenchmarkCategory("Gru")]
public abstract class GruBenchmarks : CellBenchmarks
{
    private readonly NaiveGru naive;

    protected GruBenchmarks(int timesteps, int input, int output)
        : base(CellKind.Gru, timesteps, input, output)
    {
        naive = new NaiveGru(Case);
        State = new float[output];
    }

    /// <summary>O-element state buffer for the Step benchmarks.</summary>
    protected float[] State { get; }

    /// <summary>The generated Step, for the checks.</summary>
    protected abstract void StepGenerated(ReadOnlySpan<float> input, Span<float> state);

    protected sealed override void RunNaive(float[] inputs, float[] outputs) => naive.Run(inputs, outputs);

    protected sealed override void StepThroughGenerated(float[] inputs, float[] outputs)
    {
        Span<float> state = new float[Case.Output];
        for (int t = 0; t < Case.Timesteps; t++)
        {
            StepGenerated(inputs.AsSpan(t * Case.Input, Case.Input), state);
            state.CopyTo(outputs.AsSpan(t * Case.Output));
        }
    }
}
