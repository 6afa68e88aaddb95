using System;
using System.Runtime.CompilerServices;
using System.Threading;
using RnnGen.Tests.Gated.Harness;
using RnnGen.Tests.Harness;

namespace RnnGen.Tests.Gated;

/// <summary>Run (both overloads), RunLast and Step of GRUs and LSTMs allocate nothing on the managed heap, from the first call after a load on.</summary>
public class GatedAllocationTests
{
    private const int WarmUpCalls = 50;
    private const int CallsPerBatch = 100;
    private const int Batches = 5;
    private const int FirstCallAttempts = 3;

    public static TheoryData<string> Models =>
    [
        "Gru1x1x1", "Gru100x32x64", "Gru5x16x256", "Gru1000x8x16", "GruResetBefore13x3x7", "GruReluSigmoid13x3x7",
        "Lstm1x1x1", "Lstm100x32x64", "Lstm5x16x256", "Lstm1000x8x16", "LstmLinearTanh9x7x20",
    ];

    [Theory]
    [MemberData(nameof(Models))]
    public void The_first_calls_after_a_load_allocate_nothing(string model)
    {
        // Each load compiles the kernels and Step; the first Run, RunLast and Step after it must not allocate either.
        // A member that allocated on first use would do so on every new instance, so a few instances are tried
        // before a stray allocation by the runtime itself (tier-up bookkeeping on this thread) counts as a failure.
        string? failure = null;
        for (int attempt = 0; attempt < FirstCallAttempts; attempt++)
        {
            (GatedUnderTest rnn, float[] inputs, float[] outputs, GatedState state) = Prepare(model);
            float[] input = inputs[..rnn.Shape.Input];
            long step = AllocatedBy(() => rnn.Step(input, state.Hidden, state.Cell));
            long run = AllocatedBy(() => rnn.Run(inputs, outputs));
            long runFrom = AllocatedBy(() => rnn.RunFrom(inputs, outputs, state.Hidden, state.Cell));
            long runLast = AllocatedBy(() => rnn.RunLast(inputs, state.Hidden, state.Cell));
            if (step + run + runFrom + runLast == 0)
            {
                return;
            }

            failure = $"Step {step}, Run {run}, Run from states {runFrom}, RunLast {runLast} bytes";
        }

        Assert.Fail($"{model}: the first calls after a load allocated on each of {FirstCallAttempts} new instances; the last: {failure}.");
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Run_allocates_nothing(string model)
    {
        (GatedUnderTest rnn, float[] inputs, float[] outputs, _) = Prepare(model);
        SequenceRunner run = rnn.Run;
        AssertAllocatesNothing(model, "Run", () => run(inputs, outputs));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Run_from_states_allocates_nothing(string model)
    {
        (GatedUnderTest rnn, float[] inputs, float[] outputs, GatedState state) = Prepare(model);
        AssertAllocatesNothing(model, "Run from states", () => rnn.RunFrom(inputs, outputs, state.Hidden, state.Cell));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void RunLast_allocates_nothing(string model)
    {
        (GatedUnderTest rnn, float[] inputs, _, GatedState state) = Prepare(model);
        AssertAllocatesNothing(model, "RunLast", () => rnn.RunLast(inputs, state.Hidden, state.Cell));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Step_allocates_nothing(string model)
    {
        (GatedUnderTest rnn, float[] inputs, _, GatedState state) = Prepare(model);
        ReadOnlyMemory<float> input = inputs.AsMemory(0, rnn.Shape.Input);
        AssertAllocatesNothing(model, "Step", () => rnn.Step(input.Span, state.Hidden, state.Cell));
    }

    private static (GatedUnderTest Rnn, float[] Inputs, float[] Outputs, GatedState State) Prepare(string model)
    {
        (GatedUnderTest rnn, _, Random random) = GatedCatalog.CreateLoaded(model);
        return (rnn, RandomData.Signal(random, rnn.Shape.InputsLength), new float[rnn.Shape.OutputsLength], GatedState.Random(rnn.Shape, random));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long AllocatedBy(Action call)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        call();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    /// <summary>
    /// Measures right after a warm-up, and again once tiered compilation has had time to install optimised code.
    /// The runtime itself now and then allocates on the measuring thread, so each phase measures a few batches and
    /// needs one clean batch: an allocation made by the member itself happens in every call, hence in every batch.
    /// </summary>
    private static void AssertAllocatesNothing(string model, string member, Action call)
    {
        Repeat(call, WarmUpCalls);
        AssertSomeBatchAllocatesNothing(model, member, "after warm-up", call);
        Thread.Sleep(150);
        Repeat(call, WarmUpCalls);
        AssertSomeBatchAllocatesNothing(model, member, "once optimised", call);
    }

    // Fully optimised from the start: a tier-0 loop here would be compiled again mid-measurement (OSR).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AssertSomeBatchAllocatesNothing(string model, string member, string phase, Action call)
    {
        var allocated = new long[Batches];
        for (int batch = 0; batch < Batches; batch++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < CallsPerBatch; i++)
            {
                call();
            }

            allocated[batch] = GC.GetAllocatedBytesForCurrentThread() - before;
            if (allocated[batch] == 0)
            {
                return;
            }
        }

        Assert.Fail($"{model}.{member} allocated in every batch of {CallsPerBatch} calls {phase}: {string.Join(", ", allocated)} bytes.");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Repeat(Action call, int times)
    {
        for (int i = 0; i < times; i++)
        {
            call();
        }
    }
}
