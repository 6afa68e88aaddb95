using System;
using System.IO;
using RnnGen.Runtime.Tests.Formats;
using RnnGen.Weights;

namespace RnnGen.Runtime.Tests.Gated;

/// <summary>GruWeights and LstmWeights load Keras npz and PyTorch safetensors files in every form the frameworks write.</summary>
public class GatedWeightFileLoadTests
{
    public static TheoryData<string> Layers => ["GRU", "GRU reset_after=False", "LSTM"];

    public static TheoryData<string> LayersWithPyTorchLayout => ["GRU", "LSTM"];

    public static TheoryData<string> LayersWithoutBias => ["GRU without bias", "GRU reset_after=False without bias", "LSTM without bias"];

    [Theory]
    [MemberData(nameof(Layers))]
    public void Keras_npz_loads_in_every_dtype_and_form(string layerName)
    {
        GatedLayer layer = Layer(layerName);
        foreach ((string descr, bool named, bool compressed, bool seekable) in new[] { ("<f4", true, false, true), ("<f8", false, true, false), ("<f2", true, true, false), (">f4", false, false, true) })
        {
            LayerWeights weights = layer.Create();
            byte[] npz = layer.Npz(named, compressed, descr);

            using (Stream stream = seekable ? new MemoryStream(npz) : new NonSeekableStream(npz))
            {
                weights.LoadKerasNpz(stream);
            }

            layer.AssertHolds(weights, $"after an npz of {descr}, {(named ? "named" : "unnamed")}, {(compressed ? "compressed" : "stored")} arrays");
        }
    }

    [Theory]
    [MemberData(nameof(LayersWithPyTorchLayout))]
    public void PyTorch_safetensors_loads_in_every_dtype_and_prefix(string layerName)
    {
        GatedLayer layer = Layer(layerName);
        foreach ((string dtype, string prefix) in new[] { ("F32", ""), ("F64", "gru."), ("F16", "model.encoder."), ("BF16", "") })
        {
            LayerWeights weights = layer.Create();

            weights.LoadPyTorchSafetensors(new NonSeekableStream(layer.Safetensors(prefix, dtype)), prefix);

            layer.AssertHolds(weights, $"after a safetensors file of {dtype} under the prefix '{prefix}'");
        }
    }

    [Theory]
    [MemberData(nameof(LayersWithPyTorchLayout))]
    public void PyTorch_spans_load_the_same_layer_as_Keras_spans(string layerName)
    {
        GatedLayer layer = Layer(layerName);
        LayerWeights weights = layer.Create();

        GatedLayer.LoadPyTorch(weights, layer.WeightIh, layer.WeightHh, layer.BiasIh, layer.BiasHh);

        layer.AssertHolds(weights, "after LoadPyTorch");
    }

    [Theory]
    [MemberData(nameof(Layers))]
    public void Path_overloads_read_files(string layerName)
    {
        GatedLayer layer = Layer(layerName);
        string npzPath = Path.GetTempFileName();
        string safetensorsPath = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(npzPath, layer.Npz());
            LayerWeights fromNpz = layer.Create();
            fromNpz.LoadKerasNpz(npzPath);
            layer.AssertHolds(fromNpz, "after LoadKerasNpz(path)");

            if (layer.HasPyTorchLayout)
            {
                File.WriteAllBytes(safetensorsPath, layer.Safetensors("rnn."));
                LayerWeights fromSafetensors = layer.Create();
                fromSafetensors.LoadPyTorchSafetensors(safetensorsPath, "rnn.");
                layer.AssertHolds(fromSafetensors, "after LoadPyTorchSafetensors(path)");
            }
        }
        finally
        {
            File.Delete(npzPath);
            File.Delete(safetensorsPath);
        }
    }

    [Theory]
    [MemberData(nameof(LayersWithPyTorchLayout))]
    public void Other_tensors_and_layers_in_the_file_are_ignored(string layerName)
    {
        GatedLayer layer = Layer(layerName);
        int rows = layer.Rows;
        byte[] file = SafetensorsWriter.Write(
        [
            new SafetensorsWriter.Tensor("rnn.steps", "I64", [1], new byte[8]),
            SafetensorsWriter.FromFloats("rnn.weight_ih_l0", layer.WeightIh, [rows, GatedLayer.Input]),
            SafetensorsWriter.FromFloats("rnn.weight_ih_l1", layer.WeightHh, [rows, GatedLayer.Output], "BF16"),
            SafetensorsWriter.FromFloats("rnn.weight_hh_l0", layer.WeightHh, [rows, GatedLayer.Output]),
            SafetensorsWriter.FromFloats("rnn.bias_ih_l0", layer.BiasIh, [rows]),
            SafetensorsWriter.FromFloats("rnn.bias_hh_l0", layer.BiasHh, [rows]),
            SafetensorsWriter.FromFloats("head.weight", layer.WeightIh, [rows * GatedLayer.Input]),
        ]);
        LayerWeights weights = layer.Create();

        weights.LoadPyTorchSafetensors(new MemoryStream(file), "rnn.");

        layer.AssertHolds(weights, "after a file with other tensors");
    }

    [Theory]
    [MemberData(nameof(LayersWithoutBias))]
    public void A_layer_without_bias_loads_files_that_leave_the_bias_out_or_hold_zeros(string layerName)
    {
        GatedLayer layer = Layer(layerName);
        foreach (bool withBias in new[] { false, true })
        {
            LayerWeights fromNpz = layer.Create();
            fromNpz.LoadKerasNpz(new MemoryStream(layer.Npz(named: withBias, withBias: withBias)));
            layer.AssertHolds(fromNpz, $"after an npz {(withBias ? "with zero biases" : "without bias")}");

            if (layer.HasPyTorchLayout)
            {
                LayerWeights fromSafetensors = layer.Create();
                fromSafetensors.LoadPyTorchSafetensors(new MemoryStream(layer.Safetensors(withBias: withBias)));
                layer.AssertHolds(fromSafetensors, $"after a safetensors file {(withBias ? "with zero biases" : "without biases")}");
            }
        }
    }

    [Fact]
    public void A_new_layer_exports_zeros()
    {
        foreach (GatedLayer layer in new[] { GatedLayer.Gru, GatedLayer.GruResetBefore, GatedLayer.Lstm })
        {
            (float[] kernel, float[] recurrentKernel, float[] bias) = layer.Export(layer.Create());
            Assert.All([.. kernel, .. recurrentKernel, .. bias], value => Assert.Equal(0f, value));
        }
    }

    internal static GatedLayer Layer(string name) => name switch
    {
        "GRU" => GatedLayer.Gru,
        "GRU reset_after=False" => GatedLayer.GruResetBefore,
        "LSTM" => GatedLayer.Lstm,
        "GRU without bias" => GatedLayer.GruWithoutBias,
        "GRU reset_after=False without bias" => GatedLayer.GruResetBeforeWithoutBias,
        "LSTM without bias" => GatedLayer.LstmWithoutBias,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
