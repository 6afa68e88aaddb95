using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Order;
using RnnGen.Benchmarks.Harness;

namespace RnnGen.Benchmarks.Batch;

/// <summary>
/// One core against every core, on one timestep of a batch large enough to share (N = 1,024): the baseline is one
/// StepBatch call over the whole batch, RnnGen_StepBatch_AllCores a Parallel.For over
/// <see cref="Environment.ProcessorCount"/> contiguous slices of it, one StepBatch call each, and
/// RnnGen_StepBatch_AwakeWorkers the same slices on threads that are already awake (<see cref="AwakeWorkers"/>), as
/// a game's job system runs them within a frame. The sequences are independent, so the slices share nothing but the
/// weights, which every call only reads. Each case's class adds the first two rows, with the StepBatch calls made
/// directly on its concrete class.
/// </summary>
/// <remarks>
/// Every row starts from the same states and advances them in place, as in <see cref="BatchBenchmarks"/>. No
/// disassembler: the Batch category already reports these kernels' code.
/// </remarks>
[MemoryDiagnoser]
[Orderer(SummaryOrderPolicy.Method)]
[BenchmarkCategory("BatchCores")]
public abstract class BatchCoresBenchmarks
{
    /// <summary>N: the sequences one call advances.</summary>
    public const int Count = 1024;

    private AwakeWorkers? awakeWorkers;
    private Action<int>? awakeSlice;

    // More than one, so that a slice that loses its states' updates fails the check.
    private const int CheckedCalls = 3;

    protected BatchCoresBenchmarks(int input, int output, bool withCell)
    {
        Batch = BatchCase.Create(Count, input, output, withCell);
        State = Batch.NewState();
    }

    /// <summary>One slice of the batch per core.</summary>
    protected static int Slices { get; } = Environment.ProcessorCount;

    /// <summary>The inputs and initial states both rows use.</summary>
    protected BatchCase Batch { get; }

    /// <summary>The states the benchmarks advance.</summary>
    protected BatchState State { get; }

    [GlobalSetup]
    public void Setup()
    {
        LoadGenerated();
        BatchState expected = Batch.NewState();
        BatchState actual = Batch.NewState();
        BatchState awake = Batch.NewState();
        using (var workers = new AwakeWorkers(Slices))
        {
            Action<int> awakeSlice = slice => StepSlice(awake, slice);
            for (int call = 0; call < CheckedCalls; call++)
            {
                StepBatchGenerated(expected, 0, Count);
                StepAllCores(actual);
                workers.Run(awakeSlice);
            }
        }

        OutputCheck.Same("RnnGen StepBatch on every core", expected.Hidden, actual.Hidden, Batch.Output, "one StepBatch call", row: "n");
        OutputCheck.Same("RnnGen StepBatch on every core (cell state)", expected.Cell, actual.Cell, Batch.Output, "one StepBatch call", row: "n");
        OutputCheck.Same("RnnGen StepBatch on awake workers", expected.Hidden, awake.Hidden, Batch.Output, "one StepBatch call", row: "n");
        OutputCheck.Same("RnnGen StepBatch on awake workers (cell state)", expected.Cell, awake.Cell, Batch.Output, "one StepBatch call", row: "n");
    }

    /// <summary>
    /// One StepBatch call per core on threads already spinning, each on its own slice. The workers start with the
    /// first call (in the warm-up) and spin only while this row runs.
    /// </summary>
    [Benchmark]
    public float RnnGen_StepBatch_AwakeWorkers()
    {
        awakeWorkers ??= new AwakeWorkers(Slices);
        awakeSlice ??= slice => StepSlice(State, slice);
        awakeWorkers.Run(awakeSlice);
        return Checksum(State.Hidden);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        awakeWorkers?.Dispose();
        awakeWorkers = null;
    }

    /// <summary>A value that depends on the first and the last sequence, returned so that no call is optimised away.</summary>
    protected static float Checksum(float[] values) => values[0] + values[^1];

    /// <summary>Parallel.For over <see cref="Slices"/> contiguous slices of <paramref name="state"/>'s sequences, one StepBatch call each.</summary>
    protected void StepAllCores(BatchState state) => Parallel.For(0, Slices, slice => StepSlice(state, slice));

    /// <summary>One StepBatch call on slice <paramref name="slice"/> of <see cref="Slices"/>.</summary>
    private void StepSlice(BatchState state, int slice)
    {
        int first = slice * Count / Slices, end = (slice + 1) * Count / Slices;
        StepBatchGenerated(state, first, end - first);
    }

    /// <summary>Loads the case's weights into the generated kernel.</summary>
    protected abstract void LoadGenerated();

    /// <summary>The generated StepBatch over <paramref name="count"/> sequences of <paramref name="state"/> from <paramref name="first"/> on.</summary>
    protected abstract void StepBatchGenerated(BatchState state, int first, int count);
}
