using System;
using System.ComponentModel;
using RnnGen.Formats;
using RnnGen.Kernels;
using RnnGen.Layout;

namespace RnnGen.Weights;

/// <summary>The weights of one generated LSTM layer: gates i, f, g, o, one (summed) bias per gate.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class LstmWeights : LayerWeights
{
    /// <summary>Creates all-zero weights for an LSTM of the given shape.</summary>
    public LstmWeights(int inputSize, int outputSize, bool useBias)
        : base(CellKind.Lstm, inputSize, outputSize, useBias, resetAfter: false)
    {
    }

    private protected override LayerShapes Shapes => new(InputSize, OutputSize, gates: 4, kerasBiasRows: 1);

    /// <summary>Loads Keras <c>LSTM.get_weights()</c>: kernel (I×4·O), recurrent kernel (O×4·O), bias (4·O); gate blocks i, f, c, o.</summary>
    public void LoadKeras(ReadOnlySpan<float> kernel, ReadOnlySpan<float> recurrentKernel, ReadOnlySpan<float> bias)
        => LoadKeras(kernel, recurrentKernel, bias, KerasNames.Parameters);

    private protected override void LoadKeras(ReadOnlySpan<float> kernel, ReadOnlySpan<float> recurrentKernel, ReadOnlySpan<float> bias, KerasNames names)
    {
        (string kernelName, string recurrentName, string biasName) = names;
        int rows = 4 * OutputSize;
        SpanGuard.Length(kernel.Length, InputSize * rows, Describe("Input × 4·Output", InputSize, rows), kernelName);
        SpanGuard.Length(recurrentKernel.Length, OutputSize * rows, Describe("Output × 4·Output", OutputSize, rows), recurrentName);
        SpanGuard.Length(bias.Length, rows, Describe("4·Output", rows), biasName);
        SpanGuard.Finite(kernel, kernelName);
        SpanGuard.Finite(recurrentKernel, recurrentName);
        CheckBias(bias, biasName);

        GateBlocks.FromKeras(kernel, InputSize, rows, CanonicalW);
        GateBlocks.FromKeras(recurrentKernel, OutputSize, rows, CanonicalU);
        bias.CopyTo(CanonicalInputBias);
        Repack();
    }

    /// <summary>
    /// Loads layer 0 of a <c>torch.nn.LSTM</c>: weight_ih (4·O×I), weight_hh (4·O×O), bias_ih and bias_hh (4·O), gate
    /// blocks i, f, g, o; the bias is their sum.
    /// </summary>
    public void LoadPyTorch(ReadOnlySpan<float> weightIh, ReadOnlySpan<float> weightHh, ReadOnlySpan<float> biasIh, ReadOnlySpan<float> biasHh)
        => LoadPyTorch(weightIh, weightHh, biasIh, biasHh, PyTorchNames.Parameters);

    private protected override void LoadPyTorch(ReadOnlySpan<float> weightIh, ReadOnlySpan<float> weightHh, ReadOnlySpan<float> biasIh, ReadOnlySpan<float> biasHh, PyTorchNames names)
    {
        (string weightIhName, string weightHhName, string biasIhName, string biasHhName) = names;
        int rows = 4 * OutputSize;
        SpanGuard.Length(weightIh.Length, rows * InputSize, Describe("4·Output × Input", rows, InputSize), weightIhName);
        SpanGuard.Length(weightHh.Length, rows * OutputSize, Describe("4·Output × Output", rows, OutputSize), weightHhName);
        SpanGuard.Length(biasIh.Length, rows, Describe("4·Output", rows), biasIhName);
        SpanGuard.Length(biasHh.Length, rows, Describe("4·Output", rows), biasHhName);
        SpanGuard.Finite(weightIh, weightIhName);
        SpanGuard.Finite(weightHh, weightHhName);
        CheckBias(biasIh, biasIhName);
        CheckBias(biasHh, biasHhName);
        SpanGuard.FiniteSum(biasIh, biasHh, biasIhName, biasHhName);

        // PyTorch's gate order is RnnGen's: the rows copy over as they are.
        weightIh.CopyTo(CanonicalW);
        weightHh.CopyTo(CanonicalU);
        for (int k = 0; k < rows; k++)
        {
            CanonicalInputBias[k] = biasIh[k] + biasHh[k];
        }

        Repack();
    }

    /// <summary>Writes the weights back in the Keras layout; after a PyTorch load the bias is bias_ih + bias_hh.</summary>
    public void ExportKeras(Span<float> kernel, Span<float> recurrentKernel, Span<float> bias)
    {
        int rows = 4 * OutputSize;
        SpanGuard.Length(kernel.Length, InputSize * rows, Describe("Input × 4·Output", InputSize, rows), nameof(kernel));
        SpanGuard.Length(recurrentKernel.Length, OutputSize * rows, Describe("Output × 4·Output", OutputSize, rows), nameof(recurrentKernel));
        SpanGuard.Length(bias.Length, rows, Describe("4·Output", rows), nameof(bias));
        GateBlocks.ToKeras(CanonicalW, InputSize, rows, kernel);
        GateBlocks.ToKeras(CanonicalU, OutputSize, rows, recurrentKernel);
        CanonicalInputBias.CopyTo(bias);
    }
}
