using System;

namespace RnnGen.Benchmarks.Harness;

/// <summary>
/// The data of one batched case, shared by every peer: N sequences' inputs for one timestep (N×I) and their states
/// before the first call (N×O each), all batch-major. The weights are the single-sequence case's
/// (<see cref="RnnCase"/> or <see cref="CellCase"/> with one timestep).
/// </summary>
public sealed class BatchCase
{
    // The other cases' seed, mixed with N as well as the layer.
    private const int Seed = 20240611;

    private readonly float[] initialHidden, initialCell;

    private BatchCase(int count, int input, int output, bool withCell)
    {
        Count = count;
        Input = input;
        Output = output;
        var random = new Random(Seed ^ ((count * 1_000_003) + (input * 1_009) + output) ^ (withCell ? 1 << 28 : 0));
        Inputs = Uniform(random, count * input);
        initialHidden = Uniform(random, count * output);
        initialCell = withCell ? Uniform(random, count * output) : [];
    }

    /// <summary>N: the sequences one call advances.</summary>
    public int Count { get; }

    public int Input { get; }

    public int Output { get; }

    /// <summary>Every sequence's x_t, N×I; the same on every call.</summary>
    public float[] Inputs { get; }

    /// <summary>States in [-1, 1], as sequences part-way through would hold; with a cell state for an LSTM.</summary>
    public static BatchCase Create(int count, int input, int output, bool withCell) => new(count, input, output, withCell);

    /// <summary>A new copy of the states before the first call.</summary>
    public BatchState NewState() => new((float[])initialHidden.Clone(), (float[])initialCell.Clone());

    /// <summary>Sequence <paramref name="n"/>'s input, I floats.</summary>
    public ReadOnlySpan<float> InputOf(int n) => Inputs.AsSpan(n * Input, Input);

    private static float[] Uniform(Random random, int length)
    {
        var values = new float[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = (random.NextSingle() * 2f) - 1f;
        }

        return values;
    }
}
