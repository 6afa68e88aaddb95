using System;
using System.IO;
using RnnGen.Tests.BadInput;
using RnnGen.Tests.Gated.Harness;
using RnnGen.Tests.Harness;

namespace RnnGen.Tests.Gated.BadInput;

/// <summary>
/// Gated layers declared with <c>UseBias = false</c>: every load accepts only zero biases (or, from a file, none),
/// and ExportKerasWeights writes zeros. Layers with a bias refuse files that leave it out.
/// </summary>
public class GatedBiasFreeLayerTests
{
    [Theory]
    [MemberData(nameof(GatedCatalog.WithoutBias), MemberType = typeof(GatedCatalog))]
    public void Every_load_rejects_a_non_zero_bias(string model)
    {
        (GatedUnderTest rnn, GatedWeights loaded, Random random) = GatedCatalog.CreateLoaded(model);
        KerasTensors kept = loaded.Keras;
        var replacement = GatedWeights.Random(rnn.Shape, random);
        var loads = rnn.Shape.HasPyTorchLayout ? new[] { ("LoadKerasWeights", new[] { 2 }), ("LoadPyTorchWeights", [2, 3]) } : [("LoadKerasWeights", [2])];
        foreach ((string loadName, int[] biasParameters) in loads)
        {
            GatedMember load = GatedMember.For(loadName, rnn.Shape, replacement, random);
            foreach (int p in biasParameters)
            {
                // The first and the last element; for a GRU with ResetAfter, one in each Keras bias row.
                int length = load.ValidArguments()[p].Length;
                foreach (int index in new[] { 0, length - 1 })
                {
                    float[][] arguments = load.ValidArguments();
                    arguments[p][index] = 0.25f;
                    string context = $"{model}.{loadName}: 0.25 at index {index} of '{load.Parameters[p]}' on a layer without bias";

                    ArgumentException exception = ArgumentAssert.Rejects(() => load.Invoke(rnn, arguments), load.Parameters[p], context, index);

                    Assert.Contains("UseBias = false", exception.Message, StringComparison.Ordinal);
                    rnn.AssertHolds(kept, $"after {context}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(GatedCatalog.WithoutBias), MemberType = typeof(GatedCatalog))]
    public void Every_load_accepts_zero_biases(string model)
    {
        (GatedUnderTest rnn, _, Random random) = GatedCatalog.CreateLoaded(model);
        var replacement = GatedWeights.Random(rnn.Shape, random);
        Assert.All(replacement.KerasBias, b => Assert.Equal(0f, b));

        foreach (GatedLayout layout in GatedLoader.Layouts(rnn.Shape))
        {
            GatedLoader.Load(rnn, layout, replacement);
            rnn.AssertHolds(replacement.Keras, $"after {layout} with zero biases");
        }
    }

    [Theory]
    [MemberData(nameof(GatedCatalog.WithoutBias), MemberType = typeof(GatedCatalog))]
    public void ExportKerasWeights_writes_zeros_to_the_bias(string model)
    {
        (GatedUnderTest rnn, GatedWeights loaded, _) = GatedCatalog.CreateLoaded(model);
        KerasTensors exported = KerasTensors.Filled(rnn.Shape, GatedMember.Sentinel);

        rnn.ExportKerasWeights(exported.Kernel, exported.RecurrentKernel, exported.Bias);

        FloatAssert.Identical(new float[rnn.Shape.KerasBiasLength], exported.Bias, rnn.Shape.GateRows, $"{model}: exported bias");
        FloatAssert.Identical(loaded.KerasKernel, exported.Kernel, rnn.Shape.GateRows, $"{model}: exported kernel");
        FloatAssert.Identical(loaded.KerasRecurrentKernel, exported.RecurrentKernel, rnn.Shape.GateRows, $"{model}: exported recurrent kernel");
    }

    [Theory]
    [MemberData(nameof(GatedCatalog.WithoutBias), MemberType = typeof(GatedCatalog))]
    public void Weight_files_may_leave_the_bias_out(string model)
    {
        (GatedUnderTest rnn, _, Random random) = GatedCatalog.CreateLoaded(model);
        var replacement = GatedWeights.Random(rnn.Shape, random);

        foreach (bool named in new[] { true, false })
        {
            rnn.LoadKerasNpz(new MemoryStream(GatedFiles.KerasNpz(rnn.Shape, replacement.Keras, named, withBias: false)));
            rnn.AssertHolds(replacement.Keras, $"after an npz without bias ({(named ? "named" : "unnamed")} arrays)");
            replacement = GatedWeights.Random(rnn.Shape, random);
        }

        if (rnn.Shape.HasPyTorchLayout)
        {
            rnn.LoadPyTorchSafetensors!(new MemoryStream(GatedFiles.PyTorchSafetensors(rnn.Shape, replacement.PyTorch, withBias: false)), GatedFiles.Prefix);
            rnn.AssertHolds(replacement.Keras, "after a safetensors file without biases");
        }
    }

    [Theory]
    [MemberData(nameof(GatedCatalog.WithoutBias), MemberType = typeof(GatedCatalog))]
    public void Weight_files_with_a_non_zero_bias_are_refused_naming_the_tensor(string model)
    {
        (GatedUnderTest rnn, GatedWeights loaded, Random random) = GatedCatalog.CreateLoaded(model);
        KerasTensors kept = loaded.Keras;
        var replacement = GatedWeights.Random(rnn.Shape, random);
        int last = rnn.Shape.KerasBiasLength - 1;

        KerasTensors keras = replacement.Keras;
        keras.Bias[last] = -0.5f;
        ArgumentAssert.Rejects(() => rnn.LoadKerasNpz(new MemoryStream(GatedFiles.KerasNpz(rnn.Shape, keras))), "bias", $"{model}.LoadKerasNpz: -0.5 at index {last} of 'bias'", last);
        rnn.AssertHolds(kept, "after an npz with a non-zero bias");

        if (rnn.Shape.HasPyTorchLayout)
        {
            PyTorchTensors torch = replacement.PyTorch;
            torch.BiasHh[0] = 0.5f;
            string name = GatedFiles.Prefix + "bias_hh_l0";
            ArgumentAssert.Rejects(() => rnn.LoadPyTorchSafetensors!(new MemoryStream(GatedFiles.PyTorchSafetensors(rnn.Shape, torch)), GatedFiles.Prefix), name, $"{model}.LoadPyTorchSafetensors: 0.5 at index 0 of '{name}'", 0);
            rnn.AssertHolds(kept, "after a safetensors file with a non-zero bias");
        }
    }

    [Theory]
    [MemberData(nameof(GatedCatalog.WithBias), MemberType = typeof(GatedCatalog))]
    public void Weight_files_without_the_bias_are_refused_for_a_layer_with_bias(string model)
    {
        (GatedUnderTest rnn, GatedWeights loaded, Random random) = GatedCatalog.CreateLoaded(model);
        KerasTensors kept = loaded.Keras;
        var replacement = GatedWeights.Random(rnn.Shape, random);

        ArgumentException npz = Assert.ThrowsAny<ArgumentException>(() => rnn.LoadKerasNpz(new MemoryStream(GatedFiles.KerasNpz(rnn.Shape, replacement.Keras, withBias: false))));
        Assert.Contains("no tensor 'bias'", npz.Message, StringComparison.Ordinal);
        Assert.Contains("UseBias = false", npz.Message, StringComparison.Ordinal);
        rnn.AssertHolds(kept, "after an npz without bias");

        if (rnn.Shape.HasPyTorchLayout)
        {
            ArgumentException safetensors = Assert.ThrowsAny<ArgumentException>(() => rnn.LoadPyTorchSafetensors!(new MemoryStream(GatedFiles.PyTorchSafetensors(rnn.Shape, replacement.PyTorch, withBias: false)), GatedFiles.Prefix));
            Assert.Contains($"no tensor '{GatedFiles.Prefix}bias_ih_l0'", safetensors.Message, StringComparison.Ordinal);
            rnn.AssertHolds(kept, "after a safetensors file without biases");
        }
    }
}
