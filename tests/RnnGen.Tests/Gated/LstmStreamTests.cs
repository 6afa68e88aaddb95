using System;
using System.Linq;
using RnnGen.Tests.BadInput;
using RnnGen.Tests.Gated.BadInput;
using RnnGen.Tests.Gated.Harness;
using RnnGen.Tests.Harness;

namespace RnnGen.Tests.Gated;

/// <summary>
/// An LSTM's RunStream: one block of a stream, every h_t written and both states carried in place, so that the next
/// block continues where this one stopped (Run from states cannot: it does not give the last cell state back).
/// </summary>
public class LstmStreamTests
{
    /// <summary>The contract's accuracy bound against float64.</summary>
    private const double Tolerance = 1e-4;

    private static readonly string[] Parameters = ["inputs", "outputs", "hidden", "cell"];

    [Theory]
    [MemberData(nameof(GatedCatalog.Lstm), MemberType = typeof(GatedCatalog))]
    public void Two_blocks_are_one_sequence_of_twice_the_length(string model)
    {
        (GatedUnderTest rnn, GatedWeights weights, Random random) = GatedCatalog.CreateLoaded(model);
        GatedShape shape = rnn.Shape;
        int o = shape.Output;
        float[] first = RandomData.Signal(random, shape.InputsLength);
        float[] second = RandomData.Signal(random, shape.InputsLength);
        GatedState start = GatedState.Random(shape, random);
        GatedState carried = start.Copy();
        var outputs = new float[2 * shape.OutputsLength];

        rnn.RunStream(first, outputs.AsSpan(0, shape.OutputsLength), carried.Hidden, carried.Cell);
        rnn.RunStream(second, outputs.AsSpan(shape.OutputsLength), carried.Hidden, carried.Cell);

        ReferenceTrace expected = GatedReference.Run(shape, weights.Keras, [.. first, .. second], start.Hidden, start.Cell);
        FloatAssert.Close(expected.Hidden, outputs, Tolerance, o, $"{model}: two RunStream blocks vs the reference over both (row = t)");
        FloatAssert.Close(expected.LastHidden, carried.Hidden, Tolerance, o, $"{model}: hidden state after two RunStream blocks vs the reference");
        FloatAssert.Close(expected.LastCell, carried.Cell, Tolerance, o, $"{model}: cell state after two RunStream blocks vs the reference");
    }

    [Theory]
    [MemberData(nameof(GatedCatalog.Lstm), MemberType = typeof(GatedCatalog))]
    public void A_block_writes_what_Run_writes_and_keeps_what_RunLast_keeps(string model)
    {
        (GatedUnderTest rnn, _, Random random) = GatedCatalog.CreateLoaded(model);
        GatedShape shape = rnn.Shape;
        float[] inputs = RandomData.Signal(random, shape.InputsLength);
        GatedState start = GatedState.Random(shape, random);
        GatedState streamed = start.Copy();
        var outputs = new float[shape.OutputsLength];

        rnn.RunStream(inputs, outputs, streamed.Hidden, streamed.Cell);

        GatedState last = rnn.RunLastFrom(inputs, start);
        FloatAssert.Identical(rnn.RunAll(inputs, start), outputs, shape.Output, $"{model}: RunStream's outputs vs Run from the same states");
        FloatAssert.Identical(last.Hidden, streamed.Hidden, shape.Output, $"{model}: RunStream's hidden state vs RunLast's");
        FloatAssert.Identical(last.Cell, streamed.Cell, shape.Output, $"{model}: RunStream's cell state vs RunLast's");
    }

    [Theory]
    [MemberData(nameof(GatedCatalog.Lstm), MemberType = typeof(GatedCatalog))]
    public void Every_wrong_length_is_rejected_before_anything_is_written(string model)
    {
        (GatedUnderTest rnn, _, Random random) = GatedCatalog.CreateLoaded(model);
        GatedShape shape = rnn.Shape;
        int[] lengths = [shape.InputsLength, shape.OutputsLength, shape.Output, shape.Output];
        for (int spoiled = 0; spoiled < Parameters.Length; spoiled++)
        {
            foreach (int wrong in new[] { 0, lengths[spoiled] - 1, lengths[spoiled] + 1 }.Where(n => n >= 0 && n != lengths[spoiled]).Distinct())
            {
                float[][] arguments = [.. lengths.Select((length, p) => p == 0
                    ? RandomData.Signal(random, p == spoiled ? wrong : length)
                    : GatedMember.Filled(p == spoiled ? wrong : length))];
                string context = $"{model}.RunStream: '{Parameters[spoiled]}' of length {wrong}, expected {lengths[spoiled]}";

                ArgumentAssert.Rejects(() => rnn.RunStream(arguments[0], arguments[1], arguments[2], arguments[3]), Parameters[spoiled], context, lengths[spoiled], wrong);

                for (int p = 1; p < arguments.Length; p++)
                {
                    FloatAssert.Untouched(arguments[p], GatedMember.Sentinel, $"{context}: '{Parameters[p]}'");
                }
            }
        }
    }

    /// <summary>Every written span (outputs, hidden, cell) against every other span, as slices of one array, in three placements.</summary>
    [Theory]
    [MemberData(nameof(GatedCatalog.Lstm), MemberType = typeof(GatedCatalog))]
    public void Every_overlap_is_rejected_before_anything_is_written(string model)
    {
        (GatedUnderTest rnn, _, Random random) = GatedCatalog.CreateLoaded(model);
        GatedShape shape = rnn.Shape;
        int[] lengths = [shape.InputsLength, shape.OutputsLength, shape.Output, shape.Output];
        for (int written = 1; written < Parameters.Length; written++)
        {
            for (int other = 0; other < written; other++)
            {
                foreach ((int writtenStart, int otherStart) in new[] { (lengths[other] - 1, 0), (0, lengths[written] - 1), (0, 0) })
                {
                    float[][] separate = [.. lengths.Select(length => RandomData.Signal(random, length))];
                    float[][] separateBefore = [.. separate.Select(a => (float[])a.Clone())];
                    float[] shared = RandomData.Signal(random, Math.Max(writtenStart + lengths[written], otherStart + lengths[other]));
                    float[] sharedBefore = (float[])shared.Clone();
                    Memory<float>[] arguments = [.. separate.Select(a => a.AsMemory())];
                    arguments[written] = shared.AsMemory(writtenStart, lengths[written]);
                    arguments[other] = shared.AsMemory(otherStart, lengths[other]);
                    string[] names = [Parameters[written], Parameters[other]];
                    string context = $"{model}.RunStream: '{names[0]}' at {writtenStart} and '{names[1]}' at {otherStart} of one array";

                    ArgumentException exception = Assert.ThrowsAny<ArgumentException>(() => rnn.RunStream(arguments[0].Span, arguments[1].Span, arguments[2].Span, arguments[3].Span));

                    Assert.True(names.Contains(exception.ParamName), $"{context}: ParamName is '{exception.ParamName}', expected '{names[0]}' or '{names[1]}'.");
                    FloatAssert.Identical(sharedBefore, shared, shape.Output, $"{context}: the shared array");
                    for (int p = 0; p < separate.Length; p++)
                    {
                        FloatAssert.Identical(separateBefore[p], separate[p], shape.Output, $"{context}: '{Parameters[p]}'");
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData("Lstm13x3x7")]
    [InlineData("Lstm100x32x64")]
    public void RunStream_allocates_nothing(string model)
    {
        (GatedUnderTest rnn, _, Random random) = GatedCatalog.CreateLoaded(model);
        GatedShape shape = rnn.Shape;
        float[] inputs = RandomData.Signal(random, shape.InputsLength);
        var outputs = new float[shape.OutputsLength];
        GatedState state = GatedState.Random(shape, random);

        AllocationTests.AssertAllocatesNothing(model, "RunStream", () => rnn.RunStream(inputs, outputs, state.Hidden, state.Cell));
    }
}
