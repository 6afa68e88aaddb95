using System;
using System.Runtime.CompilerServices;
using System.Threading;
using RnnGen.Tests.Harness;

namespace RnnGen.Tests;

/// <summary>Run (both overloads), RunLast and Step allocate nothing on the managed heap once warmed up.</summary>
public class AllocationTests
{
    private const int WarmUpCalls = 50;
    private const int CallsPerBatch = 100;
    private const int Batches = 5;

    public static TheoryData<string> Models => ["Tanh1x1x1", "Tanh100x32x64", "Tanh5x64x256", "Tanh1000x8x16", "Relu13x3x5", "Sigmoid9x7x20"];

    [Theory]
    [MemberData(nameof(Models))]
    public void Run_allocates_nothing(string model)
    {
        (RnnUnderTest rnn, float[] inputs, float[] outputs, _) = Prepare(model);
        SequenceRunner run = rnn.Run;
        AssertAllocatesNothing(model, "Run", () => run(inputs, outputs));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Run_from_a_state_allocates_nothing(string model)
    {
        (RnnUnderTest rnn, float[] inputs, float[] outputs, float[] state) = Prepare(model);
        SequenceRunnerFromState run = rnn.RunFromState;
        AssertAllocatesNothing(model, "Run from a state", () => run(inputs, outputs, state));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void RunLast_allocates_nothing(string model)
    {
        (RnnUnderTest rnn, float[] inputs, _, float[] state) = Prepare(model);
        StateAdvancer runLast = rnn.RunLast;
        AssertAllocatesNothing(model, "RunLast", () => runLast(inputs, state));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Step_allocates_nothing(string model)
    {
        (RnnUnderTest rnn, float[] inputs, _, float[] state) = Prepare(model);
        StateAdvancer step = rnn.Step;
        ReadOnlyMemory<float> input = inputs.AsMemory(0, rnn.Shape.Input);
        AssertAllocatesNothing(model, "Step", () => step(input.Span, state));
    }

    private static (RnnUnderTest Rnn, float[] Inputs, float[] Outputs, float[] State) Prepare(string model)
    {
        (RnnUnderTest rnn, _, Random random) = ModelCatalog.CreateLoaded(model);
        return (rnn, RandomData.Signal(random, rnn.Shape.InputsLength), new float[rnn.Shape.OutputsLength], RandomData.Signal(random, rnn.Shape.Output));
    }

    /// <summary>
    /// Measures right after a warm-up, and again once tiered compilation has had time to install optimised code.
    /// The counter is per thread, but the runtime itself now and then allocates on the measuring thread (tier-up
    /// bookkeeping while other tests run), so each phase measures a few batches and needs one clean batch: an
    /// allocation made by the member itself happens in every call, hence in every batch.
    /// </summary>
    internal static void AssertAllocatesNothing(string model, string member, Action call)
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
