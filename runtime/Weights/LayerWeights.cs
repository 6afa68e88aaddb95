using System;
using System.ComponentModel;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using RnnGen.Kernels;
using RnnGen.Layout;

namespace RnnGen.Weights;

/// <summary>
/// The weights of one generated layer, whatever its cell: a canonical copy (W as G·O×I, U as G·O×O, input and
/// recurrent biases as G·O, gates in RnnGen's order) and the packed copy the kernels read (see
/// <see cref="PackedLayout"/>). Loads validate everything before they write, so a failed load leaves the
/// previous weights in place.
/// </summary>
/// <remarks>Loading is not thread-safe; running a kernel on loaded weights is, from any number of threads.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract partial class LayerWeights
{
    private readonly float[] _packed;
    private readonly int _packedStart;
    private readonly PackedLayout _layout;

    private protected LayerWeights(CellKind cell, int inputSize, int outputSize, bool useBias, bool resetAfter)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputSize);
        InputSize = inputSize;
        OutputSize = outputSize;
        UseBias = useBias;
        Gates = CellGates.Count(cell);
        int rows = Gates * outputSize;
        CanonicalW = new float[(long)rows * inputSize];
        CanonicalU = new float[(long)rows * outputSize];
        CanonicalInputBias = new float[rows];
        CanonicalRecurrentBias = new float[rows];

        _layout = new PackedLayout(cell, inputSize, outputSize, resetAfter, SimdPaths.Lanes);
        if (_layout.Length > Array.MaxLength - PackedAlignment.SlackFloats)
        {
            throw new ArgumentOutOfRangeException(nameof(outputSize), string.Create(CultureInfo.InvariantCulture, $"The packed weights of Input = {inputSize}, Output = {outputSize} would hold {_layout.Length} floats, more than an array can."));
        }

        // Pinned so that the 64-byte alignment chosen here holds for the object's lifetime.
        _packed = GC.AllocateArray<float>((int)_layout.Length + PackedAlignment.SlackFloats, pinned: true);
        _packedStart = PackedAlignment.AlignedStart(_packed);
    }

    /// <summary>Input features I.</summary>
    public int InputSize { get; }

    /// <summary>Output features O (units).</summary>
    public int OutputSize { get; }

    /// <summary>Whether the layer has biases.</summary>
    public bool UseBias { get; }

    /// <summary>G: 1 for SimpleRNN, 3 for GRU, 4 for LSTM.</summary>
    public int Gates { get; }

    /// <summary>Floats per vector of the packed copy (1 on the scalar path).</summary>
    public int Lanes => _layout.Lanes;

    /// <summary>The first float of the packed copy, 64-byte aligned.</summary>
    public ref float Packed => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_packed), _packedStart);

    /// <summary>W, G·O×I: row g·O + o holds what every input sends to output o of gate g.</summary>
    private protected float[] CanonicalW { get; }

    /// <summary>U, G·O×O: row g·O + o holds what every state element sends to output o of gate g.</summary>
    private protected float[] CanonicalU { get; }

    /// <summary>The input biases, G·O (for cells with one bias per gate, that bias).</summary>
    private protected float[] CanonicalInputBias { get; }

    /// <summary>The recurrent biases, G·O; zeros except for a GRU, which keeps both of its bias rows.</summary>
    private protected float[] CanonicalRecurrentBias { get; }

    /// <summary>Checks that a bias is finite and, for a layer without bias, zero.</summary>
    private protected void CheckBias(ReadOnlySpan<float> bias, string paramName)
    {
        SpanGuard.Finite(bias, paramName);
        if (!UseBias)
        {
            SpanGuard.AllZero(bias, paramName);
        }
    }

    /// <summary>Rebuilds the packed copy from the canonical one; call after every successful load.</summary>
    private protected void Repack()
    {
        PackedLayout layout = _layout;
        Span<float> destination = _packed.AsSpan(_packedStart, (int)layout.Length);
        destination.Clear();
        int input = layout.Input, output = layout.Output, row = layout.RowLength;
        for (int gate = 0; gate < Gates; gate++)
        {
            bool apart = CellGates.RecurrentBiasApart(layout.Cell, layout.HasRecurrentBiasRow, gate);
            for (int o = 0; o < output; o++)
            {
                int source = (gate * output) + o;
                int column = layout.Column(gate, o);
                ReadOnlySpan<float> w = CanonicalW.AsSpan(source * input, input);
                for (int i = 0; i < input; i++)
                {
                    destination[(i * row) + column] = w[i];
                }

                ReadOnlySpan<float> u = CanonicalU.AsSpan(source * output, output);
                int recurrent = layout.RecurrentOffset + column;
                for (int j = 0; j < output; j++)
                {
                    destination[recurrent + (j * row)] = u[j];
                }

                float inputBias = CanonicalInputBias[source], recurrentBias = CanonicalRecurrentBias[source];
                destination[layout.BiasOffset + column] = apart ? inputBias : inputBias + recurrentBias;
                if (apart)
                {
                    destination[layout.RecurrentBiasOffset + column] = recurrentBias;
                }
            }
        }
    }

    private protected static string Describe(string what, int a) => string.Create(CultureInfo.InvariantCulture, $"{what} = {a}");

    private protected static string Describe(string what, int a, int b) => string.Create(CultureInfo.InvariantCulture, $"{what} = {a} × {b}");
}
