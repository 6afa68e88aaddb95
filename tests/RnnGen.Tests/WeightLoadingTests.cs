using System;
using RnnGen.Tests.Harness;

namespace RnnGen.Tests;

/// <summary>The three load layouts, ExportWeights, and the all-zero weights of a new instance.</summary>
public class WeightLoadingTests
{
    [Theory]
    [MemberData(nameof(ModelCatalog.All), MemberType = typeof(ModelCatalog))]
    public void Seed_Keras_and_PyTorch_layouts_give_identical_outputs(string model)
    {
        (RnnUnderTest seed, WeightSet weights, Random random) = ModelCatalog.CreateLoaded(model);
        float[] inputs = RandomData.Signal(random, seed.Shape.InputsLength);
        float[] initialState = RandomData.Signal(random, seed.Shape.Output);

        RnnUnderTest keras = ModelCatalog.Create(model);
        keras.LoadKerasWeights(weights.KerasKernel, weights.KerasRecurrentKernel, weights.B);
        RnnUnderTest pyTorch = ModelCatalog.Create(model);
        pyTorch.LoadPyTorchWeights(weights.W, weights.U, weights.BiasIh, weights.BiasHh);

        int o = seed.Shape.Output;
        FloatAssert.Identical(seed.RunAll(inputs), keras.RunAll(inputs), o, $"{model}: Run after LoadKerasWeights vs LoadWeights");
        FloatAssert.Identical(seed.RunAll(inputs), pyTorch.RunAll(inputs), o, $"{model}: Run after LoadPyTorchWeights vs LoadWeights");
        FloatAssert.Identical(seed.RunAll(inputs, initialState), keras.RunAll(inputs, initialState), o, $"{model}: Run from a state after LoadKerasWeights vs LoadWeights");
        FloatAssert.Identical(seed.RunAll(inputs, initialState), pyTorch.RunAll(inputs, initialState), o, $"{model}: Run from a state after LoadPyTorchWeights vs LoadWeights");
    }

    [Theory]
    [MemberData(nameof(ModelCatalog.All), MemberType = typeof(ModelCatalog))]
    public void ExportWeights_returns_exactly_what_each_layout_loaded(string model)
    {
        (RnnUnderTest rnn, WeightSet weights, _) = ModelCatalog.CreateLoaded(model);
        rnn.AssertHolds(weights, "after LoadWeights");

        RnnUnderTest keras = ModelCatalog.Create(model);
        keras.LoadKerasWeights(weights.KerasKernel, weights.KerasRecurrentKernel, weights.B);
        keras.AssertHolds(weights, "after LoadKerasWeights (kernel = Wᵀ, recurrent kernel = Uᵀ)");

        RnnUnderTest pyTorch = ModelCatalog.Create(model);
        pyTorch.LoadPyTorchWeights(weights.W, weights.U, weights.BiasIh, weights.BiasHh);
        pyTorch.AssertHolds(weights, "after LoadPyTorchWeights (b = bias_ih + bias_hh)");
    }

    [Theory]
    [MemberData(nameof(ModelCatalog.All), MemberType = typeof(ModelCatalog))]
    public void Loading_again_replaces_the_previous_weights_entirely(string model)
    {
        (RnnUnderTest reloaded, _, Random random) = ModelCatalog.CreateLoaded(model);
        var second = WeightSet.Random(reloaded.Shape, random);
        reloaded.Load(second);
        RnnUnderTest fresh = ModelCatalog.Create(model);
        fresh.Load(second);
        float[] inputs = RandomData.Signal(random, reloaded.Shape.InputsLength);

        reloaded.AssertHolds(second, "after a second LoadWeights");
        FloatAssert.Identical(fresh.RunAll(inputs), reloaded.RunAll(inputs), reloaded.Shape.Output, $"{model}: Run after a second load vs a single load");
    }

    [Theory]
    [MemberData(nameof(ModelCatalog.All), MemberType = typeof(ModelCatalog))]
    public void A_new_instance_exports_all_zero_weights(string model)
    {
        RnnUnderTest rnn = ModelCatalog.Create(model);
        RnnShape shape = rnn.Shape;
        var zeros = new WeightSet(new float[shape.WLength], new float[shape.ULength], new float[shape.Output], new float[shape.Output], new float[shape.Output]);

        rnn.AssertHolds(zeros, "of a new instance");
    }

    [Theory]
    [MemberData(nameof(ModelCatalog.All), MemberType = typeof(ModelCatalog))]
    public void A_new_instance_outputs_the_activation_of_zero_everywhere(string model)
    {
        RnnUnderTest rnn = ModelCatalog.Create(model);
        RnnShape shape = rnn.Shape;
        Random random = RandomData.For(model);
        float[] inputs = RandomData.Signal(random, shape.InputsLength);
        float[] initialState = RandomData.Signal(random, shape.Output);
        float actOfZero = (float)Reference.Activate(shape.Activation, 0);
        var expectedRows = new double[shape.OutputsLength];
        Array.Fill(expectedRows, actOfZero);
        var expectedState = new double[shape.Output];
        Array.Fill(expectedState, actOfZero);

        // With W = U = 0 and b = 0 every state is act(0), whatever the inputs and the initial state.
        const double Tolerance = 1e-4;
        FloatAssert.Close(expectedRows, rnn.RunAll(inputs), Tolerance, shape.Output, $"{model}: Run of a new instance");
        FloatAssert.Close(expectedRows, rnn.RunAll(inputs, initialState), Tolerance, shape.Output, $"{model}: Run from a state of a new instance");
        float[] state = (float[])initialState.Clone();
        rnn.RunLast(inputs, state);
        FloatAssert.Close(expectedState, state, Tolerance, shape.Output, $"{model}: RunLast of a new instance");
        state = (float[])initialState.Clone();
        rnn.Step(inputs.AsSpan(0, shape.Input), state);
        FloatAssert.Close(expectedState, state, Tolerance, shape.Output, $"{model}: Step of a new instance");
    }
}
