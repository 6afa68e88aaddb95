using System;
using RnnGen.Tests.Harness;

namespace RnnGen.Tests.BadInput;

/// <summary>
/// A written span that shares memory with a read one (slices of one array) is rejected, and the array is left
/// as it was.
/// </summary>
public class OverlapTests
{
    private delegate void OverlappingCall(Span<float> written, ReadOnlySpan<float> read);

    [Theory]
    [MemberData(nameof(ModelCatalog.All), MemberType = typeof(ModelCatalog))]
    public void Run_rejects_outputs_overlapping_inputs(string model)
    {
        RnnUnderTest rnn = ModelCatalog.CreateLoaded(model).Rnn;
        AssertRejectsOverlap(model, "Run", rnn.Shape.OutputsLength, rnn.Shape.InputsLength, "outputs", "inputs", (outputs, inputs) => rnn.Run(inputs, outputs));
    }

    [Theory]
    [MemberData(nameof(ModelCatalog.All), MemberType = typeof(ModelCatalog))]
    public void Run_from_a_state_rejects_outputs_overlapping_inputs(string model)
    {
        RnnUnderTest rnn = ModelCatalog.CreateLoaded(model).Rnn;
        float[] initialState = new float[rnn.Shape.Output];
        AssertRejectsOverlap(model, "Run from a state", rnn.Shape.OutputsLength, rnn.Shape.InputsLength, "outputs", "inputs", (outputs, inputs) => rnn.RunFromState(inputs, outputs, initialState));
    }

    [Theory]
    [MemberData(nameof(ModelCatalog.All), MemberType = typeof(ModelCatalog))]
    public void RunLast_rejects_state_overlapping_inputs(string model)
    {
        RnnUnderTest rnn = ModelCatalog.CreateLoaded(model).Rnn;
        AssertRejectsOverlap(model, "RunLast", rnn.Shape.Output, rnn.Shape.InputsLength, "state", "inputs", (state, inputs) => rnn.RunLast(inputs, state));
    }

    [Theory]
    [MemberData(nameof(ModelCatalog.All), MemberType = typeof(ModelCatalog))]
    public void Step_rejects_state_overlapping_input(string model)
    {
        RnnUnderTest rnn = ModelCatalog.CreateLoaded(model).Rnn;
        AssertRejectsOverlap(model, "Step", rnn.Shape.Output, rnn.Shape.Input, "state", "input", (state, input) => rnn.Step(input, state));
    }

    /// <summary>
    /// Places the two spans in one array in three ways: the written one starting on the read one's last element,
    /// the read one starting on the written one's last element, and both at the same start.
    /// </summary>
    private static void AssertRejectsOverlap(string model, string member, int writtenLength, int readLength, string writtenName, string readName, OverlappingCall call)
    {
        Random random = RandomData.For(model);
        foreach ((int writtenStart, int readStart) in new[] { (readLength - 1, 0), (0, writtenLength - 1), (0, 0) })
        {
            float[] shared = RandomData.Signal(random, Math.Max(writtenStart + writtenLength, readStart + readLength));
            float[] before = (float[])shared.Clone();
            string context = $"{model}.{member}: '{writtenName}' at [{writtenStart}, {writtenStart + writtenLength}) and '{readName}' at [{readStart}, {readStart + readLength}) of one array";

            ArgumentException exception = Assert.ThrowsAny<ArgumentException>(() => call(shared.AsSpan(writtenStart, writtenLength), shared.AsSpan(readStart, readLength)));

            Assert.True(exception.ParamName == writtenName || exception.ParamName == readName, $"{context}: ParamName is '{exception.ParamName}', expected '{writtenName}' or '{readName}'.");
            FloatAssert.Identical(before, shared, Math.Max(1, readLength), $"{context}: the shared array");
        }
    }
}
