using System;
using System.IO;
using RnnGen.Formats;

namespace RnnGen.Weights;

// Loading from the weight files Keras and PyTorch users save; the readers live in RnnGen.Formats.
public abstract partial class LayerWeights
{
    /// <summary>
    /// Loads a NumPy <c>.npz</c> holding Keras <c>get_weights()</c> for this layer: arrays named <c>kernel</c>,
    /// <c>recurrent_kernel</c> and <c>bias</c>, or the unnamed <c>arr_0</c>, <c>arr_1</c>, <c>arr_2</c> that
    /// <c>np.savez(f, *layer.get_weights())</c> writes. Arrays may be float32, float64 or float16; other arrays in
    /// the archive are ignored.
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
        KerasLayerTensors t = KerasNpzLayout.Read(stream, Shapes, UseBias);
        LoadKeras(t.Kernel.Data, t.RecurrentKernel.Data, t.Bias.Data, new KerasNames(t.Kernel.Name, t.RecurrentKernel.Name, t.Bias.Name));
    }

    /// <summary>
    /// Loads a safetensors file of a PyTorch <c>state_dict</c>: <c>{prefix}weight_ih_l0</c>, <c>{prefix}weight_hh_l0</c>,
    /// <c>{prefix}bias_ih_l0</c> and <c>{prefix}bias_hh_l0</c>. Tensors may be F32, F64, F16 or BF16; other tensors
    /// in the file are ignored.
    /// </summary>
    /// <param name="path">The .safetensors file.</param>
    /// <param name="prefix">What precedes the tensor names, such as <c>rnn.</c> for a module's submodule; empty by default.</param>
    /// <exception cref="InvalidDataException">The file is not well-formed safetensors, or a tensor it needs has an unsupported dtype.</exception>
    /// <exception cref="ArgumentException">
    /// The file does not fit this layer: a tensor is missing or has the wrong shape, a weight is not finite, or a
    /// layer without bias is given a non-zero bias. Both biases may be left out only when <see cref="UseBias"/> is false.
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
        PyTorchLayerTensors t = PyTorchSafetensorsLayout.Read(stream, prefix, Shapes, UseBias);
        LoadPyTorch(t.WeightIh.Data, t.WeightHh.Data, t.BiasIh.Data, t.BiasHh.Data, new PyTorchNames(t.WeightIh.Name, t.WeightHh.Name, t.BiasIh.Name, t.BiasHh.Name));
    }

    /// <summary>The tensor shapes this layer needs in the frameworks' layouts.</summary>
    private protected abstract LayerShapes Shapes { get; }

    /// <summary>Validates and loads Keras tensors; errors call them by <paramref name="names"/>.</summary>
    private protected abstract void LoadKeras(ReadOnlySpan<float> kernel, ReadOnlySpan<float> recurrentKernel, ReadOnlySpan<float> bias, KerasNames names);

    /// <summary>Validates and loads PyTorch tensors; errors call them by <paramref name="names"/>.</summary>
    private protected abstract void LoadPyTorch(ReadOnlySpan<float> weightIh, ReadOnlySpan<float> weightHh, ReadOnlySpan<float> biasIh, ReadOnlySpan<float> biasHh, PyTorchNames names);

    /// <summary>What errors call the Keras tensors: the parameter names, or the names in a file.</summary>
    private protected readonly record struct KerasNames(string Kernel, string RecurrentKernel, string Bias)
    {
        public static KerasNames Parameters => new("kernel", "recurrentKernel", "bias");
    }

    /// <summary>What errors call the PyTorch tensors: the parameter names, or the names in a file.</summary>
    private protected readonly record struct PyTorchNames(string WeightIh, string WeightHh, string BiasIh, string BiasHh)
    {
        public static PyTorchNames Parameters => new("weightIh", "weightHh", "biasIh", "biasHh");
    }

    private static FileStream OpenRead(string path)
        => new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64 * 1024, FileOptions.SequentialScan);
}
