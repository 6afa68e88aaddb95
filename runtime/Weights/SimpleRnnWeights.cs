using System;
using System.ComponentModel;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using RnnGen.Kernels;

namespace RnnGen.Weights;

/// <summary>
/// The weights of one generated SimpleRNN layer: a copy in the seed layout (W as O×I, U as O×O, b as O) and,
/// on SIMD machines, the packed copy the kernel reads. Every load validates all of its arguments before it
/// writes anything, so a failed load leaves the previous weights in place.
/// </summary>
/// <remarks>Loading is not thread-safe; running the kernel on loaded weights is, from any number of threads.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed partial class SimpleRnnWeights
{
    private readonly float[] _w;
    private readonly float[] _u;
    private readonly float[] _b;
    private readonly float[] _packed;
    private readonly int _packedStart;

    /// <summary>Creates all-zero weights for a layer of the given shape.</summary>
    public SimpleRnnWeights(int inputSize, int outputSize, bool useBias)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputSize);
        InputSize = inputSize;
        OutputSize = outputSize;
        UseBias = useBias;
        _w = new float[outputSize * inputSize];
        _u = new float[outputSize * outputSize];
        _b = new float[outputSize];

        Lanes = SimdPaths.Lanes;
        PaddedOutput = PackedLayout.PaddedOutput(outputSize, Lanes);
        if (Lanes > 1)
        {
            // Pinned so that the 64-byte alignment chosen here holds for the object's lifetime.
            int length = PackedLayout.Length(inputSize, outputSize, Lanes);
            _packed = GC.AllocateArray<float>(length + PackedLayout.AlignmentSlack, pinned: true);
            _packedStart = PackedLayout.AlignedStart(_packed);
        }
        else
        {
            _packed = [];
        }
    }

    /// <summary>Input features I.</summary>
    public int InputSize { get; }

    /// <summary>Output features O.</summary>
    public int OutputSize { get; }

    /// <summary>Whether the layer has a bias.</summary>
    public bool UseBias { get; }

    /// <summary>Floats per vector of the packed copy (1: no packed copy, the scalar kernel reads the seed layout).</summary>
    public int Lanes { get; }

    /// <summary>O rounded up to a multiple of <see cref="Lanes"/>: the row length of every packed block.</summary>
    public int PaddedOutput { get; }

    /// <summary>The first float of the packed copy, 64-byte aligned. Layout: see <see cref="PackedLayout"/>.</summary>
    public ref float Packed => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_packed), _packedStart);

    /// <summary>W in the seed layout (O×I, row-major).</summary>
    public ReadOnlySpan<float> W => _w;

    /// <summary>U in the seed layout (O×O, row-major; <c>U[o, j]</c> multiplies <c>h[j]</c>).</summary>
    public ReadOnlySpan<float> U => _u;

    /// <summary>b (O); zeros when the layer has no bias.</summary>
    public ReadOnlySpan<float> B => _b;

    /// <summary>Loads W (O×I), U (O×O) and b (O) in the seed layout.</summary>
    public void LoadSeed(ReadOnlySpan<float> w, ReadOnlySpan<float> u, ReadOnlySpan<float> b)
    {
        SpanGuard.Length(w.Length, _w.Length, Describe("Output × Input", OutputSize, InputSize), nameof(w));
        SpanGuard.Length(u.Length, _u.Length, Describe("Output × Output", OutputSize, OutputSize), nameof(u));
        SpanGuard.Length(b.Length, _b.Length, Describe("Output", OutputSize), nameof(b));
        SpanGuard.Finite(w, nameof(w));
        SpanGuard.Finite(u, nameof(u));
        CheckBias(b, nameof(b));

        w.CopyTo(_w);
        u.CopyTo(_u);
        b.CopyTo(_b);
        Repack();
    }

    /// <summary>
    /// Loads Keras <c>SimpleRNN.get_weights()</c>: kernel (I×O), recurrent kernel (O×O, row j holds the
    /// weights from <c>h_j</c>) and bias (O).
    /// </summary>
    public void LoadKeras(ReadOnlySpan<float> kernel, ReadOnlySpan<float> recurrentKernel, ReadOnlySpan<float> bias)
    {
        SpanGuard.Length(kernel.Length, _w.Length, Describe("Input × Output", InputSize, OutputSize), nameof(kernel));
        SpanGuard.Length(recurrentKernel.Length, _u.Length, Describe("Output × Output", OutputSize, OutputSize), nameof(recurrentKernel));
        SpanGuard.Length(bias.Length, _b.Length, Describe("Output", OutputSize), nameof(bias));
        SpanGuard.Finite(kernel, nameof(kernel));
        SpanGuard.Finite(recurrentKernel, nameof(recurrentKernel));
        CheckBias(bias, nameof(bias));

        PackedLayout.Transpose(kernel, InputSize, OutputSize, _w);
        PackedLayout.Transpose(recurrentKernel, OutputSize, OutputSize, _u);
        bias.CopyTo(_b);
        Repack();
    }

    /// <summary>
    /// Loads <c>torch.nn.RNN</c> layer 0: weight_ih_l0 (O×I), weight_hh_l0 (O×O), bias_ih_l0 and bias_hh_l0 (O);
    /// the bias is their float sum, which must be finite as well as each of them.
    /// </summary>
    public void LoadPyTorch(ReadOnlySpan<float> weightIh, ReadOnlySpan<float> weightHh, ReadOnlySpan<float> biasIh, ReadOnlySpan<float> biasHh)
    {
        SpanGuard.Length(weightIh.Length, _w.Length, Describe("Output × Input", OutputSize, InputSize), nameof(weightIh));
        SpanGuard.Length(weightHh.Length, _u.Length, Describe("Output × Output", OutputSize, OutputSize), nameof(weightHh));
        SpanGuard.Length(biasIh.Length, _b.Length, Describe("Output", OutputSize), nameof(biasIh));
        SpanGuard.Length(biasHh.Length, _b.Length, Describe("Output", OutputSize), nameof(biasHh));
        SpanGuard.Finite(weightIh, nameof(weightIh));
        SpanGuard.Finite(weightHh, nameof(weightHh));
        CheckBias(biasIh, nameof(biasIh));
        CheckBias(biasHh, nameof(biasHh));
        SpanGuard.FiniteSum(biasIh, biasHh, nameof(biasIh), nameof(biasHh));

        weightIh.CopyTo(_w);
        weightHh.CopyTo(_u);
        for (int o = 0; o < _b.Length; o++)
        {
            _b[o] = biasIh[o] + biasHh[o];
        }

        Repack();
    }

    /// <summary>Writes the weights back in the seed layout; b is all zeros when the layer has no bias.</summary>
    public void Export(Span<float> w, Span<float> u, Span<float> b)
    {
        SpanGuard.Length(w.Length, _w.Length, Describe("Output × Input", OutputSize, InputSize), nameof(w));
        SpanGuard.Length(u.Length, _u.Length, Describe("Output × Output", OutputSize, OutputSize), nameof(u));
        SpanGuard.Length(b.Length, _b.Length, Describe("Output", OutputSize), nameof(b));
        _w.CopyTo(w);
        _u.CopyTo(u);
        _b.CopyTo(b);
    }

    private void CheckBias(ReadOnlySpan<float> bias, string paramName)
    {
        SpanGuard.Finite(bias, paramName);
        if (!UseBias)
        {
            SpanGuard.AllZero(bias, paramName);
        }
    }

    private void Repack()
    {
        if (Lanes > 1)
        {
            PackedLayout.Pack(_w, _u, _b, InputSize, OutputSize, Lanes, _packed.AsSpan(_packedStart));
        }
    }

    private static string Describe(string what, int a) => string.Create(CultureInfo.InvariantCulture, $"{what} = {a}");

    private static string Describe(string what, int a, int b) => string.Create(CultureInfo.InvariantCulture, $"{what} = {a} × {b}");
}
