using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Order;
using RnnGen.Benchmarks.Harness;
using RnnGen.Benchmarks.Peers;

namespace RnnGen.Benchmarks.Batch;

/// <summary>
/// The peers of one batched case: one timestep of N independent sequences per call, as a game advances every agent
/// once a frame or an audio effect every voice once a sample, each sequence's state carried from call to call. A naive
/// loop over the batch and ONNX Runtime's operator with batch N; <see cref="RnnBatchBenchmarks"/>,
/// <see cref="GruBatchBenchmarks"/> and <see cref="LstmBatchBenchmarks"/> add what depends on the cell; each case's
/// class adds the generated kernel's StepBatch (the baseline) and a loop of Step, as direct calls on its concrete class.
/// </summary>
/// <remarks>
/// As for the sequence cases (see <see cref="Cells.CellBenchmarks"/>): every benchmark returns a value read from its
/// states, <see cref="Setup"/> checks every peer against the generated kernel before anything is timed, the
/// disassembler reports the jitted code size, and rows are sorted by method name. Every row starts from the same
/// states and advances them in place on every call, so later calls see whatever states the earlier ones left.
/// </remarks>
[MemoryDiagnoser]
[DisassemblyDiagnoser(maxDepth: 4)]
[Orderer(SummaryOrderPolicy.Method)]
[BenchmarkCategory("Batch")]
public abstract class BatchBenchmarks : IDisposable
{
    /// <summary>N: the sequences one call advances.</summary>
    public const int Count = 256;

    // More than one, so that a peer that does not carry its states from call to call fails the check.
    private const int CheckedCalls = 3;

    private OrtBatch? ort;

    protected BatchBenchmarks(int input, int output, bool withCell)
    {
        Batch = BatchCase.Create(Count, input, output, withCell);
        State = Batch.NewState();
    }

    /// <summary>The inputs and initial states every peer uses.</summary>
    protected BatchCase Batch { get; }

    /// <summary>The states the generated kernel's and the naive peer's benchmarks advance.</summary>
    protected BatchState State { get; }

    [GlobalSetup]
    public void Setup()
    {
        LoadGenerated();
        BatchState expected = Batch.NewState();
        BatchState actual = Batch.NewState();
        for (int call = 0; call < CheckedCalls; call++)
        {
            StepBatchGenerated(expected);

            // Step, one sequence at a time, must retrace StepBatch.
            StepLoopGenerated(actual);
        }

        Same("RnnGen Step", expected, actual);

        actual = Batch.NewState();
        for (int call = 0; call < CheckedCalls; call++)
        {
            StepNaive(actual);
        }

        Same(nameof(Naive), expected, actual);

        ort = CreateOrt();
        for (int call = 0; call < CheckedCalls; call++)
        {
            ort.Step();
        }

        Same(nameof(OnnxRuntime), expected, ort.State);
    }

    /// <summary>The cell's equations in plain C#, one sequence after another: float[], scalar loops, MathF.</summary>
    [Benchmark]
    public float Naive()
    {
        StepNaive(State);
        return Checksum(State.Hidden);
    }

    /// <summary>
    /// The ONNX operator in ONNX Runtime over the whole batch, 1+1 threads, weights pre-packed, bound once; the new
    /// states are copied back into initial_h (and initial_c) for the next call.
    /// </summary>
    [Benchmark]
    public float OnnxRuntime()
    {
        ort!.Step();
        return Checksum(ort.State.Hidden);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>A value that depends on the first and the last sequence, returned so that no call is optimised away.</summary>
    protected static float Checksum(float[] values) => values[0] + values[^1];

    /// <summary>Loads the case's weights into the generated kernel.</summary>
    protected abstract void LoadGenerated();

    /// <summary>The generated StepBatch over every sequence of <paramref name="state"/>, for the checks.</summary>
    protected abstract void StepBatchGenerated(BatchState state);

    /// <summary>The generated Step on each sequence of <paramref name="state"/> in turn, for the checks.</summary>
    protected abstract void StepLoopGenerated(BatchState state);

    /// <summary>The naive peer's timestep of every sequence of <paramref name="state"/>.</summary>
    protected abstract void StepNaive(BatchState state);

    /// <summary>ONNX Runtime on the case's weights, from the batch's initial states.</summary>
    protected abstract OrtBatch CreateOrt();

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            ort?.Dispose();
            ort = null;
        }
    }

    private void Same(string peer, BatchState expected, BatchState actual)
    {
        OutputCheck.Same(peer, expected.Hidden, actual.Hidden, Batch.Output, row: "n");
        OutputCheck.Same(peer + " (cell state)", expected.Cell, actual.Cell, Batch.Output, row: "n");
    }
}
