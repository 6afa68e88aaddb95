using System;
using System.IO;
using RnnGen.Runtime.Tests.Formats;
using RnnGen.Weights;

namespace RnnGen.Runtime.Tests.Gated;

/// <summary>
/// Files and spans that do not fit a GRU or an LSTM: the error names the tensor, the expected shape in the gated
/// layer's terms (<c>(Input, 3·Output)</c> and the like) and what was found, and the weights loaded before stay.
/// </summary>
public class GatedWeightErrorTests
{
    private const int I = GatedLayer.Input;
    private const int O = GatedLayer.Output;

    [Fact]
    public void Keras_shape_mismatches_name_the_tensor_and_the_gated_shape()
    {
        AssertKerasShapeError(GatedLayer.Gru, 0, [I, O], "Tensor 'kernel' has shape (3, 5) but this layer needs (3, 15) = (Input, 3·Output).");
        AssertKerasShapeError(GatedLayer.Gru, 1, [O, O], "Tensor 'recurrent_kernel' has shape (5, 5) but this layer needs (5, 15) = (Output, 3·Output).");
        AssertKerasShapeError(GatedLayer.Gru, 2, [15], "Tensor 'bias' has shape (15,) but this layer needs (2, 15) = (2, 3·Output).");
        AssertKerasShapeError(GatedLayer.GruResetBefore, 2, [2, 15], "Tensor 'bias' has shape (2, 15) but this layer needs (15,) = (3·Output,).");
        AssertKerasShapeError(GatedLayer.Lstm, 0, [I, 15], "Tensor 'kernel' has shape (3, 15) but this layer needs (3, 20) = (Input, 4·Output).");
        AssertKerasShapeError(GatedLayer.Lstm, 1, [20, O], "Tensor 'recurrent_kernel' has shape (20, 5) but this layer needs (5, 20) = (Output, 4·Output).");
        AssertKerasShapeError(GatedLayer.Lstm, 2, [2, 10], "Tensor 'bias' has shape (2, 10) but this layer needs (20,) = (4·Output,).");
    }

    [Fact]
    public void Keras_positional_shape_mismatch_says_which_weight_the_array_is()
    {
        GatedLayer layer = GatedLayer.Lstm;
        LayerWeights weights = layer.CreateLoaded();
        byte[] npz = NpzWriter.Write(
        [
            ("arr_0", NpyWriter.Write(layer.Kernel, [I, layer.Rows])),
            ("arr_1", NpyWriter.Write(new float[O * O], [O, O])),
        ]);

        Expect.Argument(() => weights.LoadKerasNpz(new MemoryStream(npz)), "Tensor 'arr_1' (the Keras recurrent kernel) has shape (5, 5) but this layer needs (5, 20) = (Output, 4·Output).");

        layer.AssertHolds(weights, "after a refused file");
    }

    [Fact]
    public void PyTorch_shape_mismatches_name_the_tensor_and_the_gated_shape()
    {
        AssertPyTorchShapeError(GatedLayer.Gru, "weight_ih_l0", [O, I], "Tensor 'weight_ih_l0' has shape (5, 3) but this layer needs (15, 3) = (3·Output, Input).");
        AssertPyTorchShapeError(GatedLayer.Gru, "weight_hh_l0", [15, 15], "Tensor 'weight_hh_l0' has shape (15, 15) but this layer needs (15, 5) = (3·Output, Output).");
        AssertPyTorchShapeError(GatedLayer.Gru, "bias_hh_l0", [2, 15], "Tensor 'bias_hh_l0' has shape (2, 15) but this layer needs (15,) = (3·Output,).");
        AssertPyTorchShapeError(GatedLayer.Lstm, "weight_ih_l0", [15, I], "Tensor 'weight_ih_l0' has shape (15, 3) but this layer needs (20, 3) = (4·Output, Input).");
        AssertPyTorchShapeError(GatedLayer.Lstm, "weight_hh_l0", [O, 20], "Tensor 'weight_hh_l0' has shape (5, 20) but this layer needs (20, 5) = (4·Output, Output).");
        AssertPyTorchShapeError(GatedLayer.Lstm, "bias_ih_l0", [O], "Tensor 'bias_ih_l0' has shape (5,) but this layer needs (20,) = (4·Output,).");
    }

    [Fact]
    public void Missing_tensors_are_named_with_their_gated_shape_and_what_the_file_holds()
    {
        GatedLayer gru = GatedLayer.Gru;
        byte[] npz = NpzWriter.Write([("kernel", NpyWriter.Write(gru.Kernel, [I, gru.Rows])), ("bias", NpyWriter.Write(gru.KerasBias, [2, gru.Rows]))]);
        Expect.Argument(() => gru.CreateLoaded().LoadKerasNpz(new MemoryStream(npz)), "no tensor 'recurrent_kernel' of shape (5, 15) = (Output, 3·Output)", "it holds 'kernel', 'bias'");

        GatedLayer lstm = GatedLayer.Lstm;
        byte[] file = SafetensorsWriter.Write(
        [
            SafetensorsWriter.FromFloats("weight_ih_l0", lstm.WeightIh, [lstm.Rows, I]),
            SafetensorsWriter.FromFloats("bias_ih_l0", lstm.BiasIh, [lstm.Rows]),
            SafetensorsWriter.FromFloats("bias_hh_l0", lstm.BiasHh, [lstm.Rows]),
        ]);
        Expect.Argument(() => lstm.CreateLoaded().LoadPyTorchSafetensors(new MemoryStream(file)), "no tensor 'weight_hh_l0' of shape (20, 5) = (4·Output, Output)", "it holds 'weight_ih_l0', 'bias_ih_l0', 'bias_hh_l0'");
    }

    [Fact]
    public void Missing_biases_are_refused_for_a_layer_with_bias()
    {
        foreach (GatedLayer layer in new[] { GatedLayer.Gru, GatedLayer.GruResetBefore, GatedLayer.Lstm })
        {
            LayerWeights weights = layer.CreateLoaded();
            Expect.Argument(() => weights.LoadKerasNpz(new MemoryStream(layer.Npz(withBias: false))), "no tensor 'bias'", "UseBias = false");
            if (layer.HasPyTorchLayout)
            {
                Expect.Argument(() => weights.LoadPyTorchSafetensors(new MemoryStream(layer.Safetensors(withBias: false))), "no tensor 'bias_ih_l0'", "UseBias = false");
            }

            layer.AssertHolds(weights, "after files without bias");
        }
    }

    [Fact]
    public void A_wrong_prefix_is_answered_with_the_prefix_the_file_suggests()
    {
        foreach (GatedLayer layer in new[] { GatedLayer.Gru, GatedLayer.Lstm })
        {
            LayerWeights weights = layer.CreateLoaded();
            byte[] file = layer.Safetensors("model.encoder.");

            Expect.Argument(() => weights.LoadPyTorchSafetensors(new MemoryStream(file), "encoder."), "no tensor 'encoder.weight_ih_l0'", "'model.encoder.weight_ih_l0'", "suggests the prefix 'model.encoder.'");
            Expect.Argument(() => weights.LoadPyTorchSafetensors(new MemoryStream(file)), "no tensor 'weight_ih_l0'", "suggests the prefix 'model.encoder.'");

            layer.AssertHolds(weights, "after a wrong prefix");
        }
    }

    [Fact]
    public void A_GRU_without_reset_after_refuses_PyTorch_weights_and_keeps_its_own()
    {
        GatedLayer layer = GatedLayer.GruResetBefore;
        LayerWeights weights = layer.CreateLoaded();
        GatedLayer gru = GatedLayer.Gru;

        NotSupportedException fromSpans = Assert.Throws<NotSupportedException>(() => GatedLayer.LoadPyTorch(weights, gru.WeightIh, gru.WeightHh, gru.BiasIh, gru.BiasHh));
        Assert.Contains("ResetAfter = false", fromSpans.Message, StringComparison.Ordinal);
        NotSupportedException fromFile = Assert.Throws<NotSupportedException>(() => weights.LoadPyTorchSafetensors(new MemoryStream(gru.Safetensors())));
        Assert.Contains("load Keras weights instead", fromFile.Message, StringComparison.Ordinal);

        layer.AssertHolds(weights, "after PyTorch weights were refused");
    }

    [Fact]
    public void Non_finite_weights_in_a_file_are_reported_by_the_tensor_name()
    {
        GatedLayer lstm = GatedLayer.Lstm;
        LayerWeights weights = lstm.CreateLoaded();
        float[] weightHh = (float[])lstm.WeightHh.Clone();
        weightHh[7] = float.NaN;
        byte[] file = GatedFileWriter.PyTorchSafetensors(lstm.WeightIh, weightHh, lstm.BiasIh, lstm.BiasHh, I, O, lstm.Gates, "lstm.");
        Expect.Argument(() => weights.LoadPyTorchSafetensors(new MemoryStream(file), "lstm."), "'lstm.weight_hh_l0' holds NaN at flat index 7");
        lstm.AssertHolds(weights, "after a NaN in a file");

        GatedLayer gru = GatedLayer.Gru;
        LayerWeights gruWeights = gru.CreateLoaded();
        float[] bias = (float[])gru.KerasBias.Clone();
        bias[20] = float.NegativeInfinity;
        byte[] npz = GatedFileWriter.KerasNpz(gru.Kernel, gru.RecurrentKernel, bias, I, O, gru.Gates, biasRows: 2, named: false);
        Expect.Argument(() => gruWeights.LoadKerasNpz(new MemoryStream(npz)), "'arr_2' holds -Infinity at flat index 20");
        gru.AssertHolds(gruWeights, "after an infinity in a file");
    }

    [Fact]
    public void Bias_sums_that_overflow_are_refused_naming_both_tensors()
    {
        GatedLayer lstm = GatedLayer.Lstm;
        LayerWeights weights = lstm.CreateLoaded();
        float[] biasIh = (float[])lstm.BiasIh.Clone();
        float[] biasHh = (float[])lstm.BiasHh.Clone();
        biasIh[17] = biasHh[17] = 3e38f;
        byte[] file = GatedFileWriter.PyTorchSafetensors(lstm.WeightIh, lstm.WeightHh, biasIh, biasHh, I, O, lstm.Gates);
        Expect.Argument(() => weights.LoadPyTorchSafetensors(new MemoryStream(file)), "'bias_ih_l0' + 'bias_hh_l0' = Infinity at flat index 17");
        lstm.AssertHolds(weights, "after an overflowing PyTorch bias sum");

        // A GRU adds its two Keras bias rows for z and r (the first 2·Output columns) but keeps the candidate's apart.
        GatedLayer gru = GatedLayer.Gru;
        LayerWeights gruWeights = gru.CreateLoaded();
        float[] rows = (float[])gru.KerasBias.Clone();
        rows[9] = rows[gru.Rows + 9] = -3e38f;
        byte[] npz = GatedFileWriter.KerasNpz(gru.Kernel, gru.RecurrentKernel, rows, I, O, gru.Gates, biasRows: 2);
        Expect.Argument(() => gruWeights.LoadKerasNpz(new MemoryStream(npz)), "'bias row 0' + 'bias row 1' = -Infinity at flat index 9");
        gru.AssertHolds(gruWeights, "after overflowing Keras bias rows");

        rows = (float[])gru.KerasBias.Clone();
        rows[10] = rows[gru.Rows + 10] = 3e38f;
        gruWeights.LoadKerasNpz(new MemoryStream(GatedFileWriter.KerasNpz(gru.Kernel, gru.RecurrentKernel, rows, I, O, gru.Gates, biasRows: 2)));
        Assert.Equal(rows, gru.Export(gruWeights).Bias);
    }

    [Fact]
    public void Span_lengths_are_checked_in_the_gated_layer_terms()
    {
        GatedLayer gru = GatedLayer.Gru;
        var gruWeights = (GruWeights)gru.CreateLoaded();
        Expect.Argument(() => gruWeights.LoadKeras(gru.Kernel.AsSpan(1), gru.RecurrentKernel, gru.KerasBias), "'kernel' must hold 45 floats (Input × 3·Output = 3 × 15), but its length is 44.");
        Expect.Argument(() => gruWeights.LoadKeras(gru.Kernel, gru.RecurrentKernel, gru.KerasBias.AsSpan(15)), "'bias' must hold 30 floats (2 × 3·Output = 2 × 15), but its length is 15.");
        Expect.Argument(() => gruWeights.LoadPyTorch(gru.WeightIh, gru.WeightHh.AsSpan(5), gru.BiasIh, gru.BiasHh), "'weightHh' must hold 75 floats (3·Output × Output = 15 × 5), but its length is 70.");
        gru.AssertHolds(gruWeights, "after wrong lengths");

        GatedLayer before = GatedLayer.GruResetBefore;
        var beforeWeights = (GruWeights)before.CreateLoaded();
        Expect.Argument(() => beforeWeights.ExportKeras(new float[45], new float[75], new float[30]), "'bias' must hold 15 floats (3·Output = 15), but its length is 30.");

        GatedLayer lstm = GatedLayer.Lstm;
        var lstmWeights = (LstmWeights)lstm.CreateLoaded();
        Expect.Argument(() => lstmWeights.LoadKeras(lstm.Kernel, lstm.RecurrentKernel.AsSpan(1), lstm.KerasBias), "'recurrentKernel' must hold 100 floats (Output × 4·Output = 5 × 20), but its length is 99.");
        Expect.Argument(() => lstmWeights.LoadPyTorch(lstm.WeightIh, lstm.WeightHh, lstm.BiasIh, lstm.BiasHh.AsSpan(1)), "'biasHh' must hold 20 floats (4·Output = 20), but its length is 19.");
        lstm.AssertHolds(lstmWeights, "after wrong lengths");
    }

    /// <summary>An npz whose array <paramref name="position"/> (kernel, recurrent kernel, bias) has <paramref name="shape"/>.</summary>
    private static void AssertKerasShapeError(GatedLayer layer, int position, int[] shape, string message)
    {
        LayerWeights weights = layer.CreateLoaded();
        float[][] values = [layer.Kernel, layer.RecurrentKernel, layer.KerasBias];
        int[][] shapes = [[I, layer.Rows], [O, layer.Rows], layer.KerasBiasRows == 1 ? [layer.Rows] : [2, layer.Rows]];
        shapes[position] = shape;
        values[position] = new float[Product(shape)];
        string[] names = ["kernel", "recurrent_kernel", "bias"];
        byte[] npz = NpzWriter.Write([(names[0], NpyWriter.Write(values[0], shapes[0])), (names[1], NpyWriter.Write(values[1], shapes[1])), (names[2], NpyWriter.Write(values[2], shapes[2]))]);

        Expect.Argument(() => weights.LoadKerasNpz(new MemoryStream(npz)), message);

        layer.AssertHolds(weights, $"after '{names[position]}' of the wrong shape");
    }

    /// <summary>A safetensors file whose tensor <paramref name="name"/> has <paramref name="shape"/>.</summary>
    private static void AssertPyTorchShapeError(GatedLayer layer, string name, int[] shape, string message)
    {
        LayerWeights weights = layer.CreateLoaded();
        (string Name, float[] Values, int[] Shape)[] tensors =
        [
            ("weight_ih_l0", layer.WeightIh, [layer.Rows, I]),
            ("weight_hh_l0", layer.WeightHh, [layer.Rows, O]),
            ("bias_ih_l0", layer.BiasIh, [layer.Rows]),
            ("bias_hh_l0", layer.BiasHh, [layer.Rows]),
        ];
        int index = Array.FindIndex(tensors, t => t.Name == name);
        tensors[index] = (name, new float[Product(shape)], shape);
        byte[] file = SafetensorsWriter.Write(Array.ConvertAll(tensors, t => SafetensorsWriter.FromFloats(t.Name, t.Values, t.Shape)));

        Expect.Argument(() => weights.LoadPyTorchSafetensors(new MemoryStream(file)), message);

        layer.AssertHolds(weights, $"after '{name}' of the wrong shape");
    }

    private static int Product(int[] shape)
    {
        int product = 1;
        foreach (int dimension in shape)
        {
            product *= dimension;
        }

        return product;
    }
}
