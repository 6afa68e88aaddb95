using System;
using System.IO;
using System.Linq;
using RnnGen.Runtime.Tests.Formats;
using RnnGen.Tests.Harness;

namespace RnnGen.Tests.BadInput;

/// <summary>
/// PyTorch biases that are each finite but whose float sum, the bias the layer uses, overflows: an
/// ArgumentException naming both tensors and the flat index, and the weights loaded before unchanged.
/// </summary>
public class OverflowingBiasSumTests
{
    private const float Huge = 3e38f;

    [Theory]
    [MemberData(nameof(ModelCatalog.WithBias), MemberType = typeof(ModelCatalog))]
    public void LoadPyTorchWeights_rejects_biases_whose_sum_overflows(string model)
    {
        (RnnUnderTest rnn, WeightSet loaded, Random random) = ModelCatalog.CreateLoaded(model);
        GeneratedMember load = GeneratedMember.For("LoadPyTorchWeights", rnn.Shape, WeightSet.Random(rnn.Shape, random), random);
        foreach (int index in Indices(rnn.Shape))
        {
            foreach (float sign in new[] { 1f, -1f })
            {
                float[][] arguments = load.ValidArguments();
                arguments[2][index] = sign * Huge;
                arguments[3][index] = sign * Huge;
                string context = $"{model}.LoadPyTorchWeights: biasIh + biasHh = {sign * Huge} + {sign * Huge} at flat index {index}";

                ArgumentException exception = ArgumentAssert.Rejects(() => load.Invoke(rnn, arguments), "biasIh", context, index);

                Assert.Contains($"'biasIh' + 'biasHh' = {(sign > 0 ? "Infinity" : "-Infinity")} at flat index {index}", exception.Message, StringComparison.Ordinal);
                Assert.Contains("each is finite, but their sum overflows float", exception.Message, StringComparison.Ordinal);
                rnn.AssertHolds(loaded, $"after {context}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(ModelCatalog.WithBias), MemberType = typeof(ModelCatalog))]
    public void LoadPyTorchSafetensors_rejects_biases_whose_sum_overflows_naming_the_file_tensors(string model)
    {
        (RnnUnderTest rnn, WeightSet loaded, Random random) = ModelCatalog.CreateLoaded(model);
        var replacement = WeightSet.Random(rnn.Shape, random);
        foreach (int index in Indices(rnn.Shape))
        {
            float[] biasIh = (float[])replacement.BiasIh.Clone();
            float[] biasHh = (float[])replacement.BiasHh.Clone();
            biasIh[index] = Huge;
            biasHh[index] = Huge;
            byte[] file = SafetensorsWriter.WritePyTorch(replacement.W, replacement.U, biasIh, biasHh, rnn.Shape.Input, rnn.Shape.Output, "rnn.");
            string context = $"{model}.LoadPyTorchSafetensors: bias_ih_l0 + bias_hh_l0 overflows at flat index {index}";

            ArgumentException exception = ArgumentAssert.Rejects(() => rnn.LoadPyTorchSafetensors(new MemoryStream(file), "rnn."), "rnn.bias_ih_l0", context, index);

            Assert.Contains($"'rnn.bias_ih_l0' + 'rnn.bias_hh_l0' = Infinity at flat index {index}", exception.Message, StringComparison.Ordinal);
            rnn.AssertHolds(loaded, $"after {context}");
        }
    }

    [Theory]
    [MemberData(nameof(ModelCatalog.WithBias), MemberType = typeof(ModelCatalog))]
    public void Huge_biases_whose_sum_stays_finite_load(string model)
    {
        (RnnUnderTest rnn, _, Random random) = ModelCatalog.CreateLoaded(model);
        var replacement = WeightSet.Random(rnn.Shape, random);
        float[] biasIh = (float[])replacement.BiasIh.Clone();
        float[] biasHh = (float[])replacement.BiasHh.Clone();
        int last = rnn.Shape.Output - 1;
        biasIh[last] = Huge;
        biasHh[last] = -Huge / 2;

        rnn.LoadPyTorchWeights(replacement.W, replacement.U, biasIh, biasHh);

        Assert.Equal(Huge / 2, rnn.Export().B[last]);
    }

    /// <summary>The first, middle and last output unit.</summary>
    private static int[] Indices(RnnShape shape) => [.. new[] { 0, shape.Output / 2, shape.Output - 1 }.Distinct()];
}
