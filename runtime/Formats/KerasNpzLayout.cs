using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace RnnGen.Formats;

/// <summary>The three Keras <c>get_weights()</c> arrays of one recurrent layer, shape-checked.</summary>
internal sealed class KerasLayerTensors
{
    public KerasLayerTensors(TensorData kernel, TensorData recurrentKernel, TensorData bias)
    {
        Kernel = kernel;
        RecurrentKernel = recurrentKernel;
        Bias = bias;
    }

    /// <summary>I×G·O.</summary>
    public TensorData Kernel { get; }

    /// <summary>O×G·O; row j holds the weights from <c>h_j</c>.</summary>
    public TensorData RecurrentKernel { get; }

    /// <summary>G·O (or 2×3·O for a GRU with reset_after); zeros when the file has no bias (allowed only for a layer without one).</summary>
    public TensorData Bias { get; }
}

/// <summary>
/// Maps an .npz of Keras weights onto a layer: arrays <c>kernel</c>, <c>recurrent_kernel</c>, <c>bias</c>, or
/// the unnamed <c>arr_0</c>, <c>arr_1</c>, <c>arr_2</c> that <c>np.savez(f, *layer.get_weights())</c> writes.
/// Other arrays in the archive are ignored.
/// </summary>
internal static class KerasNpzLayout
{
    private static readonly string[] NamedArrays = ["kernel", "recurrent_kernel", "bias"];
    private static readonly string[] PositionalArrays = ["arr_0", "arr_1", "arr_2"];
    private static readonly string?[] PositionalRoles = ["the Keras kernel", "the Keras recurrent kernel", "the Keras bias"];
    private static readonly string?[] NoRoles = [null, null, null];

    /// <summary>Reads the archive and returns the layer's arrays.</summary>
    /// <exception cref="InvalidDataException">The archive or an array in it is malformed, or has an unsupported dtype.</exception>
    /// <exception cref="ArgumentException">A required array is missing or has the wrong shape.</exception>
    public static KerasLayerTensors Read(Stream stream, LayerShapes shapes, bool useBias)
    {
        TensorFile file = NpzReader.Read(stream, available => Selection(ArrayNames(available), shapes));
        string[] names = ArrayNames(file.Names);
        TensorSelection selection = Selection(names, shapes);

        TensorData kernel = selection.Require(file, names[0], string.Empty);
        TensorData recurrentKernel = selection.Require(file, names[1], string.Empty);
        TensorData bias = file.Find(names[2])
            ?? (useBias
                ? throw selection.Missing(file, names[2], "Only a layer declared with UseBias = false may leave the bias out.")
                : new TensorData(names[2], shapes.KerasBias, new float[shapes.KerasBiasRows * shapes.GateRows]));
        return new KerasLayerTensors(kernel, recurrentKernel, bias);
    }

    /// <summary>Named arrays win when any is present; otherwise the positional order of <c>get_weights()</c> applies.</summary>
    private static string[] ArrayNames(IReadOnlyList<string> available) => NamedArrays.Any(available.Contains) ? NamedArrays : PositionalArrays;

    private static TensorSelection Selection(string[] names, LayerShapes shapes)
    {
        string?[] roles = names == NamedArrays ? NoRoles : PositionalRoles;
        return new TensorSelection()
            .Want(names[0], roles[0], shapes.KerasKernel, "(Input, " + shapes.GateRowsMeaning + ")")
            .Want(names[1], roles[1], shapes.KerasRecurrentKernel, "(Output, " + shapes.GateRowsMeaning + ")")
            .Want(names[2], roles[2], shapes.KerasBias, shapes.KerasBiasMeaning);
    }
}
