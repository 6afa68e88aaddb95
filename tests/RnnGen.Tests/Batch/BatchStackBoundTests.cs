using System;
using RnnGen.Tests.Stack.Models;
using RnnGen.Tests.Stack;

namespace RnnGen.Tests.Batch;

/// <summary>
/// Every generated header also states, per CPU path, the most stack StepBatch, RunBatch and RunLastBatch take,
/// their frames included. As in <see cref="StackBoundTests"/>, each runs on a thread whose stack is exactly that
/// figure plus <see cref="StackBoundTests.ThreadStartMargin"/>, after a first call on the test thread has compiled it.
/// The batch holds k + 1 sequences, k being the sequences per kernel call the header states for this path: one call
/// of the batched kernel and one sequence left over, the two ways a batch is stepped. The stack does not grow with
/// N, and a larger batch would only make the largest layers slower.
/// </summary>
public class BatchStackBoundTests
{
    /// <summary>The member group as the header names it.</summary>
    private const string MemberGroup = "StepBatch/RunBatch/RunLastBatch";

    private delegate void Sequences<TModel>(TModel model, ReadOnlySpan<float> inputs, Span<float> outputs);

    private delegate void LstmStates<TModel>(TModel model, ReadOnlySpan<float> inputs, Span<float> hidden, Span<float> cell);

    [Theory]
    [InlineData(nameof(SimpleRnnLargest))]
    [InlineData(nameof(GruLargest))]
    [InlineData(nameof(GruResetBeforeLargest))]
    [InlineData(nameof(LstmLargest))]
    [InlineData(nameof(GruMainStackCase))]
    [InlineData(nameof(LstmSquareStackCase))]
    public void Every_batched_member_runs_on_a_thread_with_exactly_the_stated_stack(string model)
    {
        BoundedCalls bounded = Members(model);
        Assert.InRange(bounded.StatedBytes, 1, 512 * 1024);
        foreach ((string member, Action call) in bounded.Members)
        {
            call();
            StackBoundTests.RunOnThread(call, bounded.StatedBytes, $"{model}.{member} of N = {bounded.Count}");
        }
    }

    /// <summary>A new instance (all weights zero: a layer's stack does not depend on its weights) and one call of each batched member.</summary>
    private static BoundedCalls Members(string model) => model switch
    {
        nameof(SimpleRnnLargest) => States(new SimpleRnnLargest(), "SimpleRnn", SimpleRnnLargest.Timesteps, SimpleRnnLargest.InputSize, SimpleRnnLargest.OutputSize, (m, x, s) => m.StepBatch(x, s), (m, x, y) => m.RunBatch(x, y), (m, x, s) => m.RunLastBatch(x, s)),
        nameof(GruLargest) => States(new GruLargest(), "Gru", GruLargest.Timesteps, GruLargest.InputSize, GruLargest.OutputSize, (m, x, s) => m.StepBatch(x, s), (m, x, y) => m.RunBatch(x, y), (m, x, s) => m.RunLastBatch(x, s)),
        nameof(GruResetBeforeLargest) => States(new GruResetBeforeLargest(), "Gru", GruResetBeforeLargest.Timesteps, GruResetBeforeLargest.InputSize, GruResetBeforeLargest.OutputSize, (m, x, s) => m.StepBatch(x, s), (m, x, y) => m.RunBatch(x, y), (m, x, s) => m.RunLastBatch(x, s)),
        nameof(GruMainStackCase) => States(new GruMainStackCase(), "Gru", GruMainStackCase.Timesteps, GruMainStackCase.InputSize, GruMainStackCase.OutputSize, (m, x, s) => m.StepBatch(x, s), (m, x, y) => m.RunBatch(x, y), (m, x, s) => m.RunLastBatch(x, s)),
        nameof(LstmLargest) => HiddenAndCell(new LstmLargest(), LstmLargest.Timesteps, LstmLargest.InputSize, LstmLargest.OutputSize, (m, x, h, c) => m.StepBatch(x, h, c), (m, x, y) => m.RunBatch(x, y), (m, x, h, c) => m.RunLastBatch(x, h, c)),
        nameof(LstmSquareStackCase) => HiddenAndCell(new LstmSquareStackCase(), LstmSquareStackCase.Timesteps, LstmSquareStackCase.InputSize, LstmSquareStackCase.OutputSize, (m, x, h, c) => m.StepBatch(x, h, c), (m, x, y) => m.RunBatch(x, y), (m, x, h, c) => m.RunLastBatch(x, h, c)),
        _ => throw new ArgumentOutOfRangeException(nameof(model), model, null),
    };

    private static BoundedCalls States<TModel>(TModel model, string cell, int timesteps, int input, int output, Sequences<TModel> stepBatch, Sequences<TModel> runBatch, Sequences<TModel> runLastBatch)
        where TModel : notnull
    {
        (int stated, int count) = Read(typeof(TModel), cell);
        var inputs = new float[count * timesteps * input];
        var outputs = new float[count * timesteps * output];
        var states = new float[count * output];
        return new BoundedCalls(stated, count,
        [
            ("StepBatch", () => stepBatch(model, inputs.AsSpan(0, count * input), states)),
            ("RunBatch", () => runBatch(model, inputs, outputs)),
            ("RunLastBatch", () => runLastBatch(model, inputs, states)),
        ]);
    }

    private static BoundedCalls HiddenAndCell<TModel>(TModel model, int timesteps, int input, int output, LstmStates<TModel> stepBatch, Sequences<TModel> runBatch, LstmStates<TModel> runLastBatch)
        where TModel : notnull
    {
        (int stated, int count) = Read(typeof(TModel), "Lstm");
        var inputs = new float[count * timesteps * input];
        var outputs = new float[count * timesteps * output];
        var hidden = new float[count * output];
        var cellStates = new float[count * output];
        return new BoundedCalls(stated, count,
        [
            ("StepBatch", () => stepBatch(model, inputs.AsSpan(0, count * input), hidden, cellStates)),
            ("RunBatch", () => runBatch(model, inputs, outputs)),
            ("RunLastBatch", () => runLastBatch(model, inputs, hidden, cellStates)),
        ]);
    }

    /// <summary>The stated stack bound of the batched members on this path, and k + 1.</summary>
    private static (int StatedBytes, int Count) Read(Type modelType, string cell)
    {
        GeneratedHeader header = GeneratedHeader.For(modelType, cell);
        return (header.StackBytes(MemberGroup, SimdPaths.Current), header.SequencesPerKernelCall()[SimdPaths.Current] + 1);
    }

    /// <summary>The calls of one layer's batched members on a batch of <paramref name="Count"/>, and their stated stack.</summary>
    private sealed record BoundedCalls(int StatedBytes, int Count, (string Member, Action Call)[] Members);
}
