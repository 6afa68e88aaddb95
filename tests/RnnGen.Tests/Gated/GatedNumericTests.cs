using System;
using RnnGen.Tests.Gated.Harness;
using RnnGen.Tests.Harness;

namespace RnnGen.Tests.Gated;

/// <summary>Run, RunLast and Step of every GRU and LSTM against the float64 reference, and against each other.</summary>
public class GatedNumericTests
{
    /// <summary>The contract's accuracy promise, for T up to 1000 with weights in ±1/sqrt(O).</summary>
    private const double Tolerance = 1e-4;

    [Theory]
    [MemberData(nameof(GatedCatalog.All), MemberType = typeof(GatedCatalog))]
    public void Run_from_zero_states_matches_the_reference(string model)
    {
        (GatedUnderTest rnn, GatedWeights weights, Random random) = GatedCatalog.CreateLoaded(model);
        float[] inputs = RandomData.Signal(random, rnn.Shape.InputsLength);

        float[] outputs = rnn.RunAll(inputs);

        ReferenceTrace expected = GatedReference.Run(rnn.Shape, weights.Keras, inputs);
        FloatAssert.Close(expected.Hidden, outputs, Tolerance, rnn.Shape.Output, $"{model}: Run");
    }

    [Theory]
    [MemberData(nameof(GatedCatalog.All), MemberType = typeof(GatedCatalog))]
    public void Run_from_initial_states_matches_the_reference(string model)
    {
        (GatedUnderTest rnn, GatedWeights weights, Random random) = GatedCatalog.CreateLoaded(model);
        float[] inputs = RandomData.Signal(random, rnn.Shape.InputsLength);
        var start = GatedState.Random(rnn.Shape, random);

        float[] outputs = rnn.RunAll(inputs, start);

        ReferenceTrace expected = GatedReference.Run(rnn.Shape, weights.Keras, inputs, start.Hidden, start.Cell);
        FloatAssert.Close(expected.Hidden, outputs, Tolerance, rnn.Shape.Output, $"{model}: Run from initial states");
    }

    [Theory]
    [MemberData(nameof(GatedCatalog.All), MemberType = typeof(GatedCatalog))]
    public void RunLast_leaves_the_last_row_of_Run_and_the_reference_cell_in_the_states(string model)
    {
        (GatedUnderTest rnn, GatedWeights weights, Random random) = GatedCatalog.CreateLoaded(model);
        int o = rnn.Shape.Output;
        float[] inputs = RandomData.Signal(random, rnn.Shape.InputsLength);

        foreach ((string from, GatedState start) in new[] { ("zero states", GatedState.Zero(rnn.Shape)), ("initial states", GatedState.Random(rnn.Shape, random)) })
        {
            GatedState last = rnn.RunLastFrom(inputs, start);

            FloatAssert.Identical(rnn.RunAll(inputs, start).AsSpan(^o..), last.Hidden, o, $"{model}: RunLast from {from} vs the last row of Run");
            ReferenceTrace expected = GatedReference.Run(rnn.Shape, weights.Keras, inputs, start.Hidden, start.Cell);
            FloatAssert.Close(expected.LastHidden, last.Hidden, Tolerance, o, $"{model}: RunLast's hidden state from {from} vs the reference");
            FloatAssert.Close(expected.LastCell, last.Cell, Tolerance, o, $"{model}: RunLast's cell state from {from} vs the reference");
        }
    }

    [Theory]
    [MemberData(nameof(GatedCatalog.All), MemberType = typeof(GatedCatalog))]
    public void RunLast_twice_continues_the_sequence(string model)
    {
        (GatedUnderTest rnn, GatedWeights weights, Random random) = GatedCatalog.CreateLoaded(model);
        int o = rnn.Shape.Output;
        float[] first = RandomData.Signal(random, rnn.Shape.InputsLength);
        float[] second = RandomData.Signal(random, rnn.Shape.InputsLength);

        foreach ((string from, GatedState start) in new[] { ("zero states", GatedState.Zero(rnn.Shape)), ("initial states", GatedState.Random(rnn.Shape, random)) })
        {
            GatedState afterFirst = rnn.RunLastFrom(first, start);
            GatedState afterBoth = rnn.RunLastFrom(second, afterFirst);

            // The two chunks are one sequence of 2T steps.
            ReferenceTrace expected = GatedReference.Run(rnn.Shape, weights.Keras, [.. first, .. second], start.Hidden, start.Cell);
            FloatAssert.Close(expected.LastHidden, afterBoth.Hidden, Tolerance, o, $"{model}: hidden state after two RunLast chunks from {from} vs the reference over both");
            FloatAssert.Close(expected.LastCell, afterBoth.Cell, Tolerance, o, $"{model}: cell state after two RunLast chunks from {from} vs the reference over both");
            FloatAssert.Identical(rnn.RunAll(second, afterFirst).AsSpan(^o..), afterBoth.Hidden, o, $"{model}: second RunLast chunk vs Run from the first chunk's states");
        }
    }

    [Theory]
    [MemberData(nameof(GatedCatalog.All), MemberType = typeof(GatedCatalog))]
    public void A_loop_of_Step_reproduces_Run_and_RunLast_bit_for_bit(string model)
    {
        (GatedUnderTest rnn, _, Random random) = GatedCatalog.CreateLoaded(model);
        GatedShape shape = rnn.Shape;
        float[] inputs = RandomData.Signal(random, shape.InputsLength);

        foreach ((string from, GatedState start) in new[] { ("zero states", GatedState.Zero(shape)), ("initial states", GatedState.Random(shape, random)) })
        {
            GatedState state = start.Copy();
            var stepped = new float[shape.OutputsLength];
            for (int t = 0; t < shape.Timesteps; t++)
            {
                rnn.Step(inputs.AsSpan(t * shape.Input, shape.Input), state.Hidden, state.Cell);
                state.Hidden.CopyTo(stepped, t * shape.Output);
            }

            FloatAssert.Identical(rnn.RunAll(inputs, start), stepped, shape.Output, $"{model}: Step loop vs Run from {from}");
            FloatAssert.Identical(rnn.RunLastFrom(inputs, start).Cell, state.Cell, shape.Output, $"{model}: cell state of the Step loop vs RunLast from {from}");
        }
    }

    [Theory]
    [MemberData(nameof(GatedCatalog.All), MemberType = typeof(GatedCatalog))]
    public void Run_may_take_its_initial_states_from_the_outputs_it_writes(string model)
    {
        (GatedUnderTest rnn, _, Random random) = GatedCatalog.CreateLoaded(model);
        GatedShape shape = rnn.Shape;
        float[] inputs = RandomData.Signal(random, shape.InputsLength);
        var start = GatedState.Random(shape, random);
        int last = shape.Timesteps - 1;

        // The states sit where h_0 or a later row is written: they must be read first. An LSTM's cell state sits in
        // another row where there is one.
        foreach ((int hiddenRow, int cellRow) in new[] { (0, last), (last, 0) })
        {
            var outputs = new float[shape.OutputsLength];
            start.Cell.CopyTo(outputs, cellRow * shape.Output);
            start.Hidden.CopyTo(outputs, hiddenRow * shape.Output);
            Span<float> hidden = outputs.AsSpan(hiddenRow * shape.Output, shape.Output);
            Span<float> cell = outputs.AsSpan(cellRow * shape.Output, shape.CellLength);
            var placed = new GatedState(hidden.ToArray(), cell.ToArray());
            float[] expected = rnn.RunAll(inputs, placed);

            rnn.RunFrom(inputs, outputs, hidden, cell);

            FloatAssert.Identical(expected, outputs, shape.Output, $"{model}: Run with the initial hidden state in output row {hiddenRow}{(shape.IsLstm ? $" and the cell state in row {cellRow}" : "")}");
        }
    }
}
