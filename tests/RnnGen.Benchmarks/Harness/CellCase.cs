using System;

namespace RnnGen.Benchmarks.Harness;

/// <summary>
/// One gated case's weights and inputs, shared by every peer, in PyTorch's layout (torch.nn.GRU with its default
/// reset-after semantics, torch.nn.LSTM): weight_ih (G·O×I), weight_hh (G·O×O), bias_ih and bias_hh (G·O), with the
/// gates in blocks of O rows in PyTorch's order (see <see cref="CellKind"/>), and X (T×I), all row-major.
/// </summary>
public sealed class CellCase
{
    // The SimpleRnn cases' seed, mixed with the cell as well as the shape.
    private const int Seed = 20240611;

    private CellCase(CellKind kind, int timesteps, int input, int output)
    {
        Kind = kind;
        Timesteps = timesteps;
        Input = input;
        Output = output;
        int rows = Gates * output;
        var random = new Random(Seed ^ ((timesteps * 1_000_003) + (input * 1_009) + output) ^ (Gates << 28));
        float limit = 1f / MathF.Sqrt(output);
        WeightIh = Uniform(random, rows * input, limit);
        WeightHh = Uniform(random, rows * output, limit);
        BiasIh = Uniform(random, rows, limit);
        BiasHh = Uniform(random, rows, limit);
        X = Uniform(random, timesteps * input, 1f);
    }

    public CellKind Kind { get; }

    /// <summary>G: 3 for a GRU, 4 for an LSTM.</summary>
    public int Gates => (int)Kind;

    public int Timesteps { get; }

    public int Input { get; }

    public int Output { get; }

    public float[] WeightIh { get; }

    public float[] WeightHh { get; }

    public float[] BiasIh { get; }

    public float[] BiasHh { get; }

    public float[] X { get; }

    /// <summary>"gru_TxIxO" or "lstm_TxIxO", as the ONNX model files name the case.</summary>
    public string Name => FormattableString.Invariant($"{(Kind == CellKind.Gru ? "gru" : "lstm")}_{Timesteps}x{Input}x{Output}");

    /// <summary>Weights uniform in ±1/sqrt(O) (PyTorch's initialisation), inputs uniform in [-1, 1].</summary>
    public static CellCase Create(CellKind kind, int timesteps, int input, int output) => new(kind, timesteps, input, output);

    /// <summary>A new output buffer, T×O.</summary>
    public float[] NewOutputs() => new float[Timesteps * Output];

    private static float[] Uniform(Random random, int length, float limit)
    {
        var values = new float[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = ((random.NextSingle() * 2f) - 1f) * limit;
        }

        return values;
    }
}
