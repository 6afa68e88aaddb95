using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RnnGen.Generator.Diagnostics;
using RnnGen.Generator.Tests.Infrastructure;

namespace RnnGen.Generator.Tests.Diagnostics;

/// <summary>
/// One test per diagnostic: its id, the exact text it points at, and its message. A mistake yields exactly the
/// one diagnostic and no generated code, so no compiler errors cascade from generated code.
/// </summary>
public class DiagnosticTests
{
    [Fact]
    public void RNN0001_class_not_partial() => AssertSingle(
        """
        [RnnGen.SimpleRnn(Timesteps = 4, Input = 2, Output = 3)]
        public class Model { }
        """,
        DiagnosticIds.ClassNotPartial,
        "Model",
        "Class 'Model' has [SimpleRnn] but is not partial; declare it as 'partial class Model' so RnnGen can add the kernel to it");

    [Fact]
    public void RNN0002_containing_type_not_partial() => AssertSingle(
        """
        public class Outer
        {
            [RnnGen.SimpleRnn(Timesteps = 4, Input = 2, Output = 3)]
            public partial class Model { }
        }
        """,
        DiagnosticIds.ContainingTypeNotPartial,
        "Outer",
        "'Outer' contains the [SimpleRnn] class 'Model' but is not partial; declare it partial so RnnGen can re-open it");

    [Fact]
    public void A_class_and_its_container_without_partial_are_each_reported_once()
    {
        GenerationResult result = GeneratorHarness.Run("""
            public class Outer
            {
                [RnnGen.SimpleRnn(Timesteps = 4, Input = 2, Output = 3)]
                public class Model { }
            }
            """);
        Assert.Equal([DiagnosticIds.ClassNotPartial, DiagnosticIds.ContainingTypeNotPartial], result.Diagnostics.Select(d => d.Id).Order());
        Assert.Empty(result.Sources);
    }

    [Fact]
    public void A_static_class_without_partial_gets_only_RNN0004() => AssertSingle(
        """
        [RnnGen.SimpleRnn(Timesteps = 4, Input = 2, Output = 3)]
        public static class Model { }
        """,
        DiagnosticIds.StaticClass,
        "Model",
        "Class 'Model' is static, but a [SimpleRnn] class holds weights per instance; remove 'static'");

    [Theory]
    [InlineData("partial struct", "a struct")]
    [InlineData("partial interface", "an interface")]
    [InlineData("partial record", "a record")]
    [InlineData("partial record struct", "a record struct")]
    public void RNN0003_not_a_plain_class(string declaration, string kind) => AssertSingle(
        $$"""
        [RnnGen.SimpleRnn(Timesteps = 4, Input = 2, Output = 3)]
        public {{declaration}} Model { }
        """,
        DiagnosticIds.NotAPlainClass,
        "Model",
        $"'Model' is {kind}; [SimpleRnn] applies only to a (non-record) class: declare it as 'partial class Model'");

    [Fact]
    public void RNN0004_static_class() => AssertSingle(
        """
        [RnnGen.SimpleRnn(Timesteps = 4, Input = 2, Output = 3)]
        public static partial class Model { }
        """,
        DiagnosticIds.StaticClass,
        "Model",
        "Class 'Model' is static, but a [SimpleRnn] class holds weights per instance; remove 'static'");

    [Fact]
    public void RNN0005_shape_property_missing() => AssertSingle(
        """
        [RnnGen.SimpleRnn(Timesteps = 4, Output = 3)]
        public partial class Model { }
        """,
        DiagnosticIds.ShapeMissing,
        "RnnGen.SimpleRnn(Timesteps = 4, Output = 3)",
        "[SimpleRnn] on 'Model' does not set 'Input'; set it to the number of input features I, e.g. [SimpleRnn(Timesteps = 100, Input = 32, Output = 64)]");

    [Theory]
    [InlineData("Timesteps = 0, Input = 2, Output = 3", "Timesteps = 0", "'Timesteps' must be greater than 0, but was 0")]
    [InlineData("Timesteps = 4, Input = -7, Output = 3", "Input = -7", "'Input' must be greater than 0, but was -7")]
    [InlineData("Timesteps = 4, Input = 2, Output = -3", "Output = -3", "'Output' must be greater than 0, but was -3")]
    public void RNN0006_shape_not_positive(string arguments, string span, string message) => AssertSingle(
        $$"""
        [RnnGen.SimpleRnn({{arguments}})]
        public partial class Model { }
        """,
        DiagnosticIds.ShapeNotPositive,
        span,
        message);

    [Theory]
    [InlineData("SimpleRnn", "Timesteps = 1, Input = 1, Output = 8193", "its recurrent weights (Output × Output = 67,125,249 floats) exceed the limit of 67,108,864 floats (256 MiB)")]
    [InlineData("Gru", "Timesteps = 1, Input = 1, Output = 4730", "its recurrent weights (3·Output × Output = 67,118,700 floats) exceed the limit of 67,108,864 floats (256 MiB)")]
    [InlineData("Lstm", "Timesteps = 1, Input = 1, Output = 4097", "its recurrent weights (4·Output × Output = 67,141,636 floats) exceed the limit of 67,108,864 floats (256 MiB)")]
    [InlineData("SimpleRnn", "Timesteps = 100000, Input = 100000, Output = 4", "Timesteps × Input = 10,000,000,000 floats exceed the largest span (2,147,483,647)")]
    public void RNN0007_shape_too_large(string attribute, string arguments, string problem) => AssertSingle(
        $$"""
        [RnnGen.{{attribute}}({{arguments}})]
        public partial class Model { }
        """,
        DiagnosticIds.ShapeTooLarge,
        $"RnnGen.{attribute}({arguments})",
        $"The shape of 'Model' is too large: {problem}");

    [Theory]
    [InlineData("SimpleRnn", "Activation")]
    [InlineData("Gru", "Activation")]
    [InlineData("Gru", "RecurrentActivation")]
    [InlineData("Lstm", "RecurrentActivation")]
    public void RNN0008_unknown_activation(string attribute, string property) => AssertSingle(
        $$"""
        [RnnGen.{{attribute}}(Timesteps = 4, Input = 2, Output = 3, {{property}} = (RnnGen.RnnActivation)7)]
        public partial class Model { }
        """,
        DiagnosticIds.UnknownActivation,
        $"{property} = (RnnGen.RnnActivation)7",
        $"{property} value 7 is not a member of RnnActivation; use RnnActivation.Tanh, Relu, Sigmoid or Linear");

    [Theory]
    [InlineData("public int Timesteps => 1;", "Timesteps")]
    [InlineData("public void Run(System.ReadOnlySpan<float> a, System.Span<float> b) { }", "Run")]
    [InlineData("private object __rnnWeights = new();", "__rnnWeights")]
    public void RNN0009_member_clash(string member, string name) => AssertSingle(
        $$"""
        [RnnGen.SimpleRnn(Timesteps = 4, Input = 2, Output = 3)]
        public partial class Model
        {
            {{member}}
        }
        """,
        DiagnosticIds.MemberClash,
        name,
        $"'Model' declares '{name}', which RnnGen generates for [SimpleRnn] classes; rename or remove it");

    [Fact]
    public void A_user_overload_with_other_parameters_is_not_a_clash()
    {
        GenerationResult result = GeneratorHarness.Run("""
            [RnnGen.SimpleRnn(Timesteps = 4, Input = 2, Output = 3)]
            public partial class Model
            {
                public void Run(float[] inputs, float[] outputs) => Run(inputs.AsSpan(), outputs.AsSpan());
            }
            """.Replace("inputs.AsSpan()", "new System.ReadOnlySpan<float>(inputs)").Replace("outputs.AsSpan()", "new System.Span<float>(outputs)"));
        Assert.Empty(result.Diagnostics);
        Assert.True(result.CompilationProblems.IsEmpty, string.Join("\n", result.CompilationProblems));
    }

    [Fact]
    public void RNN0010_language_version_too_low() => AssertSingle(
        """
        [RnnGen.SimpleRnn(Timesteps = 4, Input = 2, Output = 3)]
        public partial class Model { }
        """,
        DiagnosticIds.LanguageVersionTooLow,
        "Model",
        "RnnGen generates C# 11 code for 'Model', but the project uses C# 10.0; set <LangVersion>11</LangVersion> or later (the default for net7.0 and newer)",
        LanguageVersion.CSharp10);

    [Theory]
    [InlineData("abstract partial class Model { }", "the class is abstract: remove 'abstract'")]
    [InlineData("partial class Model { public required int Seed { get; init; } }", "it has required members (Seed) that 'new Model()' does not set: make them optional")]
    public void RNN0018_embedded_weights_need_a_class_new_can_create(string declaration, string reason) => AssertSingle(
        $$"""
        [RnnGen.Gru(Timesteps = 4, Input = 2, Output = 3, Weights = "model.npz")]
        public {{declaration}}
        """,
        DiagnosticIds.CannotCreateForEmbeddedWeights,
        "Model",
        $"'Model' sets Weights, so RnnGen generates CreateWithEmbeddedWeights(), which calls 'new Model()', but {reason}; or remove Weights and load the weights at run time");

    [Theory]
    [InlineData("weights.bin", ".bin")]
    [InlineData("models/weights", "(none)")]
    [InlineData("model.h5", ".h5")]
    public void RNN0019_weights_extension_unsupported(string path, string extension) => AssertSingle(
        $$"""
        [RnnGen.SimpleRnn(Timesteps = 4, Input = 2, Output = 3, Weights = "{{path}}")]
        public partial class Model { }
        """,
        DiagnosticIds.WeightsExtensionUnsupported,
        $"Weights = \"{path}\"",
        $"Weights file '{path}' has the extension '{extension}', which RnnGen does not read; use a .npz file (Keras get_weights() layout) or a .safetensors file (PyTorch state_dict layout)");

    [Fact]
    public void RNN0020_weights_empty_is_a_warning_and_the_class_still_generates() => AssertWarning(
        """
        [RnnGen.Lstm(Timesteps = 4, Input = 2, Output = 3, Weights = "")]
        public partial class Model { }
        """,
        DiagnosticIds.WeightsEmpty,
        "Weights = \"\"",
        "Weights on 'Model' is empty, so no weights are compiled in and CreateWithEmbeddedWeights() is not generated; name a .npz or .safetensors file, or remove the argument");

    [Fact]
    public void RNN0021_weights_prefix_without_weights_is_a_warning() => AssertWarning(
        """
        [RnnGen.Gru(Timesteps = 4, Input = 2, Output = 3, WeightsPrefix = "gru.")]
        public partial class Model { }
        """,
        DiagnosticIds.WeightsPrefixIgnored,
        "WeightsPrefix = \"gru.\"",
        "WeightsPrefix = \"gru.\" on 'Model' has no effect: no Weights file is named; remove it");

    [Fact]
    public void RNN0022_one_class_one_layer() => AssertSingle(
        """
        [RnnGen.Gru(Timesteps = 4, Input = 2, Output = 3)]
        [RnnGen.Lstm(Timesteps = 4, Input = 2, Output = 3)]
        public partial class Model { }
        """,
        DiagnosticIds.SeveralLayerAttributes,
        "RnnGen.Gru(Timesteps = 4, Input = 2, Output = 3)",
        "'Model' has [Gru] and [Lstm]; a class is one layer, so keep one of them (declare another class for the other layer)");

    [Fact]
    public void RNN0022_once_for_layer_attributes_on_two_partial_declarations() => AssertSingle(
        """
        [RnnGen.SimpleRnn(Timesteps = 4, Input = 2, Output = 3)]
        public partial class Model { }

        [RnnGen.Gru(Timesteps = 4, Input = 2, Output = 3)]
        public partial class Model { }
        """,
        DiagnosticIds.SeveralLayerAttributes,
        "RnnGen.SimpleRnn(Timesteps = 4, Input = 2, Output = 3)",
        "'Model' has [SimpleRnn] and [Gru]; a class is one layer, so keep one of them (declare another class for the other layer)");

    [Fact]
    public void RNN0023_a_PyTorch_file_for_a_GRU_without_reset_after() => AssertSingle(
        """
        [RnnGen.Gru(Timesteps = 4, Input = 2, Output = 3, ResetAfter = false, Weights = "gru.safetensors")]
        public partial class Model { }
        """,
        DiagnosticIds.PyTorchGruNeedsResetAfter,
        "Weights = \"gru.safetensors\"",
        "'Model' is declared with ResetAfter = false, but 'gru.safetensors' is a PyTorch safetensors file, and torch.nn.GRU applies the reset gate after the recurrent product; set ResetAfter = true, or export the weights from a Keras GRU with reset_after=False as a .npz");

    [Fact]
    public void The_same_layer_attribute_on_two_partial_declarations_leaves_the_report_to_the_compiler()
    {
        GenerationResult result = GeneratorHarness.Run("""
            [RnnGen.SimpleRnn(Timesteps = 4, Input = 2, Output = 3)]
            public partial class Model { }

            [RnnGen.SimpleRnn(Timesteps = 4, Input = 2, Output = 3)]
            public partial class Model { }

            [RnnGen.Gru(Timesteps = 4, Input = 2, Output = 3)]
            public partial class Other { }
            """);
        Assert.Empty(result.Diagnostics);
        Assert.Equal("CS0579", Assert.Single(result.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)).Id);
        Assert.Null(result.RunResult.Exception);
        Assert.Equal(["Other.Gru.g.cs"], result.Sources.Select(s => s.HintName));
    }

    [Fact]
    public void Independent_mistakes_are_each_reported_once()
    {
        GenerationResult result = GeneratorHarness.Run("""
            [RnnGen.SimpleRnn(Timesteps = 0, Output = 3)]
            public class Model { }
            """);
        Assert.Equal(
            [DiagnosticIds.ClassNotPartial, DiagnosticIds.ShapeNotPositive, DiagnosticIds.ShapeMissing],
            result.Diagnostics.Select(d => d.Id).OrderBy(id => id == DiagnosticIds.ClassNotPartial ? 0 : id == DiagnosticIds.ShapeNotPositive ? 1 : 2));
        Assert.Empty(result.Sources);
    }

    [Fact]
    public void Every_descriptor_has_a_help_link_and_is_tested()
    {
        var tested = typeof(DiagnosticTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .Select(m => m.Name)
            .Where(n => n.StartsWith("RNN", StringComparison.Ordinal))
            .Select(n => n[..7])
            .ToHashSet();
        string[] warnings = [DiagnosticIds.WeightsEmpty, DiagnosticIds.WeightsPrefixIgnored];
        foreach (var field in typeof(DiagnosticIds).GetFields())
        {
            string id = (string)field.GetValue(null)!;
            DiagnosticDescriptor descriptor = DiagnosticDescriptors.ById(id);
            Assert.Equal(warnings.Contains(id) ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error, descriptor.DefaultSeverity);
            Assert.EndsWith("#" + id.ToLowerInvariant(), descriptor.HelpLinkUri);
            Assert.Contains(id, tested);
        }
    }

    /// <summary>A warning leaves the class generated, and the generated code compiles.</summary>
    private static void AssertWarning(string source, string id, string span, string message)
    {
        GenerationResult result = GeneratorHarness.Run(source);
        Diagnostic diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((id, DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.Severity));
        SyntaxTree tree = result.Output.SyntaxTrees.Single(t => t.FilePath == diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(span, tree.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Equal(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Single(result.Sources);
        Assert.True(result.CompilationProblems.IsEmpty, string.Join("\n", result.CompilationProblems));
    }

    private static void AssertSingle(string source, string id, string span, string message, LanguageVersion version = LanguageVersion.Latest)
    {
        GenerationResult result = GeneratorHarness.Run(source, version);
        Diagnostic diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        // Diagnostics leave the pipeline as path + span (no syntax tree is kept), so find the text through the path.
        SyntaxTree tree = result.Output.SyntaxTrees.Single(t => t.FilePath == diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(span, tree.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Equal(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(result.Sources);

        // The user's code compiles apart from what the diagnostic names: no cascade from generated code.
        var errors = result.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
