using System;
using BenchmarkDotNet.Attributes;
using RnnGen.Benchmarks.Harness;

namespace RnnGen.Benchmarks.Shapes;

/// <summary>
/// One timestep of the main layer (32 → 64) from an arbitrary state (<see cref="RnnCase.H0"/>), every peer
/// starting from the same state on every call.
/// </summary>
[BenchmarkCategory("Step")]
public class StepBenchmarks() : ShapeBenchmarks(Rnn1x32x64.Timesteps, Rnn1x32x64.InputSize, Rnn1x32x64.OutputSize, fromInitialState: true)
{
    private readonly Rnn1x32x64 model = new();

    /// <summary>Step updates the state in place, so each call first restores H0 (64 floats; the naive peer copies it too).</summary>
    [Benchmark(Baseline = true)]
    public float RnnGen_Step()
    {
        Case.H0.CopyTo(State, 0);
        model.Step(Case.X, State);
        return Checksum(State);
    }

    /// <summary>The same timestep through Run with an initial state, which leaves the state untouched.</summary>
    [Benchmark]
    public float RnnGen_RunFromState()
    {
        model.Run(Case.X, Outputs, Case.H0);
        return Checksum(Outputs);
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
