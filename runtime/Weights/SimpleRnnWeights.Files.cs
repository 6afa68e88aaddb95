using System;
using System.IO;
using RnnGen.Formats;
using RnnGen.Kernels;

namespace RnnGen.Weights;

// Loading from the weight files Keras and PyTorch users save; the readers live in RnnGen.Formats.
public sealed partial class SimpleRnnWeights
{
    /// <summary>
    /// Loads a NumPy <c>.npz</c> holding Keras <c>SimpleRNN.get_weights()</c> for this layer: arrays named
    /// <c>kernel</c> (I×O), <c>recurrent_kernel</c> (O×O) and <c>bias</c> (O), or the unnamed <c>arr_0</c>,
    /// <c>arr_1</c>, <c>arr_2</c> that <c>np.savez(f, *layer.get_weights())</c> writes. Arrays may be float32,
    /// float64 or float16; other arrays in the archive are ignored.
    /// </summary>
    /// <param name="path">The .npz file.</param>
    /// <exception cref="InvalidDataException">The file is not a well-formed .npz, or an array it needs has an unsupported dtype.</exception>
    /// <exception cref="ArgumentException">
    /// The file does not fit this layer: an array is missing or has the wrong shape, a weight is not finite, or a
    /// layer without bias is given a non-zero bias. The bias may be left out only when <see cref="UseBias"/> is false.
    /// </exception>
    /// <remarks>The file is read completely before anything is written, so a failed load leaves the weights unchanged.</remarks>
    public void LoadKerasNpz(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using FileStream stream = OpenRead(path);
        LoadKerasNpz(stream);
    }

    /// <summary>Loads a Keras <c>.npz</c> from a stream; see <see cref="LoadKerasNpz(string)"/>.</summary>
    /// <param name="stream">The archive, read from its current position (it need not seek); left open.</param>
    /// <exception cref="InvalidDataException">The data is not a well-formed .npz, or an array it needs has an unsupported dtype.</exception>
    /// <exception cref="ArgumentException">The file does not fit this layer (see <see cref="LoadKerasNpz(string)"/>).</exception>
    public void LoadKerasNpz(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        KerasLayerTensors tensors = KerasNpzLayout.Read(stream, InputSize, OutputSize, UseBias);
        CheckValues(tensors.Kernel, isBias: false);
        CheckValues(tensors.RecurrentKernel, isBias: false);
        CheckValues(tensors.Bias, isBias: true);
        LoadKeras(tensors.Kernel.Data, tensors.RecurrentKernel.Data, tensors.Bias.Data);
    }

    /// <summary>
    /// Loads a safetensors file of a <c>torch.nn.RNN</c> <c>state_dict</c>: <c>{prefix}weight_ih_l0</c> (O×I),
    /// <c>{prefix}weight_hh_l0</c> (O×O), <c>{prefix}bias_ih_l0</c> and <c>{prefix}bias_hh_l0</c> (O each; the bias
    /// is their sum). Tensors may be F32, F64, F16 or BF16; other tensors in the file are ignored.
    /// </summary>
    /// <param name="path">The .safetensors file.</param>
    /// <param name="prefix">What precedes the tensor names, such as <c>rnn.</c> for a module's submodule; empty by default.</param>
    /// <exception cref="InvalidDataException">The file is not well-formed safetensors, or a tensor it needs has an unsupported dtype.</exception>
    /// <exception cref="ArgumentException">
    /// The file does not fit this layer: a tensor is missing or has the wrong shape, a weight or the sum of the two
    /// biases is not finite, or a layer without bias is given a non-zero bias. Both biases may be left out only when
    /// <see cref="UseBias"/> is false.
    /// </exception>
    /// <remarks>The file is read completely before anything is written, so a failed load leaves the weights unchanged.</remarks>
    public void LoadPyTorchSafetensors(string path, string prefix = "")
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(prefix);
        using FileStream stream = OpenRead(path);
        LoadPyTorchSafetensors(stream, prefix);
    }

    /// <summary>Loads a PyTorch safetensors file from a stream; see <see cref="LoadPyTorchSafetensors(string, string)"/>.</summary>
    /// <param name="stream">The file, read from its current position (it need not seek); left open.</param>
    /// <param name="prefix">What precedes the tensor names; empty by default.</param>
    /// <exception cref="InvalidDataException">The data is not well-formed safetensors, or a tensor it needs has an unsupported dtype.</exception>
    /// <exception cref="ArgumentException">The file does not fit this layer (see <see cref="LoadPyTorchSafetensors(string, string)"/>).</exception>
    public void LoadPyTorchSafetensors(Stream stream, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(prefix);
        PyTorchLayerTensors tensors = PyTorchSafetensorsLayout.Read(stream, prefix, InputSize, OutputSize, UseBias);
        CheckValues(tensors.WeightIh, isBias: false);
        CheckValues(tensors.WeightHh, isBias: false);
        CheckValues(tensors.BiasIh, isBias: true);
        CheckValues(tensors.BiasHh, isBias: true);
        SpanGuard.FiniteSum(tensors.BiasIh.Data, tensors.BiasHh.Data, tensors.BiasIh.Name, tensors.BiasHh.Name);
        LoadPyTorch(tensors.WeightIh.Data, tensors.WeightHh.Data, tensors.BiasIh.Data, tensors.BiasHh.Data);
    }

    /// <summary>The load methods check values too; checking here first lets the message use the file's tensor name.</summary>
    private void CheckValues(TensorData tensor, bool isBias)
    {
        SpanGuard.Finite(tensor.Data, tensor.Name);
        if (isBias && !UseBias)
        {
            SpanGuard.AllZero(tensor.Data, tensor.Name);
        }
    }

    private static FileStream OpenRead(string path)
        => new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64 * 1024, FileOptions.SequentialScan);
}
