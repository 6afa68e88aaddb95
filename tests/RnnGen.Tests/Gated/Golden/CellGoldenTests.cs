using System;
using System.Linq;
using RnnGen.Tests.Gated.Harness;
using RnnGen.Tests.Harness;

namespace RnnGen.Tests.Gated.Golden;

/// <summary>
/// The gated golden vectors of tests/data/golden/cells, loaded in every layout each case has, through every running
/// member. Each case runs on the class cases.tsv names for it; a new case needs only that class.
/// </summary>
public class CellGoldenTests
{
    /// <summary>The reference against the stored float32 values: their rounding, and no more.</summary>
    private const double ReferenceTolerance = 1e-6;

    public static TheoryData<string> Cases => new(CellGoldenCase.All.Keys);

    public static TheoryData<string> CasesWithPyTorchLayout => new(CellGoldenCase.All.Values.Where(c => c.HasPyTorchLayout).Select(c => c.Name));

    public static TheoryData<string, GatedLayout> CasesAndLayouts => CrossLayouts(_ => true);

    public static TheoryData<string, GatedLayout> CasesWithInitialStateAndLayouts => CrossLayouts(c => c.HasInitialState);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_case_has_a_model_class_declared_with_its_shape(string name)
    {
        CellGoldenCase golden = CellGoldenCase.All[name];
        GatedUnderTest rnn = Model(golden);

        Assert.Equal(golden.Shape with { Name = rnn.Shape.Name }, rnn.Shape);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_reference_reproduces_the_expected_values(string name)
    {
        // Checks the checker: the float64 reference here and the one that made the files agree.
        CellGoldenCase golden = CellGoldenCase.All[name];
        GatedShape shape = golden.Shape;
        float[] inputs = golden.Tensor("inputs");
        int o = golden.Output;

        ReferenceTrace fromZero = GatedReference.Run(shape, golden.Keras, inputs);
        AssertClose(golden.Tensor("expected"), fromZero.Hidden, o, $"{name}: reference h_t");
        if (golden.Cell == GatedCell.Lstm)
        {
            AssertClose(golden.Tensor("expected_cell"), fromZero.Cell, o, $"{name}: reference c_t");
        }

        ReferenceTrace twice = GatedReference.Run(shape, golden.Keras, [.. inputs, .. inputs]);
        AssertClose(golden.Tensor("expected_twice_hidden"), twice.LastHidden, o, $"{name}: reference hidden state after the inputs twice");
        if (golden.Cell == GatedCell.Lstm)
        {
            AssertClose(golden.Tensor("expected_twice_cell"), twice.LastCell, o, $"{name}: reference cell state after the inputs twice");
        }

        if (golden.HasInitialState)
        {
            GatedState start = golden.InitialState;
            ReferenceTrace fromState = GatedReference.Run(shape, golden.Keras, inputs, start.Hidden, start.Cell);
            AssertClose(golden.Tensor("expected_with_state"), fromState.Hidden, o, $"{name}: reference h_t from the initial states");
            if (golden.Cell == GatedCell.Lstm)
            {
                AssertClose(golden.Tensor("expected_cell_with_state"), fromState.Cell, o, $"{name}: reference c_t from the initial states");
            }
        }
    }

    [Theory]
    [MemberData(nameof(CasesWithPyTorchLayout))]
    public void The_PyTorch_tensors_are_the_Keras_tensors_in_PyTorch_order(string name)
    {
        // Checks the tests' own layout conversion against the files.
        CellGoldenCase golden = CellGoldenCase.All[name];
        GatedShape shape = golden.Shape;
        PyTorchTensors expected = golden.PyTorch!;
        PyTorchTensors converted = GatedWeights.FromKeras(shape, golden.Keras).PyTorch;

        FloatAssert.Identical(expected.WeightIh, converted.WeightIh, shape.Input, $"{name}: weight_ih");
        FloatAssert.Identical(expected.WeightHh, converted.WeightHh, shape.Output, $"{name}: weight_hh");
        if (shape.IsLstm)
        {
            // Keras has one LSTM bias: the sum of PyTorch's two, rounded once to float32.
            float[] sum = [.. expected.BiasIh.Zip(expected.BiasHh, (ih, hh) => ih + hh)];
            FloatAssert.Close(golden.Keras.Bias, sum, ReferenceTolerance, shape.Output, $"{name}: bias_ih + bias_hh vs the Keras bias");
        }
        else
        {
            FloatAssert.Identical(expected.BiasIh, converted.BiasIh, shape.Output, $"{name}: bias_ih");
            FloatAssert.Identical(expected.BiasHh, converted.BiasHh, shape.Output, $"{name}: bias_hh");
        }
    }

    [Theory]
    [MemberData(nameof(CasesAndLayouts))]
    public void Run_matches_the_expected_outputs(string name, GatedLayout layout)
    {
        (CellGoldenCase golden, GatedUnderTest rnn) = Loaded(name, layout);
        float[] outputs = rnn.RunAll(golden.Tensor("inputs"));

        FloatAssert.Close(golden.Tensor("expected"), outputs, golden.Tolerance, golden.Output, $"{name} ({layout}): Run");
    }

    [Theory]
    [MemberData(nameof(CasesWithInitialStateAndLayouts))]
    public void Run_from_the_initial_states_matches_the_expected_outputs(string name, GatedLayout layout)
    {
        (CellGoldenCase golden, GatedUnderTest rnn) = Loaded(name, layout);
        float[] outputs = rnn.RunAll(golden.Tensor("inputs"), golden.InitialState);

        FloatAssert.Close(golden.Tensor("expected_with_state"), outputs, golden.Tolerance, golden.Output, $"{name} ({layout}): Run from the initial states");
    }

    [Theory]
    [MemberData(nameof(CasesAndLayouts))]
    public void RunLast_twice_leaves_the_expected_states(string name, GatedLayout layout)
    {
        (CellGoldenCase golden, GatedUnderTest rnn) = Loaded(name, layout);
        float[] inputs = golden.Tensor("inputs");
        var state = GatedState.Zero(rnn.Shape);

        rnn.RunLast(inputs, state.Hidden, state.Cell);
        rnn.RunLast(inputs, state.Hidden, state.Cell);

        FloatAssert.Close(golden.Tensor("expected_twice_hidden"), state.Hidden, golden.Tolerance, golden.Output, $"{name} ({layout}): hidden state after RunLast twice");
        if (golden.Cell == GatedCell.Lstm)
        {
            FloatAssert.Close(golden.Tensor("expected_twice_cell"), state.Cell, golden.Tolerance, golden.Output, $"{name} ({layout}): cell state after RunLast twice");
        }
    }

    [Theory]
    [MemberData(nameof(CasesAndLayouts))]
    public void RunLast_leaves_the_last_expected_states(string name, GatedLayout layout)
    {
        (CellGoldenCase golden, GatedUnderTest rnn) = Loaded(name, layout);
        float[] inputs = golden.Tensor("inputs");
        int o = golden.Output;

        foreach ((string from, GatedState start, string hidden, string cell) in Starts(golden))
        {
            GatedState last = rnn.RunLastFrom(inputs, start);

            FloatAssert.Close(golden.Tensor(hidden).AsSpan(^o..), last.Hidden, golden.Tolerance, o, $"{name} ({layout}): RunLast's hidden state from {from}");
            if (golden.Cell == GatedCell.Lstm)
            {
                FloatAssert.Close(golden.Tensor(cell).AsSpan(^o..), last.Cell, golden.Tolerance, o, $"{name} ({layout}): RunLast's cell state from {from}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(CasesAndLayouts))]
    public void A_loop_of_Step_matches_the_expected_rows(string name, GatedLayout layout)
    {
        (CellGoldenCase golden, GatedUnderTest rnn) = Loaded(name, layout);
        float[] inputs = golden.Tensor("inputs");
        int o = golden.Output;

        foreach ((string from, GatedState start, string hidden, string cell) in Starts(golden))
        {
            GatedState state = start.Copy();
            var rows = new float[golden.Timesteps * o];
            for (int t = 0; t < golden.Timesteps; t++)
            {
                rnn.Step(inputs.AsSpan(t * golden.Input, golden.Input), state.Hidden, state.Cell);
                state.Hidden.CopyTo(rows, t * o);
            }

            FloatAssert.Close(golden.Tensor(hidden), rows, golden.Tolerance, o, $"{name} ({layout}): Step loop from {from}");
            if (golden.Cell == GatedCell.Lstm)
            {
                FloatAssert.Close(golden.Tensor(cell).AsSpan(^o..), state.Cell, golden.Tolerance, o, $"{name} ({layout}): cell state after the Step loop from {from}");
            }
        }
    }

    /// <summary>The zero states with the expected tensors, and the initial states with theirs where the case has them.</summary>
    private static (string From, GatedState Start, string Hidden, string Cell)[] Starts(CellGoldenCase golden)
    {
        var zero = ("zero states", GatedState.Zero(golden.Shape), "expected", "expected_cell");
        return golden.HasInitialState ? [zero, ("the initial states", golden.InitialState, "expected_with_state", "expected_cell_with_state")] : [zero];
    }

    /// <summary>A new instance of the class cases.tsv names for the case; fails saying what to declare when there is none.</summary>
    private static GatedUnderTest Model(CellGoldenCase golden)
    {
        Assert.True(golden.ClassName is not null, $"tests/data/golden/cells/cases.tsv names no class for the golden case '{golden.Name}'.");
        Type? type = GatedCatalog.Find(golden.ClassName);
        Assert.True(
            type is not null,
            $"The golden case '{golden.Name}' runs on the class '{golden.ClassName}', which is not declared: add\n    {golden.Declaration}\nto tests/RnnGen.Tests/Gated/Models/GoldenCellShapes.cs.");
        return GatedUnderTest.Create(type);
    }

    private static (CellGoldenCase Golden, GatedUnderTest Rnn) Loaded(string name, GatedLayout layout)
    {
        CellGoldenCase golden = CellGoldenCase.All[name];
        GatedUnderTest rnn = Model(golden);
        GatedLoader.Load(rnn, layout, golden.Keras, GatedLoader.IsPyTorch(layout) ? golden.PyTorch : null);
        return (golden, rnn);
    }

    private static void AssertClose(float[] expected, ReadOnlySpan<double> reference, int rowLength, string what)
        => FloatAssert.Close(reference, expected, ReferenceTolerance, rowLength, what);

    private static TheoryData<string, GatedLayout> CrossLayouts(Func<CellGoldenCase, bool> filter)
    {
        var data = new TheoryData<string, GatedLayout>();
        foreach (CellGoldenCase golden in CellGoldenCase.All.Values.Where(filter))
        {
            foreach (GatedLayout layout in GatedLoader.Layouts(golden.Shape).Where(layout => golden.HasPyTorchLayout || !GatedLoader.IsPyTorch(layout)))
            {
                data.Add(golden.Name, layout);
            }
        }

        return data;
    }
}
