using System;
using System.IO;
using System.Linq;

namespace RnnGen.Formats;

/// <summary>The four layer-0 tensors of a <c>torch.nn.RNN</c>, <c>GRU</c> or <c>LSTM</c>, shape-checked.</summary>
internal sealed class PyTorchLayerTensors
{
    public PyTorchLayerTensors(TensorData weightIh, TensorData weightHh, TensorData biasIh, TensorData biasHh)
    {
        WeightIh = weightIh;
        WeightHh = weightHh;
        BiasIh = biasIh;
        BiasHh = biasHh;
    }

    /// <summary>G·O×I.</summary>
    public TensorData WeightIh { get; }

    /// <summary>G·O×O.</summary>
    public TensorData WeightHh { get; }

    /// <summary>G·O; zeros when the file has no biases (allowed only for a layer without one).</summary>
    public TensorData BiasIh { get; }

    /// <summary>G·O; zeros when the file has no biases.</summary>
    public TensorData BiasHh { get; }
}

/// <summary>
/// Maps a safetensors <c>state_dict</c> of <c>torch.nn.RNN</c>, <c>GRU</c> or <c>LSTM</c> onto a layer: <c>{prefix}weight_ih_l0</c>,
/// <c>{prefix}weight_hh_l0</c>, <c>{prefix}bias_ih_l0</c>, <c>{prefix}bias_hh_l0</c>. Other tensors (further
/// layers, other modules) are ignored and never decoded.
/// </summary>
internal static class PyTorchSafetensorsLayout
{
    private const string WeightIh = "weight_ih_l0";
    private const string WeightHh = "weight_hh_l0";
    private const string BiasIh = "bias_ih_l0";
    private const string BiasHh = "bias_hh_l0";

    /// <summary>Reads the file and returns the layer's tensors.</summary>
    /// <exception cref="InvalidDataException">The file is malformed, or a needed tensor has an unsupported dtype.</exception>
    /// <exception cref="ArgumentException">A required tensor is missing or has the wrong shape.</exception>
    public static PyTorchLayerTensors Read(Stream stream, string prefix, LayerShapes shapes, bool useBias)
    {
        string[] names = [prefix + WeightIh, prefix + WeightHh, prefix + BiasIh, prefix + BiasHh];
        string rows = shapes.GateRowsMeaning;
        var selection = new TensorSelection()
            .Want(names[0], null, shapes.PyTorchWeightIh, "(" + rows + ", Input)")
            .Want(names[1], null, shapes.PyTorchWeightHh, "(" + rows + ", Output)")
            .Want(names[2], null, shapes.PyTorchBias, "(" + rows + ",)")
            .Want(names[3], null, shapes.PyTorchBias, "(" + rows + ",)");
        TensorFile file = SafetensorsReader.Read(stream, _ => selection);
        string hint = PrefixHint(file, prefix);

        TensorData weightIh = selection.Require(file, names[0], hint);
        TensorData weightHh = selection.Require(file, names[1], hint);
        TensorData? biasIh = file.Find(names[2]);
        TensorData? biasHh = file.Find(names[3]);
        if (biasIh is null && biasHh is null && !useBias)
        {
            biasIh = new TensorData(names[2], shapes.PyTorchBias, new float[shapes.GateRows]);
            biasHh = new TensorData(names[3], shapes.PyTorchBias, new float[shapes.GateRows]);
        }

        string biasHint = (hint + " Only a layer declared with UseBias = false may leave both biases out.").Trim();
        return new PyTorchLayerTensors(
            weightIh,
            weightHh,
            biasIh ?? throw selection.Missing(file, names[2], biasHint),
            biasHh ?? throw selection.Missing(file, names[3], biasHint));
    }

    /// <summary>When the file holds layer-0 weights under another prefix, a sentence that names it.</summary>
    private static string PrefixHint(TensorFile file, string prefix)
    {
        string? other = file.Names.FirstOrDefault(name => name.EndsWith(WeightIh, StringComparison.Ordinal) && name != prefix + WeightIh);
        return other is null || file.Find(prefix + WeightIh) is not null
            ? string.Empty
            : "Its tensor '" + other + "' suggests the prefix '" + other.Substring(0, other.Length - WeightIh.Length) + "'.";
    }
}
