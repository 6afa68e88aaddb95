using System;
using System.Threading;
using RnnGen.Tests.Stack.Models;

namespace RnnGen.Tests.Stack;

/// <summary>
/// Every generated header states, per CPU path, the most stack Run/RunLast and Step take, their frames included.
/// Audio and embedded callers run on small fixed stacks and plan by that figure, so each member runs here on a
/// thread whose stack is exactly the stated figure plus <see cref="ThreadStartMargin"/>; a stack overflow would end
/// the test process. The members run once on the test thread first, as a load method does, so the kernels are
/// compiled before: the JIT's own stack is not the kernel's.
/// </summary>
public class StackBoundTests
{
    /// <summary>What a new thread uses before its delegate runs (measured about 5.5 KB on Linux x64), with room to spare.</summary>
    public const int ThreadStartMargin = 8 * 1024;

    [Theory]
    [InlineData(nameof(SimpleRnnLargest))]
    [InlineData(nameof(GruLargest))]
    [InlineData(nameof(GruResetBeforeLargest))]
    [InlineData(nameof(LstmLargest))]
    [InlineData(nameof(GruMainStackCase))]
    [InlineData(nameof(LstmSquareStackCase))]
    public void Every_member_runs_on_a_thread_with_exactly_the_stated_stack(string model)
    {
        foreach ((string member, Type type, string cell, Action call) in Members(model))
        {
            string group = member == "Step" ? "Step" : cell == "Lstm" ? "Run/RunLast/RunStream" : "Run/RunLast";
            int stated = GeneratedHeader.For(type, cell).StackBytes(group, SimdPaths.Current);
            Assert.InRange(stated, 1, 256 * 1024);
            call();
            RunOnThread(call, stated, $"{model}.{member}");
        }
    }

    internal static void RunOnThread(Action call, int stated, string what)
    {

        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    call();
                }
                catch (Exception exception)
                {
                    failure = exception;
                }
            },
            (stated + ThreadStartMargin + 4095) / 4096 * 4096);
        thread.Start();
        thread.Join();
        Assert.True(failure is null, $"{what}: {failure}");
    }

    /// <summary>Run, RunLast and Step of one new instance, and an LSTM's RunStream.</summary>
    private static (string Member, Type Type, string Cell, Action Call)[] Members(string model)
    {
        string[] names = model.StartsWith("Lstm", StringComparison.Ordinal) ? ["Run", "RunLast", "RunStream", "Step"] : ["Run", "RunLast", "Step"];
        var members = new (string, Type, string, Action)[names.Length];
        object? instance = null;
        for (int m = 0; m < names.Length; m++)
        {
            (Type type, string cell, Action call) = Member(model, names[m], ref instance);
            members[m] = (names[m], type, cell, call);
        }

        return members;
    }

    /// <summary>A new instance (all weights zero: a layer's stack does not depend on its weights) and one call of a member.</summary>
    private static (Type Type, string Cell, Action Call) Member(string model, string member, ref object? instance) => model switch
    {
        nameof(SimpleRnnLargest) => Hidden((SimpleRnnLargest)(instance ??= new SimpleRnnLargest()), "SimpleRnn", member, SimpleRnnLargest.Timesteps, SimpleRnnLargest.InputSize, SimpleRnnLargest.OutputSize, (m, x, y) => m.Run(x, y), (m, x, s) => m.RunLast(x, s), (m, x, s) => m.Step(x, s)),
        nameof(GruLargest) => Hidden((GruLargest)(instance ??= new GruLargest()), "Gru", member, GruLargest.Timesteps, GruLargest.InputSize, GruLargest.OutputSize, (m, x, y) => m.Run(x, y), (m, x, s) => m.RunLast(x, s), (m, x, s) => m.Step(x, s)),
        nameof(GruResetBeforeLargest) => Hidden((GruResetBeforeLargest)(instance ??= new GruResetBeforeLargest()), "Gru", member, GruResetBeforeLargest.Timesteps, GruResetBeforeLargest.InputSize, GruResetBeforeLargest.OutputSize, (m, x, y) => m.Run(x, y), (m, x, s) => m.RunLast(x, s), (m, x, s) => m.Step(x, s)),
        nameof(GruMainStackCase) => Hidden((GruMainStackCase)(instance ??= new GruMainStackCase()), "Gru", member, GruMainStackCase.Timesteps, GruMainStackCase.InputSize, GruMainStackCase.OutputSize, (m, x, y) => m.Run(x, y), (m, x, s) => m.RunLast(x, s), (m, x, s) => m.Step(x, s)),
        nameof(LstmLargest) => Lstm((LstmLargest)(instance ??= new LstmLargest()), member, LstmLargest.Timesteps, LstmLargest.InputSize, LstmLargest.OutputSize, (m, x, y) => m.Run(x, y), (m, x, h, c) => m.RunLast(x, h, c), (m, x, y, h, c) => m.RunStream(x, y, h, c), (m, x, h, c) => m.Step(x, h, c)),
        nameof(LstmSquareStackCase) => Lstm((LstmSquareStackCase)(instance ??= new LstmSquareStackCase()), member, LstmSquareStackCase.Timesteps, LstmSquareStackCase.InputSize, LstmSquareStackCase.OutputSize, (m, x, y) => m.Run(x, y), (m, x, h, c) => m.RunLast(x, h, c), (m, x, y, h, c) => m.RunStream(x, y, h, c), (m, x, h, c) => m.Step(x, h, c)),
        _ => throw new ArgumentOutOfRangeException(nameof(model), model, null),
    };

    private delegate void Sequence<TModel>(TModel model, ReadOnlySpan<float> inputs, Span<float> outputs);

    private delegate void LstmState<TModel>(TModel model, ReadOnlySpan<float> inputs, Span<float> hidden, Span<float> cell);

    private delegate void LstmStream<TModel>(TModel model, ReadOnlySpan<float> inputs, Span<float> outputs, Span<float> hidden, Span<float> cell);

    private static (Type, string, Action) Hidden<TModel>(TModel model, string cell, string member, int timesteps, int input, int output, Sequence<TModel> run, Sequence<TModel> runLast, Sequence<TModel> step)
        where TModel : notnull
    {
        var inputs = new float[timesteps * input];
        var outputs = new float[timesteps * output];
        var state = new float[output];
        Action call = member switch
        {
            "Run" => () => run(model, inputs, outputs),
            "RunLast" => () => runLast(model, inputs, state),
            _ => () => step(model, inputs.AsSpan(0, input), state),
        };
        return (model.GetType(), cell, call);
    }

    private static (Type, string, Action) Lstm<TModel>(TModel model, string member, int timesteps, int input, int output, Sequence<TModel> run, LstmState<TModel> runLast, LstmStream<TModel> runStream, LstmState<TModel> step)
        where TModel : notnull
    {
        var inputs = new float[timesteps * input];
        var outputs = new float[timesteps * output];
        var hidden = new float[output];
        var cellState = new float[output];
        Action call = member switch
        {
            "Run" => () => run(model, inputs, outputs),
            "RunLast" => () => runLast(model, inputs, hidden, cellState),
            "RunStream" => () => runStream(model, inputs, outputs, hidden, cellState),
            _ => () => step(model, inputs.AsSpan(0, input), hidden, cellState),
        };
        return (model.GetType(), "Lstm", call);
    }
}
