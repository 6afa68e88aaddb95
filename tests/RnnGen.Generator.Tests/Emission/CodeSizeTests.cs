using System.Diagnostics;
using RnnGen.Generator.Tests.Infrastructure;

namespace RnnGen.Generator.Tests.Emission;

/// <summary>
/// The unroll budget and the tile limit bound every kernel method, so the largest layers the generator accepts
/// still generate a file of at most a few hundred KB that compiles in seconds.
/// </summary>
public class CodeSizeTests
{
    /// <summary>Characters one generated file may hold, for any shape.</summary>
    private const int MaxSourceChars = 400_000;

    [Theory]
    [InlineData("SimpleRnn(Timesteps = 2, Input = 1, Output = 8192)")]
    [InlineData("SimpleRnn(Timesteps = 2, Input = 4096, Output = 4096)")]
    [InlineData("Gru(Timesteps = 2, Input = 1, Output = 4720)")]
    [InlineData("Gru(Timesteps = 2, Input = 1, Output = 4720, ResetAfter = false)")]
    [InlineData("Lstm(Timesteps = 2, Input = 1, Output = 4096)")]
    [InlineData("Lstm(Timesteps = 2, Input = 4096, Output = 4000)")]
    [InlineData("Gru(Timesteps = 100, Input = 32, Output = 64)")]
    [InlineData("Lstm(Timesteps = 100, Input = 32, Output = 64)")]
    [InlineData("Lstm(Timesteps = 50, Input = 128, Output = 128)")]
    [InlineData("Gru(Timesteps = 20, Input = 64, Output = 255)")]
    public void The_largest_layers_generate_a_bounded_file_that_compiles_quickly(string attribute)
    {
        var stopwatch = Stopwatch.StartNew();
        GenerationResult result = GeneratorHarness.Run($"[RnnGen.{attribute}] public partial class Big {{ }}");
        Assert.True(result.CompilationProblems.IsEmpty, string.Join("\n", result.CompilationProblems));
        stopwatch.Stop();

        string source = Assert.Single(result.Sources).SourceText.ToString();
        Assert.True(source.Length <= MaxSourceChars, $"{attribute}: {source.Length:N0} characters");
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(20), $"{attribute}: generated and compiled in {stopwatch.Elapsed}");
        Assert.Contains("multiply-adds per product and 4 tiles; larger layers loop.", source, StringComparison.Ordinal);
    }
}
