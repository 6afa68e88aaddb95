using System;
using RnnGen.Benchmarks.Harness;
using RnnGen.Benchmarks.Peers;

namespace RnnGen.Benchmarks.Batch;

/// <summary>What every batched GRU case shares: its weights, the naive GRU, ONNX Runtime's GRU and the Step check.</summary>
public abstract class GruBatchBenchmarks : BatchBenchmarks
{
    private readonly NaiveGru naive;

    protected GruBatchBenchmarks(int input, int output)
        : base(input, output, withCell: false)
    {
        Weights = CellCase.Create(CellKind.Gru, timesteps: 1, input, output);
        naive = new NaiveGru(Weights);
    }

    /// <summary>The weights of the single-timestep case, PyTorch layout (its X is not used).</summary>
    protected CellCase Weights { get; }

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

    protected sealed override OrtBatch CreateOrt() => OrtBatch.ForCell(Weights, Batch);
}
