using System;
using RnnGen.Tests.Gated.Harness;
using RnnGen.Tests.Harness;

namespace RnnGen.Tests.Gated.BadInput;

/// <summary>
/// A written span that shares memory with another span of the call (slices of one array) is rejected naming both,
/// and every array is left as it was: outputs against inputs, a state against the input, and an LSTM's hidden
/// state against its cell state.
/// </summary>
public class GatedOverlapTests
{
    private delegate void OverlappingCall(Span<float> first, Span<float> second);

    [Theory]
    [MemberData(nameof(GatedCatalog.All), MemberType = typeof(GatedCatalog))]
    public void Run_rejects_outputs_overlapping_inputs(string model)
    {
        GatedUnderTest rnn = GatedCatalog.CreateLoaded(model).Rnn;
        AssertRejectsOverlap(model, "Run", rnn.Shape.OutputsLength, rnn.Shape.InputsLength, "outputs", "inputs", (outputs, inputs) => rnn.Run(inputs, outputs));
    }

    [Theory]
    [MemberData(nameof(GatedCatalog.All), MemberType = typeof(GatedCatalog))]
    public void Run_from_states_rejects_outputs_overlapping_inputs(string model)
    {
        (GatedUnderTest rnn, _, Random random) = GatedCatalog.CreateLoaded(model);
        var start = GatedState.Random(rnn.Shape, random);
        AssertRejectsOverlap(model, "Run from states", rnn.Shape.OutputsLength, rnn.Shape.InputsLength, "outputs", "inputs", (outputs, inputs) => rnn.RunFrom(inputs, outputs, start.Hidden, start.Cell));
    }

    [Theory]
    [MemberData(nameof(GatedCatalog.All), MemberType = typeof(GatedCatalog))]
    public void RunLast_rejects_states_overlapping_inputs(string model)
    {
        GatedUnderTest rnn = GatedCatalog.CreateLoaded(model).Rnn;
        GatedShape shape = rnn.Shape;
        float[] cell = GatedMember.Filled(shape.CellLength);
        float[] hidden = GatedMember.Filled(shape.Output);

        AssertRejectsOverlap(model, "RunLast", shape.Output, shape.InputsLength, HiddenName(shape, "state"), "inputs", (state, inputs) => rnn.RunLast(inputs, state, cell));
        FloatAssert.Untouched(cell, GatedMember.Sentinel, $"{model}.RunLast: 'cell' beside an overlapping hidden state");
        if (shape.IsLstm)
        {
            AssertRejectsOverlap(model, "RunLast", shape.Output, shape.InputsLength, "cell", "inputs", (state, inputs) => rnn.RunLast(inputs, hidden, state));
            FloatAssert.Untouched(hidden, GatedMember.Sentinel, $"{model}.RunLast: 'hidden' beside an overlapping cell state");
        }
    }

    [Theory]
    [MemberData(nameof(GatedCatalog.All), MemberType = typeof(GatedCatalog))]
    public void Step_rejects_states_overlapping_the_input(string model)
    {
        GatedUnderTest rnn = GatedCatalog.CreateLoaded(model).Rnn;
        GatedShape shape = rnn.Shape;
        float[] cell = GatedMember.Filled(shape.CellLength);
        float[] hidden = GatedMember.Filled(shape.Output);

        AssertRejectsOverlap(model, "Step", shape.Output, shape.Input, HiddenName(shape, "state"), "input", (state, input) => rnn.Step(input, state, cell));
        FloatAssert.Untouched(cell, GatedMember.Sentinel, $"{model}.Step: 'cell' beside an overlapping hidden state");
        if (shape.IsLstm)
        {
            AssertRejectsOverlap(model, "Step", shape.Output, shape.Input, "cell", "input", (state, input) => rnn.Step(input, hidden, state));
            FloatAssert.Untouched(hidden, GatedMember.Sentinel, $"{model}.Step: 'hidden' beside an overlapping cell state");
        }
    }

    [Theory]
    [MemberData(nameof(GatedCatalog.Lstm), MemberType = typeof(GatedCatalog))]
    public void RunLast_and_Step_reject_a_hidden_state_overlapping_the_cell_state(string model)
    {
        (GatedUnderTest rnn, _, Random random) = GatedCatalog.CreateLoaded(model);
        GatedShape shape = rnn.Shape;
        float[] inputs = RandomData.Signal(random, shape.InputsLength);

        AssertRejectsOverlap(model, "RunLast", shape.Output, shape.Output, "hidden", "cell", (hidden, cell) => rnn.RunLast(inputs, hidden, cell));
        AssertRejectsOverlap(model, "Step", shape.Output, shape.Output, "hidden", "cell", (hidden, cell) => rnn.Step(inputs.AsSpan(0, shape.Input), hidden, cell));
    }

    /// <summary>A GRU's hidden state is its whole state, so its parameter is called <paramref name="gruName"/>.</summary>
    private static string HiddenName(GatedShape shape, string gruName) => shape.IsLstm ? "hidden" : gruName;

    /// <summary>
    /// Places the two spans in one array in three ways: the first starting on the second's last element, the second
    /// starting on the first's last element, and both at the same start. The exception names one of them as the
    /// parameter and both in its message.
    /// </summary>
    private static void AssertRejectsOverlap(string model, string member, int firstLength, int secondLength, string firstName, string secondName, OverlappingCall call)
    {
        Random random = RandomData.For(model);
        foreach ((int firstStart, int secondStart) in new[] { (secondLength - 1, 0), (0, firstLength - 1), (0, 0) })
        {
            float[] shared = RandomData.Signal(random, Math.Max(firstStart + firstLength, secondStart + secondLength));
            float[] before = (float[])shared.Clone();
            string context = $"{model}.{member}: '{firstName}' at [{firstStart}, {firstStart + firstLength}) and '{secondName}' at [{secondStart}, {secondStart + secondLength}) of one array";

            ArgumentException exception = Assert.ThrowsAny<ArgumentException>(() => call(shared.AsSpan(firstStart, firstLength), shared.AsSpan(secondStart, secondLength)));

            Assert.True(exception.ParamName == firstName || exception.ParamName == secondName, $"{context}: ParamName is '{exception.ParamName}', expected '{firstName}' or '{secondName}'.");
            Assert.True(exception.Message.Contains($"'{firstName}'", StringComparison.Ordinal) && exception.Message.Contains($"'{secondName}'", StringComparison.Ordinal), $"{context}: the message does not name both: {exception.Message}");
            FloatAssert.Identical(before, shared, Math.Max(1, secondLength), $"{context}: the shared array");
        }
    }
}
