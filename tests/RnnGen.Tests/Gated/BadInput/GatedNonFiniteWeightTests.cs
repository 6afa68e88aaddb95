using System;
using System.Globalization;
using System.IO;
using System.Linq;
using RnnGen.Tests.BadInput;
using RnnGen.Tests.Gated.Harness;
using RnnGen.Tests.Harness;

namespace RnnGen.Tests.Gated.BadInput;

/// <summary>
/// NaN and ±infinity at several places of each tensor of each load, from spans and from files: an
/// ArgumentException naming the tensor and the flat index, and the weights loaded before unchanged.
/// </summary>
public class GatedNonFiniteWeightTests
{
    private static readonly float[] NonFinite = [float.NaN, float.PositiveInfinity, float.NegativeInfinity];

    [Theory]
    [MemberData(nameof(GatedCatalog.All), MemberType = typeof(GatedCatalog))]
    public void LoadKerasWeights_rejects_non_finite_values(string model) => AssertRejectsNonFiniteValues(model, "LoadKerasWeights");

    [Theory]
    [MemberData(nameof(GatedCatalog.WithPyTorchLayout), MemberType = typeof(GatedCatalog))]
    public void LoadPyTorchWeights_rejects_non_finite_values(string model) => AssertRejectsNonFiniteValues(model, "LoadPyTorchWeights");

    [Theory]
    [MemberData(nameof(GatedCatalog.All), MemberType = typeof(GatedCatalog))]
    public void LoadKerasNpz_rejects_non_finite_values_naming_the_array(string model)
    {
        (GatedUnderTest rnn, GatedWeights loaded, Random random) = GatedCatalog.CreateLoaded(model);
        KerasTensors kept = loaded.Keras;
        var replacement = GatedWeights.Random(rnn.Shape, random);
        string[] names = ["kernel", "recurrent_kernel", "bias"];
        for (int p = 0; p < names.Length; p++)
        {
            foreach ((int index, float bad) in Places(replacement.Keras, p))
            {
                KerasTensors keras = replacement.Keras;
                Tensor(keras, p)[index] = bad;
                byte[] file = GatedFiles.KerasNpz(rnn.Shape, keras);
                string context = $"{model}.LoadKerasNpz: {bad} at flat index {index} of '{names[p]}'";

                ArgumentException exception = ArgumentAssert.Rejects(() => rnn.LoadKerasNpz(new MemoryStream(file)), names[p], context, index);

                Assert.Contains($"'{names[p]}' holds {bad.ToString(CultureInfo.InvariantCulture)} at flat index {index}", exception.Message, StringComparison.Ordinal);
                rnn.AssertHolds(kept, $"after {context}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(GatedCatalog.WithPyTorchLayout), MemberType = typeof(GatedCatalog))]
    public void LoadPyTorchSafetensors_rejects_non_finite_values_naming_the_tensor(string model)
    {
        (GatedUnderTest rnn, GatedWeights loaded, Random random) = GatedCatalog.CreateLoaded(model);
        KerasTensors kept = loaded.Keras;
        var replacement = GatedWeights.Random(rnn.Shape, random);
        string[] names = [.. new[] { "weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0" }.Select(name => GatedFiles.Prefix + name)];
        for (int p = 0; p < names.Length; p++)
        {
            PyTorchTensors sample = replacement.PyTorch;
            foreach ((int index, float bad) in Places(Tensor(sample, p).Length, p))
            {
                PyTorchTensors torch = replacement.PyTorch;
                Tensor(torch, p)[index] = bad;
                byte[] file = GatedFiles.PyTorchSafetensors(rnn.Shape, torch);
                string context = $"{model}.LoadPyTorchSafetensors: {bad} at flat index {index} of '{names[p]}'";

                ArgumentAssert.Rejects(() => rnn.LoadPyTorchSafetensors!(new MemoryStream(file), GatedFiles.Prefix), names[p], context, index);

                rnn.AssertHolds(kept, $"after {context}");
            }
        }
    }

    private static void AssertRejectsNonFiniteValues(string model, string loadName)
    {
        (GatedUnderTest rnn, GatedWeights loaded, Random random) = GatedCatalog.CreateLoaded(model);
        KerasTensors kept = loaded.Keras;
        GatedMember load = GatedMember.For(loadName, rnn.Shape, GatedWeights.Random(rnn.Shape, random), random);
        for (int p = 0; p < load.Parameters.Length; p++)
        {
            int length = load.ValidArguments()[p].Length;
            foreach (int index in Indices(length))
            {
                foreach (float bad in NonFinite)
                {
                    float[][] arguments = load.ValidArguments();
                    arguments[p][index] = bad;
                    string context = $"{model}.{loadName}: {bad} at flat index {index} of '{load.Parameters[p]}'";

                    ArgumentAssert.Rejects(() => load.Invoke(rnn, arguments), load.Parameters[p], context, index);

                    rnn.AssertHolds(kept, $"after {context}");
                }
            }
        }
    }

    /// <summary>The first, middle and last element.</summary>
    private static int[] Indices(int length) => [.. new[] { 0, length / 2, length - 1 }.Distinct()];

    /// <summary>The first, middle and last element of tensor <paramref name="p"/>, each with another non-finite value (files cost more to build).</summary>
    private static (int Index, float Bad)[] Places(KerasTensors keras, int p) => Places(Tensor(keras, p).Length, p);

    private static (int Index, float Bad)[] Places(int length, int p) => [.. Indices(length).Select((index, k) => (index, NonFinite[(k + p) % NonFinite.Length]))];

    private static float[] Tensor(KerasTensors keras, int p) => p switch { 0 => keras.Kernel, 1 => keras.RecurrentKernel, _ => keras.Bias };

    private static float[] Tensor(PyTorchTensors torch, int p) => p switch { 0 => torch.WeightIh, 1 => torch.WeightHh, 2 => torch.BiasIh, _ => torch.BiasHh };
}
