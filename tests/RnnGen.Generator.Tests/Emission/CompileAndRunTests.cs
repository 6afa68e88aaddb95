using System.Globalization;
using RnnGen.Generator.Tests.Infrastructure;

namespace RnnGen.Generator.Tests.Emission;

/// <summary>
/// Generated code compiled in memory and run, against a float64 reference. (The full numeric suite, on every
/// CPU path, lives in RnnGen.Tests, which uses the generator as an analyzer; this proves the in-memory path
/// and the emitter's culture independence.)
/// </summary>
public class CompileAndRunTests
{
    [Theory]
    [InlineData(7, 9, 33, "Tanh")]
    [InlineData(3, 5, 20, "Sigmoid")]
    [InlineData(4, 130, 100, "Relu")]
    [InlineData(2, 3, 5, "Linear")]
    public void Generated_kernel_matches_a_float64_reference(int timesteps, int input, int output, string activation)
    {
        using var assembly = new InMemoryAssembly(GeneratorHarness.Run(Source(timesteps, input, output, activation)));
        var random = new Random(timesteps * 1000 + output);
        float scale = 1f / MathF.Sqrt(output);
        float[] w = Uniform(random, output * input, scale), u = Uniform(random, output * output, scale), b = Uniform(random, output, scale);
        float[] x = Uniform(random, timesteps * input, 1f);

        float[] actual = assembly.Invoke<float[]>("Harness", "Run", w, u, b, x);

        double[] expected = ReferenceRun(w, u, b, x, timesteps, input, output, activation);
        for (int k = 0; k < expected.Length; k++)
        {
            Assert.True(Math.Abs(expected[k] - actual[k]) <= 1e-4, $"element {k} (t={k / output}, o={k % output}): expected {expected[k]}, got {actual[k]}");
        }
    }

    [Fact]
    public void Generation_does_not_depend_on_the_current_culture()
    {
        string source = Source(13, 3, 5, "Linear");
        string invariant = GeneratorHarness.Run(source).Sources.Single().SourceText.ToString();

        CultureInfo original = CultureInfo.CurrentCulture;
        try
        {
            // A culture whose minus sign is U+2212 and whose separators are swapped, as some real ones have.
            var odd = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            odd.NumberFormat.NegativeSign = "\u2212";
            odd.NumberFormat.NumberDecimalSeparator = ",";
            odd.NumberFormat.NumberGroupSeparator = ".";
            CultureInfo.CurrentCulture = odd;
            CultureInfo.CurrentUICulture = odd;
            Assert.Equal("\u22121", (-1).ToString(CultureInfo.CurrentCulture));

            string underOddCulture = GeneratorHarness.Run(source).Sources.Single().SourceText.ToString();
            Assert.Equal(invariant, underOddCulture);
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
            CultureInfo.CurrentUICulture = original;
        }
    }

    private static string Source(int timesteps, int input, int output, string activation) => $$"""
        [RnnGen.SimpleRnn(Timesteps = {{timesteps}}, Input = {{input}}, Output = {{output}}, Activation = RnnGen.RnnActivation.{{activation}})]
        public partial class Model { }

        public static class Harness
        {
            public static float[] Run(float[] w, float[] u, float[] b, float[] x)
            {
                var model = new Model();
                model.LoadWeights(w, u, b);
                var y = new float[Model.Timesteps * Model.OutputSize];
                model.Run(x, y);
                return y;
            }
        }
        """;

    private static float[] Uniform(Random random, int length, float limit)
        => [.. Enumerable.Range(0, length).Select(_ => ((random.NextSingle() * 2f) - 1f) * limit)];

    private static double[] ReferenceRun(float[] w, float[] u, float[] b, float[] x, int timesteps, int input, int output, string activation)
    {
        var y = new double[timesteps * output];
        var h = new double[output];
        for (int t = 0; t < timesteps; t++)
        {
            var next = new double[output];
            for (int o = 0; o < output; o++)
            {
                double sum = b[o];
                for (int i = 0; i < input; i++)
                {
                    sum += (double)w[(o * input) + i] * x[(t * input) + i];
                }

                for (int j = 0; j < output; j++)
                {
                    sum += (double)u[(o * output) + j] * h[j];
                }

                next[o] = activation switch
                {
                    "Tanh" => Math.Tanh(sum),
                    "Sigmoid" => 1 / (1 + Math.Exp(-sum)),
                    "Relu" => Math.Max(sum, 0),
                    _ => sum,
                };
            }

            h = next;
            Array.Copy(h, 0, y, t * output, output);
        }

        return y;
    }
}
