using System;
using RnnGen.Benchmarks.Harness;
using RnnGen.Benchmarks.Peers;

namespace RnnGen.Benchmarks.Batch;

/// <summary>What every batched LSTM case shares: its weights, the naive LSTM, ONNX Runtime's LSTM and the Step check.</summary>
public abstract class LstmBatchBenchmarks : BatchBenchmarks
{
    private readonly NaiveLstm naive;

    protected LstmBatchBenchmarks(int input, int output)
        : base(input, output, withCell: true)
    {
        Weights = CellCase.Create(CellKind.Lstm, timesteps: 1, input, output);
        naive = new NaiveLstm(Weights);
    }

    /// <summary>The weights of the single-timestep case, PyTorch layout (its X is not used).</summary>
    protected CellCase Weights { get; }

    /// <summary>The generated Step, for the checks.</summary>
    protected abstract void StepGenerated(ReadOnlySpan<float> input, Span<float> hidden, Span<float> cell);

    protected sealed override void StepLoopGenerated(BatchState state)
    {
        int o = Batch.Output;
        for (int n = 0; n < Count; n++)
        {
            StepGenerated(Batch.InputOf(n), state.Hidden.AsSpan(n * o, o), state.Cell.AsSpan(n * o, o));
        }
    }

    protected sealed override void StepNaive(BatchState state) => naive.StepBatch(Batch.Inputs, state.Hidden, state.Cell);

    protected sealed override OrtBatch CreateOrt() => OrtBatch.ForCell(Weights, Batch);
}
