using System;
using RnnGen.Tests.Harness;

namespace RnnGen.Tests;

/// <summary>Run, RunLast and Step against the float64 reference, and against each other.</summary>
public class NumericTests
{
    /// <summary>The contract's accuracy promise, for T up to 1000 with weights in ±1/sqrt(O).</summary>
    private const double Tolerance = 1e-4;

    [Theory]
    [MemberData(nameof(ModelCatalog.All), MemberType = typeof(ModelCatalog))]
    public void Run_from_a_zero_state_matches_the_reference(string model)
    {
        (RnnUnderTest rnn, WeightSet weights, Random random) = ModelCatalog.CreateLoaded(model);
        float[] inputs = RandomData.Signal(random, rnn.Shape.InputsLength);

        float[] outputs = rnn.RunAll(inputs);

        double[] expected = Reference.Run(rnn.Shape.Activation, weights.W, weights.U, weights.B, inputs);
        FloatAssert.Close(expected, outputs, Tolerance, rnn.Shape.Output, $"{model}: Run");
    }

    [Theory]
    [MemberData(nameof(ModelCatalog.All), MemberType = typeof(ModelCatalog))]
    public void Run_from_an_initial_state_matches_the_reference(string model)
    {
        (RnnUnderTest rnn, WeightSet weights, Random random) = ModelCatalog.CreateLoaded(model);
        float[] inputs = RandomData.Signal(random, rnn.Shape.InputsLength);
        float[] initialState = RandomData.Signal(random, rnn.Shape.Output);

        float[] outputs = rnn.RunAll(inputs, initialState);

        double[] expected = Reference.Run(rnn.Shape.Activation, weights.W, weights.U, weights.B, inputs, initialState);
        FloatAssert.Close(expected, outputs, Tolerance, rnn.Shape.Output, $"{model}: Run from a state");
    }

    [Theory]
    [MemberData(nameof(ModelCatalog.All), MemberType = typeof(ModelCatalog))]
    public void RunLast_leaves_the_last_row_of_Run_in_state(string model)
    {
        (RnnUnderTest rnn, _, Random random) = ModelCatalog.CreateLoaded(model);
        int o = rnn.Shape.Output;
        float[] inputs = RandomData.Signal(random, rnn.Shape.InputsLength);
        float[] initialState = RandomData.Signal(random, o);

        float[] fromZero = new float[o];
        rnn.RunLast(inputs, fromZero);
        float[] fromState = (float[])initialState.Clone();
        rnn.RunLast(inputs, fromState);

        FloatAssert.Identical(rnn.RunAll(inputs).AsSpan(^o..), fromZero, o, $"{model}: RunLast from zeros vs the last row of Run");
        FloatAssert.Identical(rnn.RunAll(inputs, initialState).AsSpan(^o..), fromState, o, $"{model}: RunLast from a state vs the last row of Run");
    }

    [Theory]
    [MemberData(nameof(ModelCatalog.All), MemberType = typeof(ModelCatalog))]
    public void RunLast_continues_a_stream_chunk_after_chunk(string model)
    {
        (RnnUnderTest rnn, WeightSet weights, Random random) = ModelCatalog.CreateLoaded(model);
        int o = rnn.Shape.Output;
        float[] first = RandomData.Signal(random, rnn.Shape.InputsLength);
        float[] second = RandomData.Signal(random, rnn.Shape.InputsLength);
        float[] initialState = RandomData.Signal(random, o);

        float[] state = (float[])initialState.Clone();
        rnn.RunLast(first, state);
        float[] afterFirst = (float[])state.Clone();
        rnn.RunLast(second, state);

        // The two chunks are one sequence of 2T steps.
        float[] both = [.. first, .. second];
        double[] expected = Reference.Run(rnn.Shape.Activation, weights.W, weights.U, weights.B, both, initialState);
        FloatAssert.Close(expected.AsSpan(^o..), state, Tolerance, o, $"{model}: state after two RunLast chunks vs the reference over both");
        FloatAssert.Identical(rnn.RunAll(second, afterFirst).AsSpan(^o..), state, o, $"{model}: second RunLast chunk vs Run from the first chunk's state");
    }

    [Theory]
    [MemberData(nameof(ModelCatalog.All), MemberType = typeof(ModelCatalog))]
    public void A_loop_of_Step_reproduces_Run_row_by_row(string model)
    {
        (RnnUnderTest rnn, _, Random random) = ModelCatalog.CreateLoaded(model);
        RnnShape shape = rnn.Shape;
        float[] inputs = RandomData.Signal(random, shape.InputsLength);
        float[] initialState = RandomData.Signal(random, shape.Output);

        foreach (float[]? start in new[] { null, initialState })
        {
            float[] state = start is null ? new float[shape.Output] : (float[])start.Clone();
            var stepped = new float[shape.OutputsLength];
            for (int t = 0; t < shape.Timesteps; t++)
            {
                rnn.Step(inputs.AsSpan(t * shape.Input, shape.Input), state);
                state.CopyTo(stepped, t * shape.Output);
            }

            float[] run = start is null ? rnn.RunAll(inputs) : rnn.RunAll(inputs, start);
            FloatAssert.Identical(run, stepped, shape.Output, $"{model}: Step loop vs Run ({(start is null ? "zero" : "given")} initial state)");
        }
    }

    [Theory]
    [MemberData(nameof(ModelCatalog.All), MemberType = typeof(ModelCatalog))]
    public void Run_may_take_its_initial_state_from_the_memory_it_writes(string model)
    {
        (RnnUnderTest rnn, _, Random random) = ModelCatalog.CreateLoaded(model);
        RnnShape shape = rnn.Shape;
        float[] inputs = RandomData.Signal(random, shape.InputsLength);
        float[] initialState = RandomData.Signal(random, shape.Output);
        float[] expected = rnn.RunAll(inputs, initialState);

        // The state sits where h_0 (or, for longer sequences, a later row) is written: it must be read first.
        foreach (int row in new[] { 0, shape.Timesteps - 1 })
        {
            var outputs = new float[shape.OutputsLength];
            initialState.CopyTo(outputs, row * shape.Output);
            rnn.RunFromState(inputs, outputs, outputs.AsSpan(row * shape.Output, shape.Output));
            FloatAssert.Identical(expected, outputs, shape.Output, $"{model}: Run with the initial state in output row {row}");
        }
    }
}
