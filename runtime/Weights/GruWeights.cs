using System;
using System.ComponentModel;
using RnnGen.Formats;
using RnnGen.Kernels;
using RnnGen.Layout;

namespace RnnGen.Weights;

/// <summary>
/// The weights of one generated GRU layer. Gates z, r, n; with <see cref="ResetAfter"/> both bias rows are kept
/// (the recurrent bias of n is multiplied by the reset gate), without it there is one bias per gate.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GruWeights : LayerWeights
{
    /// <summary>Creates all-zero weights for a GRU of the given shape.</summary>
    public GruWeights(int inputSize, int outputSize, bool useBias, bool resetAfter)
        : base(CellKind.Gru, inputSize, outputSize, useBias, resetAfter)
    {
        ResetAfter = resetAfter;
    }

    private protected override LayerShapes Shapes => new(InputSize, OutputSize, gates: 3, kerasBiasRows: ResetAfter ? 2 : 1);

    /// <summary>Whether the reset gate is applied after the recurrent matrix product (Keras ≥ 2, PyTorch).</summary>
    public bool ResetAfter { get; }

    /// <summary>
    /// Loads Keras <c>GRU.get_weights()</c>: kernel (I×3·O), recurrent kernel (O×3·O), bias (2×3·O with
    /// <see cref="ResetAfter"/>: input biases then recurrent biases; 3·O without); gate blocks z, r, h.
    /// </summary>
    public void LoadKeras(ReadOnlySpan<float> kernel, ReadOnlySpan<float> recurrentKernel, ReadOnlySpan<float> bias)
        => LoadKeras(kernel, recurrentKernel, bias, KerasNames.Parameters);

    private protected override void LoadKeras(ReadOnlySpan<float> kernel, ReadOnlySpan<float> recurrentKernel, ReadOnlySpan<float> bias, KerasNames names)
    {
        (string kernelName, string recurrentName, string biasName) = names;
        int rows = 3 * OutputSize;
        SpanGuard.Length(kernel.Length, InputSize * rows, Describe("Input × 3·Output", InputSize, rows), kernelName);
        SpanGuard.Length(recurrentKernel.Length, OutputSize * rows, Describe("Output × 3·Output", OutputSize, rows), recurrentName);
        SpanGuard.Length(bias.Length, BiasRows * rows, BiasRows == 1 ? Describe("3·Output", rows) : Describe("2 × 3·Output", 2, rows), biasName);
        SpanGuard.Finite(kernel, kernelName);
        SpanGuard.Finite(recurrentKernel, recurrentName);
        CheckBias(bias, biasName);
        int summed = BiasSums.KerasSummedCount(CellKind.Gru, ResetAfter, OutputSize);
        if (summed > 0)
        {
            // z and r add both bias rows once, at load time: that sum must be finite too.
            SpanGuard.FiniteSum(bias[..summed], bias.Slice(rows, summed), biasName + " row 0", biasName + " row 1", biasName);
        }

        GateBlocks.FromKeras(kernel, InputSize, rows, CanonicalW);
        GateBlocks.FromKeras(recurrentKernel, OutputSize, rows, CanonicalU);
        bias[..rows].CopyTo(CanonicalInputBias);
        if (ResetAfter)
        {
            bias.Slice(rows, rows).CopyTo(CanonicalRecurrentBias);
        }

        Repack();
    }

    /// <summary>
    /// Loads layer 0 of a <c>torch.nn.GRU</c>: weight_ih (3·O×I), weight_hh (3·O×O), bias_ih and bias_hh (3·O), gate
    /// blocks r, z, n. PyTorch's GRU applies the reset gate after the product, so this needs <see cref="ResetAfter"/>.
    /// </summary>
    public void LoadPyTorch(ReadOnlySpan<float> weightIh, ReadOnlySpan<float> weightHh, ReadOnlySpan<float> biasIh, ReadOnlySpan<float> biasHh)
        => LoadPyTorch(weightIh, weightHh, biasIh, biasHh, PyTorchNames.Parameters);

    private protected override void LoadPyTorch(ReadOnlySpan<float> weightIh, ReadOnlySpan<float> weightHh, ReadOnlySpan<float> biasIh, ReadOnlySpan<float> biasHh, PyTorchNames names)
    {
        (string weightIhName, string weightHhName, string biasIhName, string biasHhName) = names;
        if (!ResetAfter)
        {
            throw new NotSupportedException("torch.nn.GRU applies the reset gate after the recurrent product; this layer is declared with ResetAfter = false, so load Keras weights instead.");
        }

        int rows = 3 * OutputSize;
        SpanGuard.Length(weightIh.Length, rows * InputSize, Describe("3·Output × Input", rows, InputSize), weightIhName);
        SpanGuard.Length(weightHh.Length, rows * OutputSize, Describe("3·Output × Output", rows, OutputSize), weightHhName);
        SpanGuard.Length(biasIh.Length, rows, Describe("3·Output", rows), biasIhName);
        SpanGuard.Length(biasHh.Length, rows, Describe("3·Output", rows), biasHhName);
        SpanGuard.Finite(weightIh, weightIhName);
        SpanGuard.Finite(weightHh, weightHhName);
        CheckBias(biasIh, biasIhName);
        CheckBias(biasHh, biasHhName);

        // PyTorch's r and z (its first two blocks) add both biases once, at load time.
        int summed = BiasSums.PyTorchSummedCount(CellKind.Gru, OutputSize);
        SpanGuard.FiniteSum(biasIh[..summed], biasHh[..summed], biasIhName, biasHhName);

        GateBlocks.FromPyTorch(CellKind.Gru, weightIh, OutputSize, InputSize, CanonicalW);
        GateBlocks.FromPyTorch(CellKind.Gru, weightHh, OutputSize, OutputSize, CanonicalU);
        GateBlocks.FromPyTorch(CellKind.Gru, biasIh, OutputSize, 1, CanonicalInputBias);
        GateBlocks.FromPyTorch(CellKind.Gru, biasHh, OutputSize, 1, CanonicalRecurrentBias);
        Repack();
    }

    /// <summary>Writes the weights back in the Keras layout (see <see cref="LoadKeras(ReadOnlySpan{float}, ReadOnlySpan{float}, ReadOnlySpan{float})"/>).</summary>
    public void ExportKeras(Span<float> kernel, Span<float> recurrentKernel, Span<float> bias)
    {
        int rows = 3 * OutputSize;
        SpanGuard.Length(kernel.Length, InputSize * rows, Describe("Input × 3·Output", InputSize, rows), nameof(kernel));
        SpanGuard.Length(recurrentKernel.Length, OutputSize * rows, Describe("Output × 3·Output", OutputSize, rows), nameof(recurrentKernel));
        SpanGuard.Length(bias.Length, BiasRows * rows, BiasRows == 1 ? Describe("3·Output", rows) : Describe("2 × 3·Output", 2, rows), nameof(bias));
        GateBlocks.ToKeras(CanonicalW, InputSize, rows, kernel);
        GateBlocks.ToKeras(CanonicalU, OutputSize, rows, recurrentKernel);
        CanonicalInputBias.CopyTo(bias);
        if (ResetAfter)
        {
            CanonicalRecurrentBias.CopyTo(bias[rows..]);
        }
    }

    private int BiasRows => ResetAfter ? 2 : 1;
}
