using System.Collections.Generic;
using RnnGen.Runtime.Tests.Formats;

namespace RnnGen.Runtime.Tests.Gated;

/// <summary>
/// Weight files of a GRU or an LSTM (G gates of O units fed by I inputs), as <c>np.savez(f, *layer.get_weights())</c>
/// and <c>safetensors.torch.save_file(module.state_dict())</c> write them.
/// </summary>
internal static class GatedFileWriter
{
    /// <summary>Keras arrays: kernel (I, G·O), recurrent_kernel (O, G·O), bias (G·O,) or (2, G·O) with two bias rows; the bias left out when null.</summary>
    public static byte[] KerasNpz(
        float[] kernel,
        float[] recurrentKernel,
        float[]? bias,
        int input,
        int output,
        int gates,
        int biasRows = 1,
        bool named = true,
        bool compressed = false,
        string descr = "<f4")
    {
        int rows = gates * output;
        string[] names = named ? ["kernel", "recurrent_kernel", "bias"] : ["arr_0", "arr_1", "arr_2"];
        var arrays = new List<(string, byte[])>
        {
            (names[0], NpyWriter.Write(kernel, [input, rows], descr)),
            (names[1], NpyWriter.Write(recurrentKernel, [output, rows], descr)),
        };
        if (bias is not null)
        {
            arrays.Add((names[2], NpyWriter.Write(bias, biasRows == 1 ? [rows] : [biasRows, rows], descr)));
        }

        return NpzWriter.Write(arrays, compressed);
    }

    /// <summary>PyTorch layer-0 tensors: weight_ih_l0 (G·O, I), weight_hh_l0 (G·O, O), bias_ih_l0 and bias_hh_l0 (G·O,), each left out when null.</summary>
    public static byte[] PyTorchSafetensors(
        float[] weightIh,
        float[] weightHh,
        float[]? biasIh,
        float[]? biasHh,
        int input,
        int output,
        int gates,
        string prefix = "",
        string dtype = "F32")
    {
        int rows = gates * output;
        var tensors = new List<SafetensorsWriter.Tensor>
        {
            SafetensorsWriter.FromFloats(prefix + "weight_ih_l0", weightIh, [rows, input], dtype),
            SafetensorsWriter.FromFloats(prefix + "weight_hh_l0", weightHh, [rows, output], dtype),
        };
        if (biasIh is not null)
        {
            tensors.Add(SafetensorsWriter.FromFloats(prefix + "bias_ih_l0", biasIh, [rows], dtype));
        }

        if (biasHh is not null)
        {
            tensors.Add(SafetensorsWriter.FromFloats(prefix + "bias_hh_l0", biasHh, [rows], dtype));
        }

        return SafetensorsWriter.Write(tensors);
    }
}
