using System;

namespace RnnGen.Benchmarks.Harness;

/// <summary>
/// One shape's weights and inputs, shared by every peer: W (O×I), U (O×O), b (O), X (T×I), all row-major,
/// and an initial state H0 (O) for the benchmarks that start from one.
/// </summary>
public sealed class RnnCase
{
    // One fixed seed, mixed with the shape, so every process of a run (and every run) sees the same numbers.
    private const int Seed = 20240611;

    private RnnCase(int timesteps, int input, int output)
    {
        Timesteps = timesteps;
        Input = input;
        Output = output;
        var random = new Random(Seed ^ ((timesteps * 1_000_003) + (input * 1_009) + output));
        float limit = 1f / MathF.Sqrt(output);
        W = Uniform(random, output * input, limit);
        U = Uniform(random, output * output, limit);
        B = Uniform(random, output, limit);
        X = Uniform(random, timesteps * input, 1f);
        H0 = Uniform(random, output, 1f);
    }

    public int Timesteps { get; }

    public int Input { get; }

    public int Output { get; }

    public float[] W { get; }

    public float[] U { get; }

    public float[] B { get; }

    public float[] X { get; }

    /// <summary>An arbitrary state in [-1, 1], for the single-step benchmarks.</summary>
    public float[] H0 { get; }

    /// <summary>"TxIxO", as the ONNX model files and the benchmark categories name the shape.</summary>
    public string Name => FormattableString.Invariant($"{Timesteps}x{Input}x{Output}");

    /// <summary>Weights uniform in ±1/sqrt(O), inputs uniform in [-1, 1].</summary>
    public static RnnCase Create(int timesteps, int input, int output) => new(timesteps, input, output);

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
