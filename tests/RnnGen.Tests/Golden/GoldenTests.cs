using System;
using System.Linq;
using RnnGen.Tests.Harness;

namespace RnnGen.Tests.Golden;

/// <summary>The golden vectors of tests/data/golden, loaded in each of the three layouts, through every running member.</summary>
public class GoldenTests
{
    public enum Layout
    {
        Seed,
        Keras,
        PyTorch,
    }

    public static TheoryData<string> Cases => new(GoldenCase.All.Keys);

    public static TheoryData<string, Layout> CasesAndLayouts => CrossLayouts(_ => true);

    public static TheoryData<string, Layout> CasesWithInitialStateAndLayouts => CrossLayouts(c => c.HasInitialState);

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_model_declared_for_the_case_has_its_shape(string name)
    {
        GoldenCase golden = GoldenCase.All[name];
        RnnShape shape = ModelCatalog.CreateForGoldenCase(name).Shape;

        Assert.Equal(
            (golden.Timesteps, golden.Input, golden.Output, golden.Activation, golden.UseBias),
            (shape.Timesteps, shape.Input, shape.Output, shape.Activation, shape.UseBias));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_reference_reproduces_the_expected_outputs(string name)
    {
        // Checks the checker: the float64 reference here and the one that made the files agree.
        GoldenCase golden = GoldenCase.All[name];
        float[] w = golden.Tensor("W");
        float[] u = golden.Tensor("U");
        float[] b = golden.Tensor("b");
        float[] inputs = golden.Tensor("inputs");

        FloatAssert.Close(golden.Tensor("expected"), Array.ConvertAll(Reference.Run(golden.Activation, w, u, b, inputs), x => (float)x), 1e-6, golden.Output, $"{name}: reference");
        if (golden.HasInitialState)
        {
            double[] withState = Reference.Run(golden.Activation, w, u, b, inputs, golden.Tensor("initial_state"));
            FloatAssert.Close(golden.Tensor("expected_with_state"), Array.ConvertAll(withState, x => (float)x), 1e-6, golden.Output, $"{name}: reference from the initial state");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_layout_conversions_of_the_tests_agree_with_the_golden_files(string name)
    {
        GoldenCase golden = GoldenCase.All[name];
        var weights = new WeightSet(golden.Tensor("W"), golden.Tensor("U"), golden.Tensor("b"), golden.Tensor("torch_bias_ih"), golden.Tensor("torch_bias_hh"));

        FloatAssert.Identical(golden.Tensor("keras_kernel"), weights.KerasKernel, golden.Output, $"{name}: Wᵀ");
        FloatAssert.Identical(golden.Tensor("keras_recurrent_kernel"), weights.KerasRecurrentKernel, golden.Output, $"{name}: Uᵀ");
        float[] sum = weights.BiasIh.Zip(weights.BiasHh, (ih, hh) => ih + hh).ToArray();
        FloatAssert.Identical(weights.B, sum, golden.Output, $"{name}: bias_ih + bias_hh");
    }

    [Theory]
    [MemberData(nameof(CasesAndLayouts))]
    public void Run_matches_the_expected_outputs(string name, Layout layout)
    {
        (GoldenCase golden, RnnUnderTest rnn) = Loaded(name, layout);
        float[] outputs = rnn.RunAll(golden.Tensor("inputs"));

        FloatAssert.Close(golden.Tensor("expected"), outputs, golden.Tolerance, golden.Output, $"{name} ({layout} layout): Run");
    }

    [Theory]
    [MemberData(nameof(CasesWithInitialStateAndLayouts))]
    public void Run_from_the_initial_state_matches_the_expected_outputs(string name, Layout layout)
    {
        (GoldenCase golden, RnnUnderTest rnn) = Loaded(name, layout);
        float[] outputs = rnn.RunAll(golden.Tensor("inputs"), golden.Tensor("initial_state"));

        FloatAssert.Close(golden.Tensor("expected_with_state"), outputs, golden.Tolerance, golden.Output, $"{name} ({layout} layout): Run from the initial state");
    }

    [Theory]
    [MemberData(nameof(CasesAndLayouts))]
    public void RunLast_leaves_the_last_expected_row_in_state(string name, Layout layout)
    {
        (GoldenCase golden, RnnUnderTest rnn) = Loaded(name, layout);
        float[] inputs = golden.Tensor("inputs");
        int o = golden.Output;

        foreach ((float[] start, float[] expected) in Starts(golden))
        {
            float[] state = (float[])start.Clone();
            rnn.RunLast(inputs, state);
            FloatAssert.Close(expected.AsSpan(^o..), state, golden.Tolerance, o, $"{name} ({layout} layout): RunLast");
        }
    }

    [Theory]
    [MemberData(nameof(CasesAndLayouts))]
    public void A_loop_of_Step_matches_the_expected_rows(string name, Layout layout)
    {
        (GoldenCase golden, RnnUnderTest rnn) = Loaded(name, layout);
        float[] inputs = golden.Tensor("inputs");

        foreach ((float[] start, float[] expected) in Starts(golden))
        {
            float[] state = (float[])start.Clone();
            var rows = new float[golden.Timesteps * golden.Output];
            for (int t = 0; t < golden.Timesteps; t++)
            {
                rnn.Step(inputs.AsSpan(t * golden.Input, golden.Input), state);
                state.CopyTo(rows, t * golden.Output);
            }

            FloatAssert.Close(expected, rows, golden.Tolerance, golden.Output, $"{name} ({layout} layout): Step loop");
        }
    }

    /// <summary>The zero state with <c>expected</c>, and the initial state with <c>expected_with_state</c> where the case has one.</summary>
    private static (float[] Start, float[] Expected)[] Starts(GoldenCase golden)
        => golden.HasInitialState
            ? [(new float[golden.Output], golden.Tensor("expected")), (golden.Tensor("initial_state"), golden.Tensor("expected_with_state"))]
            : [(new float[golden.Output], golden.Tensor("expected"))];

    private static (GoldenCase Golden, RnnUnderTest Rnn) Loaded(string name, Layout layout)
    {
        GoldenCase golden = GoldenCase.All[name];
        RnnUnderTest rnn = ModelCatalog.CreateForGoldenCase(name);
        switch (layout)
        {
            case Layout.Seed:
                rnn.LoadWeights(golden.Tensor("W"), golden.Tensor("U"), golden.Tensor("b"));
                break;
            case Layout.Keras:
                rnn.LoadKerasWeights(golden.Tensor("keras_kernel"), golden.Tensor("keras_recurrent_kernel"), golden.Tensor("keras_bias"));
                break;
            case Layout.PyTorch:
                rnn.LoadPyTorchWeights(golden.Tensor("torch_weight_ih"), golden.Tensor("torch_weight_hh"), golden.Tensor("torch_bias_ih"), golden.Tensor("torch_bias_hh"));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(layout), layout, null);
        }

        return (golden, rnn);
    }

    private static TheoryData<string, Layout> CrossLayouts(Func<GoldenCase, bool> filter)
    {
        var data = new TheoryData<string, Layout>();
        foreach (GoldenCase golden in GoldenCase.All.Values.Where(filter))
        {
            foreach (Layout layout in Enum.GetValues<Layout>())
            {
                data.Add(golden.Name, layout);
            }
        }

        return data;
    }
}
