using System;
using System.IO;
using System.Linq;
using RnnGen.Tests.BadInput;
using RnnGen.Tests.Gated.Harness;

namespace RnnGen.Tests.Gated.BadInput;

/// <summary>
/// Biases that are each finite but whose float sum overflows where the layer adds them at load time (PyTorch's
/// bias_ih + bias_hh for every LSTM gate and a GRU's z and r; Keras's two GRU bias rows for z and r): an
/// ArgumentException naming both addends and the flat index, and the weights loaded before unchanged. Where the
/// layer keeps the biases apart (a GRU's candidate) or has one bias, huge values load.
/// </summary>
public class GatedOverflowingBiasSumTests
{
    private const float Huge = 3e38f;

    [Theory]
    [MemberData(nameof(GatedCatalog.WithPyTorchBiasSums), MemberType = typeof(GatedCatalog))]
    public void LoadPyTorchWeights_rejects_biases_whose_sum_overflows(string model)
    {
        (GatedUnderTest rnn, GatedWeights loaded, Random random) = GatedCatalog.CreateLoaded(model);
        KerasTensors kept = loaded.Keras;
        var replacement = GatedWeights.Random(rnn.Shape, random);
        foreach (int index in SummedIndices(rnn.Shape))
        {
            foreach (float sign in new[] { 1f, -1f })
            {
                PyTorchTensors torch = replacement.PyTorch;
                torch.BiasIh[index] = sign * Huge;
                torch.BiasHh[index] = sign * Huge;
                string context = $"{model}.LoadPyTorchWeights: biasIh + biasHh = {sign * Huge} + {sign * Huge} at flat index {index}";

                ArgumentException exception = ArgumentAssert.Rejects(() => rnn.Load(torch), "biasIh", context, index);

                Assert.Contains($"'biasIh' + 'biasHh' = {(sign > 0 ? "Infinity" : "-Infinity")} at flat index {index}", exception.Message, StringComparison.Ordinal);
                Assert.Contains("each is finite, but their sum overflows float", exception.Message, StringComparison.Ordinal);
                rnn.AssertHolds(kept, $"after {context}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(GatedCatalog.WithPyTorchBiasSums), MemberType = typeof(GatedCatalog))]
    public void LoadPyTorchSafetensors_rejects_biases_whose_sum_overflows_naming_the_file_tensors(string model)
    {
        (GatedUnderTest rnn, GatedWeights loaded, Random random) = GatedCatalog.CreateLoaded(model);
        KerasTensors kept = loaded.Keras;
        var replacement = GatedWeights.Random(rnn.Shape, random);
        string biasIh = GatedFiles.Prefix + "bias_ih_l0";
        foreach (int index in SummedIndices(rnn.Shape))
        {
            PyTorchTensors torch = replacement.PyTorch;
            torch.BiasIh[index] = Huge;
            torch.BiasHh[index] = Huge;
            byte[] file = GatedFiles.PyTorchSafetensors(rnn.Shape, torch);
            string context = $"{model}.LoadPyTorchSafetensors: bias_ih_l0 + bias_hh_l0 overflows at flat index {index}";

            ArgumentException exception = ArgumentAssert.Rejects(() => rnn.LoadPyTorchSafetensors!(new MemoryStream(file), GatedFiles.Prefix), biasIh, context, index);

            Assert.Contains($"'{biasIh}' + '{GatedFiles.Prefix}bias_hh_l0' = Infinity at flat index {index}", exception.Message, StringComparison.Ordinal);
            rnn.AssertHolds(kept, $"after {context}");
        }
    }

    [Theory]
    [MemberData(nameof(GatedCatalog.WithKerasBiasRows), MemberType = typeof(GatedCatalog))]
    public void LoadKerasWeights_rejects_bias_rows_whose_sum_overflows(string model)
    {
        (GatedUnderTest rnn, GatedWeights loaded, Random random) = GatedCatalog.CreateLoaded(model);
        KerasTensors kept = loaded.Keras;
        var replacement = GatedWeights.Random(rnn.Shape, random);
        foreach (int index in SummedIndices(rnn.Shape))
        {
            foreach (float sign in new[] { 1f, -1f })
            {
                KerasTensors keras = WithHugeRows(rnn.Shape, replacement.Keras, index, sign * Huge);
                string context = $"{model}.LoadKerasWeights: bias row 0 + row 1 = {sign * Huge} + {sign * Huge} at column {index}";

                ArgumentException exception = Assert.ThrowsAny<ArgumentException>(() => rnn.Load(keras));

                Assert.Contains($"'bias row 0' + 'bias row 1' = {(sign > 0 ? "Infinity" : "-Infinity")} at flat index {index}", exception.Message, StringComparison.Ordinal);
                Assert.True(exception.ParamName?.StartsWith("bias", StringComparison.Ordinal) == true, $"{context}: ParamName is '{exception.ParamName}'.");
                rnn.AssertHolds(kept, $"after {context}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(GatedCatalog.WithKerasBiasRows), MemberType = typeof(GatedCatalog))]
    public void LoadKerasNpz_rejects_bias_rows_whose_sum_overflows(string model)
    {
        (GatedUnderTest rnn, GatedWeights loaded, Random random) = GatedCatalog.CreateLoaded(model);
        KerasTensors kept = loaded.Keras;
        var replacement = GatedWeights.Random(rnn.Shape, random);
        foreach (int index in SummedIndices(rnn.Shape))
        {
            byte[] file = GatedFiles.KerasNpz(rnn.Shape, WithHugeRows(rnn.Shape, replacement.Keras, index, Huge));

            ArgumentException exception = Assert.ThrowsAny<ArgumentException>(() => rnn.LoadKerasNpz(new MemoryStream(file)));

            Assert.Contains($"'bias row 0' + 'bias row 1' = Infinity at flat index {index}", exception.Message, StringComparison.Ordinal);
            rnn.AssertHolds(kept, $"after an npz whose bias rows overflow at column {index}");
        }
    }

    [Fact]
    public void An_overflowing_Keras_bias_row_sum_is_reported_under_the_parameter_name()
    {
        // ArgumentException.ParamName names a parameter of the method, as every other error of the loads does.
        const string model = "Gru13x3x7";
        (GatedUnderTest rnn, GatedWeights loaded, _) = GatedCatalog.CreateLoaded(model);
        KerasTensors kept = loaded.Keras;
        KerasTensors keras = WithHugeRows(rnn.Shape, kept, 0, Huge);

        ArgumentAssert.Rejects(() => rnn.Load(keras), "bias", $"{model}.LoadKerasWeights: bias row 0 + row 1 overflows at column 0", 0);
    }

    [Theory]
    [MemberData(nameof(GatedCatalog.WithBias), MemberType = typeof(GatedCatalog))]
    public void Huge_biases_the_layer_does_not_add_load(string model)
    {
        // An LSTM's and a reset-before GRU's Keras bias is one tensor; a GRU keeps its candidate's two biases apart.
        (GatedUnderTest rnn, GatedWeights weights, _) = GatedCatalog.CreateLoaded(model);
        GatedShape shape = rnn.Shape;
        int[] apart = shape.IsLstm || !shape.ResetAfter ? [0, shape.GateRows - 1] : [2 * shape.Output, shape.GateRows - 1];
        foreach (int index in apart)
        {
            GatedWeights huge = WithBiasPair(weights, index, Huge, shape.HasPyTorchLayout && !shape.IsLstm ? Huge : 0f);

            rnn.Load(huge);
            rnn.AssertHolds(huge.Keras, $"after LoadKerasWeights with {Huge} in bias column {index}");
            if (shape.HasPyTorchLayout && !shape.IsLstm)
            {
                rnn.Load(huge.PyTorch);
                rnn.AssertHolds(huge.Keras, $"after LoadPyTorchWeights with {Huge} in both biases of the candidate at flat index {index}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(GatedCatalog.WithPyTorchBiasSums), MemberType = typeof(GatedCatalog))]
    public void Huge_PyTorch_biases_whose_sum_stays_finite_load(string model)
    {
        (GatedUnderTest rnn, GatedWeights weights, _) = GatedCatalog.CreateLoaded(model);
        int last = (2 * rnn.Shape.Output) - 1;
        GatedWeights huge = WithBiasPair(weights, last, Huge, -Huge / 2);

        rnn.Load(huge.PyTorch);

        rnn.AssertHolds(huge.Keras, $"after LoadPyTorchWeights with {Huge} + {-Huge / 2} at Keras bias column {last}");
    }

    /// <summary>Indices the layer adds both biases at: every LSTM gate; a GRU's z and r (the first 2·O, in either order).</summary>
    private static int[] SummedIndices(GatedShape shape)
    {
        int o = shape.Output;
        int[] indices = shape.IsLstm ? [0, o, 2 * o, 3 * o, (4 * o) - 1] : [0, o - 1, o, (2 * o) - 1];
        return [.. indices.Distinct()];
    }

    /// <summary>A copy of <paramref name="keras"/> with <paramref name="value"/> in both bias rows at <paramref name="column"/>.</summary>
    private static KerasTensors WithHugeRows(GatedShape shape, KerasTensors keras, int column, float value)
    {
        float[] bias = (float[])keras.Bias.Clone();
        bias[column] = value;
        bias[shape.GateRows + column] = value;
        return keras with { Bias = bias };
    }

    /// <summary>A copy of <paramref name="weights"/> with the given input and recurrent bias at Keras index <paramref name="index"/>.</summary>
    private static GatedWeights WithBiasPair(GatedWeights weights, int index, float input, float recurrent)
    {
        float[] inputBias = (float[])weights.InputBias.Clone();
        float[] recurrentBias = (float[])weights.RecurrentBias.Clone();
        inputBias[index] = input;
        recurrentBias[index] = recurrent;
        return weights with { InputBias = inputBias, RecurrentBias = recurrentBias };
    }
}
