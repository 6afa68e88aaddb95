using Microsoft.CodeAnalysis;
using RnnGen.Generator.Tests.Infrastructure;

namespace RnnGen.Generator.Tests.Robustness;

/// <summary>
/// The kernel classes live in a namespace of their own with short aliases (V256, Unsafe, …) and activations called
/// by simple name. A user's type of the same name there must not capture or collide with them.
/// </summary>
public class KernelNamespaceTests
{
    [Theory]
    [InlineData("public class V256 { }")]
    [InlineData("public static class Tanh { }")]
    [InlineData("public class GruKernel { } public class EmbeddedWeights { }")]
    [InlineData("public class Unsafe { } public class MemoryMarshal { } public class Fma { }")]
    public void A_user_type_in_the_kernel_namespace_breaks_nothing(string declarations)
    {
        GenerationResult result = GeneratorHarness.Run($$"""
            namespace RnnGen.Generated
            {
                {{declarations}}
            }

            namespace Game
            {
                [RnnGen.Gru(Timesteps = 3, Input = 2, Output = 5)]
                public partial class Policy { }

                [RnnGen.SimpleRnn(Timesteps = 3, Input = 2, Output = 5)]
                public partial class Motion { }
            }
            """);

        Assert.Empty(result.Diagnostics);
        Assert.True(result.CompilationProblems.IsEmpty, string.Join("\n", result.CompilationProblems) + result.NumberedSources());
        Assert.All(result.Sources, s => Assert.Contains("namespace RnnGen.Generated1", s.SourceText.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void A_type_named_like_the_kernel_namespace_moves_it()
    {
        GenerationResult result = GeneratorHarness.Run("""
            namespace RnnGen
            {
                public class Generated { }
            }

            [RnnGen.Lstm(Timesteps = 3, Input = 2, Output = 5)]
            public partial class Voice { }
            """);

        Assert.True(result.CompilationProblems.IsEmpty, string.Join("\n", result.CompilationProblems));
        Assert.Contains("namespace RnnGen.Generated1", Assert.Single(result.Sources).SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_collisions_the_kernels_live_in_RnnGen_Generated()
    {
        GenerationResult result = GeneratorHarness.Run("""
            [RnnGen.Gru(Timesteps = 3, Input = 2, Output = 5)]
            public partial class Policy { }
            """);
        Assert.Contains("namespace RnnGen.Generated\n", Assert.Single(result.Sources).SourceText.ToString(), StringComparison.Ordinal);
    }
}
