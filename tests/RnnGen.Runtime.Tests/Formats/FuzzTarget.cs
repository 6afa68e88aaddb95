using System;
using RnnGen.Weights;

namespace RnnGen.Runtime.Tests.Formats;

/// <summary>
/// A layer the fuzz run loads mutated files into: the shapes of its tensors in the frameworks' layouts, weights
/// loaded beforehand, and a snapshot of them to prove that a failed load changed nothing.
/// </summary>
internal sealed class FuzzTarget
{
    private readonly Func<bool, LayerWeights> _createLoaded;
    private readonly Func<LayerWeights, float[]> _snapshot;

    private FuzzTarget(string name, int gates, int kerasBiasRows, bool hasPyTorchLayout, Func<bool, LayerWeights> createLoaded, Func<LayerWeights, float[]> snapshot)
    {
        Name = name;
        Gates = gates;
        KerasBiasRows = kerasBiasRows;
        HasPyTorchLayout = hasPyTorchLayout;
        _createLoaded = createLoaded;
        _snapshot = snapshot;
    }

    public static FuzzTarget SimpleRnn { get; } = new(
        "SimpleRNN",
        gates: 1,
        kerasBiasRows: 1,
        hasPyTorchLayout: true,
        useBias =>
        {
            var weights = new SimpleRnnWeights(FuzzCorpus.Input, FuzzCorpus.Output, useBias);
            weights.LoadSeed(
                TensorEncoding.ExactValues(FuzzCorpus.Output * FuzzCorpus.Input, seed: 91),
                TensorEncoding.ExactValues(FuzzCorpus.Output * FuzzCorpus.Output, seed: 92),
                useBias ? TensorEncoding.ExactValues(FuzzCorpus.Output, seed: 93) : new float[FuzzCorpus.Output]);
            return weights;
        },
        weights => [.. ((SimpleRnnWeights)weights).W, .. ((SimpleRnnWeights)weights).U, .. ((SimpleRnnWeights)weights).B]);

    public static FuzzTarget Gru { get; } = Gated("GRU", 3, kerasBiasRows: 2, useBias => new GruWeights(FuzzCorpus.Input, FuzzCorpus.Output, useBias, resetAfter: true));

    /// <summary>A GRU with reset_after=False, which loads only Keras files.</summary>
    public static FuzzTarget GruResetBefore { get; } = Gated("GRU reset_after=False", 3, kerasBiasRows: 1, useBias => new GruWeights(FuzzCorpus.Input, FuzzCorpus.Output, useBias, resetAfter: false));

    public static FuzzTarget Lstm { get; } = Gated("LSTM", 4, kerasBiasRows: 1, useBias => new LstmWeights(FuzzCorpus.Input, FuzzCorpus.Output, useBias));

    public string Name { get; }

    /// <summary>G: 1 for SimpleRNN, 3 for GRU, 4 for LSTM.</summary>
    public int Gates { get; }

    /// <summary>2 for a GRU with reset_after, else 1.</summary>
    public int KerasBiasRows { get; }

    /// <summary>Whether the layer loads PyTorch files (a GRU with reset_after=False does not).</summary>
    public bool HasPyTorchLayout { get; }

    /// <summary>G·O.</summary>
    public int Rows => Gates * FuzzCorpus.Output;

    /// <summary>The Keras bias's shape: (G·O,), or (2, G·O) with two rows.</summary>
    public int[] KerasBiasShape => KerasBiasRows == 1 ? [Rows] : [KerasBiasRows, Rows];

    /// <summary>Weights that already hold a layer, so that a failed load has something to keep.</summary>
    public LayerWeights CreateLoaded(bool useBias) => _createLoaded(useBias);

    /// <summary>Everything the weights hold, to compare before and after a load.</summary>
    public float[] Snapshot(LayerWeights weights) => _snapshot(weights);

    public override string ToString() => Name;

    private static FuzzTarget Gated(string name, int gates, int kerasBiasRows, Func<bool, LayerWeights> create)
    {
        int rows = gates * FuzzCorpus.Output;
        return new FuzzTarget(
            name,
            gates,
            kerasBiasRows,
            hasPyTorchLayout: gates == 4 || kerasBiasRows == 2,
            useBias =>
            {
                LayerWeights weights = create(useBias);
                float[] kernel = TensorEncoding.ExactValues(FuzzCorpus.Input * rows, seed: 94);
                float[] recurrentKernel = TensorEncoding.ExactValues(FuzzCorpus.Output * rows, seed: 95);
                float[] bias = useBias ? TensorEncoding.ExactValues(kerasBiasRows * rows, seed: 96) : new float[kerasBiasRows * rows];
                switch (weights)
                {
                    case GruWeights gru:
                        gru.LoadKeras(kernel, recurrentKernel, bias);
                        break;
                    case LstmWeights lstm:
                        lstm.LoadKeras(kernel, recurrentKernel, bias);
                        break;
                }

                return weights;
            },
            weights =>
            {
                float[] kernel = new float[FuzzCorpus.Input * rows];
                float[] recurrentKernel = new float[FuzzCorpus.Output * rows];
                float[] bias = new float[kerasBiasRows * rows];
                switch (weights)
                {
                    case GruWeights gru:
                        gru.ExportKeras(kernel, recurrentKernel, bias);
                        break;
                    case LstmWeights lstm:
                        lstm.ExportKeras(kernel, recurrentKernel, bias);
                        break;
                }

                return [.. kernel, .. recurrentKernel, .. bias];
            });
    }
}
