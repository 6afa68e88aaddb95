using System;
using System.ComponentModel;
using RnnGen.Formats;
using RnnGen.Kernels;
using RnnGen.Layout;

namespace RnnGen.Weights;

/// <summary>
/// The weights of one generated SimpleRNN layer, kept in the seed layout (W as O×I, U as O×O, b as O) besides the
/// packed copy the kernels read.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SimpleRnnWeights : LayerWeights
{
    /// <summary>Creates all-zero weights for a layer of the given shape.</summary>
    public SimpleRnnWeights(int inputSize, int outputSize, bool useBias)
        : base(CellKind.SimpleRnn, inputSize, outputSize, useBias, resetAfter: false)
    {
    }

    /// <summary>W in the seed layout (O×I, row-major).</summary>
    public ReadOnlySpan<float> W => CanonicalW;

    /// <summary>U in the seed layout (O×O, row-major; <c>U[o, j]</c> multiplies <c>h[j]</c>).</summary>
    public ReadOnlySpan<float> U => CanonicalU;

    /// <summary>b (O); zeros when the layer has no bias.</summary>
    public ReadOnlySpan<float> B => CanonicalInputBias;

    private protected override LayerShapes Shapes => new(InputSize, OutputSize, gates: 1, kerasBiasRows: 1);

    /// <summary>Loads W (O×I), U (O×O) and b (O) in the seed layout.</summary>
    public void LoadSeed(ReadOnlySpan<float> w, ReadOnlySpan<float> u, ReadOnlySpan<float> b)
    {
        CheckLengths(w.Length, u.Length, b.Length, nameof(w), nameof(u), nameof(b), "Output × Input", OutputSize, InputSize);
        SpanGuard.Finite(w, nameof(w));
        SpanGuard.Finite(u, nameof(u));
        CheckBias(b, nameof(b));

        w.CopyTo(CanonicalW);
        u.CopyTo(CanonicalU);
        b.CopyTo(CanonicalInputBias);
        Repack();
    }

    /// <summary>
    /// Loads Keras <c>SimpleRNN.get_weights()</c>: kernel (I×O), recurrent kernel (O×O, row j holds the
    /// weights from <c>h_j</c>) and bias (O).
    /// </summary>
    public void LoadKeras(ReadOnlySpan<float> kernel, ReadOnlySpan<float> recurrentKernel, ReadOnlySpan<float> bias)
        => LoadKeras(kernel, recurrentKernel, bias, KerasNames.Parameters);

    private protected override void LoadKeras(ReadOnlySpan<float> kernel, ReadOnlySpan<float> recurrentKernel, ReadOnlySpan<float> bias, KerasNames names)
    {
        CheckLengths(kernel.Length, recurrentKernel.Length, bias.Length, names.Kernel, names.RecurrentKernel, names.Bias, "Input × Output", InputSize, OutputSize);
        SpanGuard.Finite(kernel, names.Kernel);
        SpanGuard.Finite(recurrentKernel, names.RecurrentKernel);
        CheckBias(bias, names.Bias);

        GateBlocks.FromKeras(kernel, InputSize, OutputSize, CanonicalW);
        GateBlocks.FromKeras(recurrentKernel, OutputSize, OutputSize, CanonicalU);
        bias.CopyTo(CanonicalInputBias);
        Repack();
    }

    /// <summary>
    /// Loads <c>torch.nn.RNN</c> layer 0: weight_ih_l0 (O×I), weight_hh_l0 (O×O), bias_ih_l0 and bias_hh_l0 (O);
    /// the bias is their sum.
    /// </summary>
    public void LoadPyTorch(ReadOnlySpan<float> weightIh, ReadOnlySpan<float> weightHh, ReadOnlySpan<float> biasIh, ReadOnlySpan<float> biasHh)
        => LoadPyTorch(weightIh, weightHh, biasIh, biasHh, PyTorchNames.Parameters);

    private protected override void LoadPyTorch(ReadOnlySpan<float> weightIh, ReadOnlySpan<float> weightHh, ReadOnlySpan<float> biasIh, ReadOnlySpan<float> biasHh, PyTorchNames names)
    {
        CheckLengths(weightIh.Length, weightHh.Length, biasIh.Length, names.WeightIh, names.WeightHh, names.BiasIh, "Output × Input", OutputSize, InputSize);
        SpanGuard.Length(biasHh.Length, OutputSize, Describe("Output", OutputSize), names.BiasHh);
        SpanGuard.Finite(weightIh, names.WeightIh);
        SpanGuard.Finite(weightHh, names.WeightHh);
        CheckBias(biasIh, names.BiasIh);
        CheckBias(biasHh, names.BiasHh);
        SpanGuard.FiniteSum(biasIh, biasHh, names.BiasIh, names.BiasHh);

        weightIh.CopyTo(CanonicalW);
        weightHh.CopyTo(CanonicalU);
        for (int o = 0; o < OutputSize; o++)
        {
            CanonicalInputBias[o] = biasIh[o] + biasHh[o];
        }

        Repack();
    }

    /// <summary>Writes the weights back in the seed layout; b is all zeros when the layer has no bias.</summary>
    public void Export(Span<float> w, Span<float> u, Span<float> b)
    {
        CheckLengths(w.Length, u.Length, b.Length, nameof(w), nameof(u), nameof(b), "Output × Input", OutputSize, InputSize);
        CanonicalW.CopyTo(w);
        CanonicalU.CopyTo(u);
        CanonicalInputBias.CopyTo(b);
    }

    /// <summary>The lengths of an input matrix (described by <paramref name="firstMeaning"/>), U and a bias.</summary>
    private void CheckLengths(int first, int recurrent, int bias, string firstName, string recurrentName, string biasName, string firstMeaning, int a, int b)
    {
        SpanGuard.Length(first, InputSize * OutputSize, Describe(firstMeaning, a, b), firstName);
        SpanGuard.Length(recurrent, OutputSize * OutputSize, Describe("Output × Output", OutputSize, OutputSize), recurrentName);
        SpanGuard.Length(bias, OutputSize, Describe("Output", OutputSize), biasName);
    }
}
