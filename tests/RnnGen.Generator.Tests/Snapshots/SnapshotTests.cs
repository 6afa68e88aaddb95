using System.Reflection;
using Microsoft.CodeAnalysis;
using RnnGen.Generator.Tests.Infrastructure;

namespace RnnGen.Generator.Tests.Snapshots;

/// <summary>
/// The generated source of representative configurations, kept as reviewed baselines: any change to what users
/// read shows up as a diff here.
/// </summary>
public class SnapshotTests
{
    [Fact]
    public void Main_shape_tanh() => VerifyGenerated("""
        using RnnGen;

        namespace Game.Motion
        {
            [SimpleRnn(Timesteps = 100, Input = 32, Output = 64)]
            public partial class MotionModel { }
        }
        """);

    [Fact]
    public void Odd_sizes_linear_file_scoped_namespace() => VerifyGenerated("""
        using RnnGen;

        namespace Game.Odd;

        [SimpleRnn(Timesteps = 13, Input = 3, Output = 5, Activation = RnnActivation.Linear)]
        internal sealed partial class OddLinear { }
        """);

    [Fact]
    public void Relu() => VerifyGenerated("""
        using RnnGen;

        namespace Game;

        [SimpleRnn(Timesteps = 50, Input = 16, Output = 32, Activation = RnnActivation.Relu)]
        public partial class ReluModel { }
        """);

    [Fact]
    public void Sigmoid_without_bias() => VerifyGenerated("""
        using RnnGen;

        namespace Game;

        [SimpleRnn(Timesteps = 30, Input = 12, Output = 24, Activation = RnnActivation.Sigmoid, UseBias = false)]
        public partial class Gate { }
        """);

    [Fact]
    public void Nested_class() => VerifyGenerated("""
        using RnnGen;

        namespace Game;

        public static partial class Models
        {
            internal partial class Controllers
            {
                [SimpleRnn(Timesteps = 7, Input = 9, Output = 33)]
                public partial class Balance { }
            }
        }
        """);

    [Fact]
    public void Global_namespace_single_unit() => VerifyGenerated("""
        [RnnGen.SimpleRnn(Timesteps = 1, Input = 1, Output = 1)]
        public partial class Tiny { }
        """);

    [Fact]
    public void Generic_class() => VerifyGenerated("""
        using RnnGen;

        namespace Game;

        [SimpleRnn(Timesteps = 4, Input = 2, Output = 8)]
        public partial class Tagged<TTag> where TTag : struct { }
        """);

    [Fact]
    public void Wide_layer_over_the_unroll_budget() => VerifyGenerated("""
        using RnnGen;

        namespace Game;

        [SimpleRnn(Timesteps = 5, Input = 64, Output = 256)]
        public partial class Wide { }
        """);

    [Fact]
    public void Gru_main_shape() => VerifyGenerated("""
        using RnnGen;

        namespace Game.Agents;

        [Gru(Timesteps = 100, Input = 32, Output = 64)]
        public partial class Policy { }
        """);

    [Fact]
    public void Gru_reset_before_odd_shape() => VerifyGenerated("""
        using RnnGen;

        namespace Game.Agents;

        [Gru(Timesteps = 13, Input = 3, Output = 5, ResetAfter = false)]
        public partial class Legacy { }
        """);

    [Fact]
    public void Gru_odd_shape_relu_without_bias() => VerifyGenerated("""
        using RnnGen;

        namespace Game.Agents;

        [Gru(Timesteps = 7, Input = 9, Output = 33, Activation = RnnActivation.Relu, UseBias = false)]
        public partial class Odd { }
        """);

    [Fact]
    public void Lstm_main_shape() => VerifyGenerated("""
        using RnnGen;

        namespace Audio;

        [Lstm(Timesteps = 100, Input = 32, Output = 64)]
        public partial class Voice { }
        """);

    [Fact]
    public void Lstm_audio_odd_shape() => VerifyGenerated("""
        using RnnGen;

        namespace Audio;

        [Lstm(Timesteps = 2048, Input = 1, Output = 40)]
        public partial class Drive { }
        """);

    /// <summary>Every baseline on disk belongs to a test here, so a renamed test cannot leave a stale one behind.</summary>
    [Fact]
    public void Every_snapshot_file_has_a_test()
    {
        string directory = Path.GetDirectoryName(ThisFile())!;
        var tests = typeof(SnapshotTests).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.GetCustomAttribute<FactAttribute>() is not null)
            .Select(m => $"{nameof(SnapshotTests)}.{m.Name}#")
            .ToList();
        var orphans = Directory.GetFiles(directory, "*.verified.cs")
            .Select(Path.GetFileName)
            .Where(name => !tests.Any(prefix => name!.StartsWith(prefix, StringComparison.Ordinal)))
            .ToList();
        Assert.True(orphans.Count == 0, "Snapshots without a test: " + string.Join(", ", orphans));
        Assert.NotEmpty(Directory.GetFiles(directory, "*.verified.cs"));
    }

    private static string ThisFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;

    private static void VerifyGenerated(string source, [System.Runtime.CompilerServices.CallerFilePath] string testFile = "", [System.Runtime.CompilerServices.CallerMemberName] string method = "")
    {
        GenerationResult result = GeneratorHarness.Run(source);
        Assert.Empty(result.Diagnostics);
        Assert.True(result.CompilationProblems.IsEmpty, string.Join("\n", result.CompilationProblems) + "\n" + result.NumberedSources());
        GeneratedSourceResult generated = Assert.Single(result.Sources);
        SnapshotVerifier.Verify(generated.HintName, generated.SourceText.ToString(), testFile, method);
    }
}
