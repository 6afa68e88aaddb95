using System;
using System.Reflection;
using RnnGen.Tests.Harness;
using RnnGen.Tests.Models;

namespace RnnGen.Tests;

/// <summary>
/// The generated members called directly, as user code calls them, on each declaration form (global namespace,
/// nested, generic, internal sealed). Named arguments and constant expressions pin the contract at compile time.
/// </summary>
public class DeclarationFormTests
{
    private const double Tolerance = 1e-4;

    [Theory]
    [MemberData(nameof(ModelCatalog.All), MemberType = typeof(ModelCatalog))]
    public void The_generated_constants_are_the_attribute_shape(string model)
    {
        RnnUnderTest rnn = ModelCatalog.Create(model);
        SimpleRnnAttribute attribute = rnn.Instance.GetType().GetCustomAttribute<SimpleRnnAttribute>()!;

        Assert.Equal((attribute.Timesteps, attribute.Input, attribute.Output), (rnn.Shape.Timesteps, rnn.Shape.Input, rnn.Shape.Output));
    }

    [Fact]
    public void A_class_in_the_global_namespace_works()
    {
        // The shape members are compile-time constants.
        const int OutputsLength = GlobalNamespaceRnn.Timesteps * GlobalNamespaceRnn.OutputSize;
        (float[] w, float[] u, float[] b, float[] inputs) = Data(nameof(GlobalNamespaceRnn), GlobalNamespaceRnn.Timesteps, GlobalNamespaceRnn.InputSize, GlobalNamespaceRnn.OutputSize);
        var model = new global::GlobalNamespaceRnn();
        model.LoadWeights(w: w, u: u, b: b);
        var outputs = new float[OutputsLength];

        model.Run(inputs: inputs, outputs: outputs);

        FloatAssert.Close(Reference.Run(RnnActivation.Linear, w, u, b, inputs), outputs, Tolerance, GlobalNamespaceRnn.OutputSize, "GlobalNamespaceRnn.Run");
    }

    [Fact]
    public void A_nested_class_works()
    {
        (float[] w, float[] u, float[] b, float[] inputs) = Data(nameof(Outer.Inner), Outer.Inner.Timesteps, Outer.Inner.InputSize, Outer.Inner.OutputSize);
        var model = new Outer.Inner();
        model.LoadKerasWeights(kernel: WeightSet.Transpose(w, Outer.Inner.OutputSize), recurrentKernel: WeightSet.Transpose(u, Outer.Inner.OutputSize), bias: b);
        var state = new float[Outer.Inner.OutputSize];

        model.RunLast(inputs: inputs, state: state);

        double[] expected = Reference.Run(RnnActivation.Relu, w, u, b, inputs);
        FloatAssert.Close(expected.AsSpan(^Outer.Inner.OutputSize..), state, Tolerance, Outer.Inner.OutputSize, "Outer.Inner.RunLast");
    }

    [Fact]
    public void A_generic_class_works_for_any_type_argument()
    {
        (float[] w, float[] u, float[] b, float[] inputs) = Data("GenericRnn", GenericRnn<int>.Timesteps, GenericRnn<int>.InputSize, GenericRnn<int>.OutputSize);
        float[] initialState = new float[GenericRnn<int>.OutputSize];
        Array.Fill(initialState, 0.5f);
        var ofInt = new GenericRnn<int>();
        var ofString = new GenericRnn<string>();
        ofInt.LoadWeights(w, u, b);
        ofString.LoadPyTorchWeights(weightIh: w, weightHh: u, biasIh: b, biasHh: new float[GenericRnn<string>.OutputSize]);
        var fromInt = new float[GenericRnn<int>.Timesteps * GenericRnn<int>.OutputSize];
        var fromString = new float[GenericRnn<string>.Timesteps * GenericRnn<string>.OutputSize];

        ofInt.Run(inputs: inputs, outputs: fromInt, initialState: initialState);
        ofString.Run(inputs, fromString, initialState);

        FloatAssert.Close(Reference.Run(RnnActivation.Tanh, w, u, b, inputs, initialState), fromInt, Tolerance, GenericRnn<int>.OutputSize, "GenericRnn<int>.Run");
        FloatAssert.Identical(fromInt, fromString, GenericRnn<int>.OutputSize, "GenericRnn<string> vs GenericRnn<int>");
    }

    [Fact]
    public void An_internal_sealed_class_works()
    {
        (float[] w, float[] u, float[] b, float[] inputs) = Data(nameof(InternalSealedRnn), InternalSealedRnn.Timesteps, InternalSealedRnn.InputSize, InternalSealedRnn.OutputSize);
        var model = new InternalSealedRnn();
        model.LoadWeights(w, u, b);
        var state = new float[InternalSealedRnn.OutputSize];
        var rows = new float[InternalSealedRnn.Timesteps * InternalSealedRnn.OutputSize];

        for (int t = 0; t < InternalSealedRnn.Timesteps; t++)
        {
            model.Step(input: inputs.AsSpan(t * InternalSealedRnn.InputSize, InternalSealedRnn.InputSize), state: state);
            state.CopyTo(rows, t * InternalSealedRnn.OutputSize);
        }

        var exportedW = new float[w.Length];
        var exportedU = new float[u.Length];
        var exportedB = new float[b.Length];
        model.ExportWeights(w: exportedW, u: exportedU, b: exportedB);
        FloatAssert.Close(Reference.Run(RnnActivation.Sigmoid, w, u, b, inputs), rows, Tolerance, InternalSealedRnn.OutputSize, "InternalSealedRnn.Step loop");
        FloatAssert.Identical(w, exportedW, InternalSealedRnn.InputSize, "InternalSealedRnn exported W");
        FloatAssert.Identical(u, exportedU, InternalSealedRnn.OutputSize, "InternalSealedRnn exported U");
        FloatAssert.Identical(b, exportedB, InternalSealedRnn.OutputSize, "InternalSealedRnn exported b");
    }

    private static (float[] W, float[] U, float[] B, float[] Inputs) Data(string name, int timesteps, int input, int output)
    {
        Random random = RandomData.For(name);
        WeightSet weights = WeightSet.Random(new RnnShape(name, timesteps, input, output, RnnActivation.Tanh, UseBias: true), random);
        return (weights.W, weights.U, weights.B, RandomData.Signal(random, timesteps * input));
    }
}
