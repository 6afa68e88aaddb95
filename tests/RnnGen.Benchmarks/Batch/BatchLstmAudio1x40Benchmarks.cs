using System;
using BenchmarkDotNet.Attributes;
using RnnGen.Benchmarks.Harness;

namespace RnnGen.Benchmarks.Batch;

/// <summary>256 voices through the audio LSTM's layer (one sample into 40 units), one sample of each per call.</summary>
[BenchmarkCategory("BatchLstmAudio")]
public class BatchLstmAudio1x40Benchmarks() : LstmBatchBenchmarks(Lstm1x1x40.InputSize, Lstm1x1x40.OutputSize)
{
    private readonly Lstm1x1x40 model = new();

    /// <summary>One StepBatch call advances every sequence.</summary>
    [Benchmark(Baseline = true)]
    public float RnnGen_StepBatch()
    {
        model.StepBatch(Batch.Inputs, State.Hidden, State.Cell);
        return Checksum(State.Hidden);
    }

    /// <summary>N Step calls, one per sequence, each hidden and cell state updated in place.</summary>
    [Benchmark]
    public float RnnGen_StepLoop()
    {
        ReadOnlySpan<float> inputs = Batch.Inputs;
        Span<float> hidden = State.Hidden, cell = State.Cell;
        for (int n = 0; n < Count; n++)
        {
            int row = n * Lstm1x1x40.OutputSize;
            model.Step(inputs.Slice(n * Lstm1x1x40.InputSize, Lstm1x1x40.InputSize), hidden.Slice(row, Lstm1x1x40.OutputSize), cell.Slice(row, Lstm1x1x40.OutputSize));
        }

        return Checksum(State.Hidden);
    }

    protected override void LoadGenerated() => model.LoadPyTorchWeights(Weights.WeightIh, Weights.WeightHh, Weights.BiasIh, Weights.BiasHh);

    protected override void StepBatchGenerated(BatchState state) => model.StepBatch(Batch.Inputs, state.Hidden, state.Cell);

    protected override void StepGenerated(ReadOnlySpan<float> input, Span<float> hidden, Span<float> cell) => model.Step(input, hidden, cell);
}
