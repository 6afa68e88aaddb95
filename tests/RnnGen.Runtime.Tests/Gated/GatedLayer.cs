using System;
using RnnGen.Layout;
using RnnGen.Runtime.Tests.Formats;
using RnnGen.Weights;

namespace RnnGen.Runtime.Tests.Gated;

/// <summary>
/// A small GRU or LSTM (3 inputs, 5 units) for the runtime's weight classes, with exactly representable weights in
/// both frameworks' layouts. The Keras tensors are drawn; the PyTorch ones are the same weights reordered (PyTorch
/// orders a GRU's gates r, z, n), and an LSTM's Keras bias is the sum of PyTorch's two.
/// </summary>
internal sealed class GatedLayer
{
    public const int Input = 3;
    public const int Output = 5;

    private GatedLayer(string name, CellKind cell, bool resetAfter, bool useBias, int seed)
    {
        Name = name;
        Cell = cell;
        ResetAfter = resetAfter;
        UseBias = useBias;
        Kernel = TensorEncoding.ExactValues(Input * Rows, seed);
        RecurrentKernel = TensorEncoding.ExactValues(Output * Rows, seed + 1);
        if (cell == CellKind.Lstm)
        {
            BiasIh = Bias(Rows, seed + 2);
            BiasHh = Bias(Rows, seed + 3);
            KerasBias = new float[Rows];
            for (int k = 0; k < Rows; k++)
            {
                KerasBias[k] = BiasIh[k] + BiasHh[k];
            }
        }
        else
        {
            KerasBias = Bias(KerasBiasRows * Rows, seed + 2);
            BiasIh = ToPyTorchRows(KerasBias.AsSpan(0, Rows));
            BiasHh = resetAfter ? ToPyTorchRows(KerasBias.AsSpan(Rows, Rows)) : new float[Rows];
        }

        WeightIh = FromKerasColumns(Kernel, Input);
        WeightHh = FromKerasColumns(RecurrentKernel, Output);
    }

    public static GatedLayer Gru { get; } = new("GRU", CellKind.Gru, resetAfter: true, useBias: true, seed: 21);

    public static GatedLayer GruResetBefore { get; } = new("GRU reset_after=False", CellKind.Gru, resetAfter: false, useBias: true, seed: 31);

    public static GatedLayer Lstm { get; } = new("LSTM", CellKind.Lstm, resetAfter: false, useBias: true, seed: 41);

    public static GatedLayer GruWithoutBias { get; } = new("GRU without bias", CellKind.Gru, resetAfter: true, useBias: false, seed: 51);

    public static GatedLayer GruResetBeforeWithoutBias { get; } = new("GRU reset_after=False without bias", CellKind.Gru, resetAfter: false, useBias: false, seed: 61);

    public static GatedLayer LstmWithoutBias { get; } = new("LSTM without bias", CellKind.Lstm, resetAfter: false, useBias: false, seed: 71);

    public string Name { get; }

    public CellKind Cell { get; }

    public bool ResetAfter { get; }

    public bool UseBias { get; }

    /// <summary>G.</summary>
    public int Gates => Cell == CellKind.Lstm ? 4 : 3;

    /// <summary>G·O.</summary>
    public int Rows => Gates * Output;

    /// <summary>2 for a GRU with reset_after, else 1.</summary>
    public int KerasBiasRows => Cell == CellKind.Gru && ResetAfter ? 2 : 1;

    public bool HasPyTorchLayout => Cell == CellKind.Lstm || ResetAfter;

    /// <summary>How the frameworks' shape messages spell G·O.</summary>
    public string RowsMeaning => FormattableString.Invariant($"{Gates}·Output");

    public float[] Kernel { get; }

    public float[] RecurrentKernel { get; }

    public float[] KerasBias { get; }

    public float[] WeightIh { get; }

    public float[] WeightHh { get; }

    public float[] BiasIh { get; }

    public float[] BiasHh { get; }

    /// <summary>All-zero weights of this layer's kind.</summary>
    public LayerWeights Create() => Cell == CellKind.Lstm
        ? new LstmWeights(Input, Output, UseBias)
        : new GruWeights(Input, Output, UseBias, ResetAfter);

    /// <summary>Weights holding this layer's tensors, loaded from Keras.</summary>
    public LayerWeights CreateLoaded()
    {
        LayerWeights weights = Create();
        LoadKeras(weights, Kernel, RecurrentKernel, KerasBias);
        return weights;
    }

    /// <summary>The Keras npz of this layer.</summary>
    public byte[] Npz(bool named = true, bool compressed = false, string descr = "<f4", bool withBias = true)
        => GatedFileWriter.KerasNpz(Kernel, RecurrentKernel, withBias ? KerasBias : null, Input, Output, Gates, KerasBiasRows, named, compressed, descr);

    /// <summary>The PyTorch safetensors file of this layer.</summary>
    public byte[] Safetensors(string prefix = "", string dtype = "F32", bool withBias = true)
        => GatedFileWriter.PyTorchSafetensors(WeightIh, WeightHh, withBias ? BiasIh : null, withBias ? BiasHh : null, Input, Output, Gates, prefix, dtype);

    public static void LoadKeras(LayerWeights weights, float[] kernel, float[] recurrentKernel, float[] bias)
    {
        switch (weights)
        {
            case GruWeights gru:
                gru.LoadKeras(kernel, recurrentKernel, bias);
                break;
            case LstmWeights lstm:
                lstm.LoadKeras(kernel, recurrentKernel, bias);
                break;
            default:
                throw new ArgumentException($"{weights.GetType()} is not a gated layer.", nameof(weights));
        }
    }

    public static void LoadPyTorch(LayerWeights weights, float[] weightIh, float[] weightHh, float[] biasIh, float[] biasHh)
    {
        switch (weights)
        {
            case GruWeights gru:
                gru.LoadPyTorch(weightIh, weightHh, biasIh, biasHh);
                break;
            case LstmWeights lstm:
                lstm.LoadPyTorch(weightIh, weightHh, biasIh, biasHh);
                break;
            default:
                throw new ArgumentException($"{weights.GetType()} is not a gated layer.", nameof(weights));
        }
    }

    /// <summary>ExportKeras into new arrays.</summary>
    public (float[] Kernel, float[] RecurrentKernel, float[] Bias) Export(LayerWeights weights)
    {
        float[] kernel = new float[Input * Rows];
        float[] recurrentKernel = new float[Output * Rows];
        float[] bias = new float[KerasBiasRows * Rows];
        switch (weights)
        {
            case GruWeights gru:
                gru.ExportKeras(kernel, recurrentKernel, bias);
                break;
            case LstmWeights lstm:
                lstm.ExportKeras(kernel, recurrentKernel, bias);
                break;
            default:
                throw new ArgumentException($"{weights.GetType()} is not a gated layer.", nameof(weights));
        }

        return (kernel, recurrentKernel, bias);
    }

    /// <summary>Asserts that <paramref name="weights"/> holds exactly this layer's tensors.</summary>
    public void AssertHolds(LayerWeights weights, string because)
    {
        (float[] kernel, float[] recurrentKernel, float[] bias) = Export(weights);
        Assert.True(Kernel.AsSpan().SequenceEqual(kernel), $"{Name}: kernel differs {because}.");
        Assert.True(RecurrentKernel.AsSpan().SequenceEqual(recurrentKernel), $"{Name}: recurrent kernel differs {because}.");
        Assert.True(KerasBias.AsSpan().SequenceEqual(bias), $"{Name}: bias differs {because}.");
    }

    /// <summary>The Keras column of PyTorch's gate row <paramref name="row"/>: a GRU's first two gates trade places.</summary>
    public int KerasColumn(int row)
    {
        int gate = row / Output;
        int kerasGate = Cell == CellKind.Gru && gate < 2 ? 1 - gate : gate;
        return (kerasGate * Output) + (row % Output);
    }

    public override string ToString() => Name;

    private float[] Bias(int length, int seed) => UseBias ? TensorEncoding.ExactValues(length, seed) : new float[length];

    /// <summary>PyTorch (G·O × width) from a Keras (width × G·O) tensor.</summary>
    private float[] FromKerasColumns(float[] keras, int width)
    {
        float[] torch = new float[Rows * width];
        for (int row = 0; row < Rows; row++)
        {
            for (int k = 0; k < width; k++)
            {
                torch[(row * width) + k] = keras[(k * Rows) + KerasColumn(row)];
            }
        }

        return torch;
    }

    /// <summary>A PyTorch bias (G·O) from a Keras bias row.</summary>
    private float[] ToPyTorchRows(ReadOnlySpan<float> keras)
    {
        float[] torch = new float[Rows];
        for (int row = 0; row < Rows; row++)
        {
            torch[row] = keras[KerasColumn(row)];
        }

        return torch;
    }
}
