using System;
using RnnGen.Benchmarks.Harness;
using RnnGen.Benchmarks.Peers;

namespace RnnGen.Benchmarks.Batch;

/// <summary>What every batched SimpleRnn case shares: its weights, the naive loop, ONNX Runtime's RNN and the Step check.</summary>
public abstract class RnnBatchBenchmarks : BatchBenchmarks
{
    private readonly NaiveRnn naive;

    protected RnnBatchBenchmarks(int input, int output)
        : base(input, output, withCell: false)
    {
        Weights = RnnCase.Create(timesteps: 1, input, output);
        naive = new NaiveRnn(Weights);
    }

    /// <summary>W, U and b of the single-timestep shape (its X and H0 are not used).</summary>
    protected RnnCase Weights { get; }

    /// <summary>The generated Step, for the checks.</summary>
    protected abstract void StepGenerated(ReadOnlySpan<float> input, Span<float> state);

    protected sealed override void StepLoopGenerated(BatchState state)
    {
        for (int n = 0; n < Count; n++)
        {
            StepGenerated(Batch.InputOf(n), state.Hidden.AsSpan(n * Batch.Output, Batch.Output));
        }
    }

    protected sealed override void StepNaive(BatchState state) => naive.StepBatch(Batch.Inputs, state.Hidden);

    protected sealed override OrtBatch CreateOrt() => OrtBatch.ForRnn(Weights, Batch);
}
