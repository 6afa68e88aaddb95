using System;
using RnnGen.Tests.Gated.Harness;
using RnnGen.Tests.Harness;

namespace RnnGen.Tests.Gated;

/// <summary>Every load layout, ExportKerasWeights, and the all-zero weights of a new instance.</summary>
public class GatedWeightLoadingTests
{
    public static TheoryData<string, GatedLayout> ModelsAndLayouts => GatedLoader.ModelsAndLayouts(_ => true);

    [Theory]
    [MemberData(nameof(ModelsAndLayouts))]
    public void Every_layout_exports_exactly_the_Keras_tensors_of_the_layer(string model, GatedLayout layout)
    {
        GatedUnderTest rnn = GatedCatalog.Create(model);
        var weights = GatedWeights.Random(rnn.Shape, RandomData.For(model));

        GatedLoader.Load(rnn, layout, weights);

        rnn.AssertHolds(weights.Keras, $"after loading through {layout}");
    }

    [Theory]
    [MemberData(nameof(ModelsAndLayouts))]
    public void Every_layout_gives_the_outputs_of_the_Keras_load_bit_for_bit(string model, GatedLayout layout)
    {
        (GatedUnderTest keras, GatedWeights weights, Random random) = GatedCatalog.CreateLoaded(model);
        GatedUnderTest other = GatedCatalog.Create(model);
        GatedLoader.Load(other, layout, weights);
        GatedShape shape = keras.Shape;
        float[] inputs = RandomData.Signal(random, shape.InputsLength);
        var start = GatedState.Random(shape, random);

        FloatAssert.Identical(keras.RunAll(inputs), other.RunAll(inputs), shape.Output, $"{model}: Run after {layout} vs LoadKerasWeights");
        FloatAssert.Identical(keras.RunAll(inputs, start), other.RunAll(inputs, start), shape.Output, $"{model}: Run from states after {layout} vs LoadKerasWeights");
        GatedState expected = keras.RunLastFrom(inputs, start);
        GatedState actual = other.RunLastFrom(inputs, start);
        FloatAssert.Identical(expected.Hidden, actual.Hidden, shape.Output, $"{model}: RunLast's hidden state after {layout} vs LoadKerasWeights");
        FloatAssert.Identical(expected.Cell, actual.Cell, shape.Output, $"{model}: RunLast's cell state after {layout} vs LoadKerasWeights");
    }

    [Theory]
    [MemberData(nameof(GatedCatalog.All), MemberType = typeof(GatedCatalog))]
    public void Exported_weights_load_back_to_the_same_layer(string model)
    {
        // Loaded from PyTorch where the layer has that layout, so that the round trip crosses both layouts.
        GatedUnderTest original = GatedCatalog.Create(model);
        Random random = RandomData.For(model);
        var weights = GatedWeights.Random(original.Shape, random);
        GatedLoader.Load(original, original.Shape.HasPyTorchLayout ? GatedLayout.PyTorch : GatedLayout.Keras, weights);
        KerasTensors exported = original.Export();

        GatedUnderTest copy = GatedCatalog.Create(model);
        copy.Load(exported);

        copy.AssertHolds(exported, "after loading what ExportKerasWeights returned");
        float[] inputs = RandomData.Signal(random, original.Shape.InputsLength);
        var start = GatedState.Random(original.Shape, random);
        FloatAssert.Identical(original.RunAll(inputs), copy.RunAll(inputs), original.Shape.Output, $"{model}: Run of the exported copy vs the original");
        FloatAssert.Identical(original.RunAll(inputs, start), copy.RunAll(inputs, start), original.Shape.Output, $"{model}: Run from states of the exported copy vs the original");
    }

    [Theory]
    [MemberData(nameof(GatedCatalog.All), MemberType = typeof(GatedCatalog))]
    public void Loading_again_replaces_the_previous_weights_entirely(string model)
    {
        (GatedUnderTest reloaded, _, Random random) = GatedCatalog.CreateLoaded(model);
        var second = GatedWeights.Random(reloaded.Shape, random);
        reloaded.Load(second);
        GatedUnderTest fresh = GatedCatalog.Create(model);
        fresh.Load(second);
        float[] inputs = RandomData.Signal(random, reloaded.Shape.InputsLength);

        reloaded.AssertHolds(second.Keras, "after a second LoadKerasWeights");
        FloatAssert.Identical(fresh.RunAll(inputs), reloaded.RunAll(inputs), reloaded.Shape.Output, $"{model}: Run after a second load vs a single load");
    }

    [Theory]
    [MemberData(nameof(GatedCatalog.All), MemberType = typeof(GatedCatalog))]
    public void A_new_instance_exports_all_zero_weights(string model)
    {
        GatedUnderTest rnn = GatedCatalog.Create(model);

        rnn.AssertHolds(KerasTensors.Zero(rnn.Shape), "of a new instance");
    }

    [Theory]
    [MemberData(nameof(GatedCatalog.All), MemberType = typeof(GatedCatalog))]
    public void A_new_instance_runs_as_the_reference_with_zero_weights(string model)
    {
        // With zero weights every gate and candidate sees only zero, so each step mixes the state with act(0) by the
        // fixed gate values σ(0); the reference says where that leads from any start.
        GatedUnderTest rnn = GatedCatalog.Create(model);
        GatedShape shape = rnn.Shape;
        Random random = RandomData.For(model);
        float[] inputs = RandomData.Signal(random, shape.InputsLength);
        var start = GatedState.Random(shape, random);
        KerasTensors zero = KerasTensors.Zero(shape);
        const double Tolerance = 1e-4;

        FloatAssert.Close(GatedReference.Run(shape, zero, inputs).Hidden, rnn.RunAll(inputs), Tolerance, shape.Output, $"{model}: Run of a new instance");
        ReferenceTrace fromStart = GatedReference.Run(shape, zero, inputs, start.Hidden, start.Cell);
        FloatAssert.Close(fromStart.Hidden, rnn.RunAll(inputs, start), Tolerance, shape.Output, $"{model}: Run from states of a new instance");
        GatedState last = rnn.RunLastFrom(inputs, start);
        FloatAssert.Close(fromStart.LastHidden, last.Hidden, Tolerance, shape.Output, $"{model}: RunLast's hidden state of a new instance");
        FloatAssert.Close(fromStart.LastCell, last.Cell, Tolerance, shape.Output, $"{model}: RunLast's cell state of a new instance");
        GatedState stepped = start.Copy();
        rnn.Step(inputs.AsSpan(0, shape.Input), stepped.Hidden, stepped.Cell);
        ReferenceTrace oneStep = GatedReference.Run(shape, zero, inputs.AsSpan(0, shape.Input), start.Hidden, start.Cell);
        FloatAssert.Close(oneStep.LastHidden, stepped.Hidden, Tolerance, shape.Output, $"{model}: Step's hidden state of a new instance");
        FloatAssert.Close(oneStep.LastCell, stepped.Cell, Tolerance, shape.Output, $"{model}: Step's cell state of a new instance");
    }

    [Theory]
    [MemberData(nameof(GatedCatalog.All), MemberType = typeof(GatedCatalog))]
    public void The_PyTorch_loaders_exist_exactly_where_the_layer_has_a_PyTorch_layout(string model)
    {
        GatedUnderTest rnn = GatedCatalog.Create(model);
        bool expected = rnn.Shape.HasPyTorchLayout;

        Assert.True(expected == (rnn.LoadPyTorchWeights is not null), $"{model}: LoadPyTorchWeights should {(expected ? "" : "not ")}exist.");
        Assert.True(expected == (rnn.LoadPyTorchSafetensors is not null), $"{model}: LoadPyTorchSafetensors(Stream, string) should {(expected ? "" : "not ")}exist.");
        Assert.True(expected == (rnn.LoadPyTorchSafetensorsFile is not null), $"{model}: LoadPyTorchSafetensors(string, string) should {(expected ? "" : "not ")}exist.");
    }
}
