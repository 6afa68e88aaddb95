using Microsoft.CodeAnalysis;
using RnnGen.Generator.Tests.Infrastructure;

namespace RnnGen.Generator.Tests.Robustness;

/// <summary>
/// Declarations a user could get wrong, or a hostile one could write on purpose. Whatever they are, a generator
/// run never throws (which would drop the generated code of every class in the project), reports no problem twice,
/// leaves no error in generated code, and still generates every other class.
/// </summary>
public class GeneratorRobustnessTests
{
    /// <summary>A class that is fine, next to every declaration below: it must always be generated.</summary>
    private const string Bystander = """
        namespace Bystanders
        {
            [RnnGen.Lstm(Timesteps = 2, Input = 3, Output = 4)]
            public partial class Healthy { }
        }
        """;

    public static TheoryData<string, string> Declarations => new()
    {
        { "the same attribute on two partial declarations", "[RnnGen.SimpleRnn(Timesteps = 4, Input = 2, Output = 3)] public partial class M { }\n[RnnGen.SimpleRnn(Timesteps = 4, Input = 2, Output = 3)] public partial class M { }" },
        { "the same attribute twice on one declaration", "[RnnGen.Gru(Timesteps = 4, Input = 2, Output = 3), RnnGen.Gru(Timesteps = 5, Input = 2, Output = 3)] public partial class M { }" },
        { "two cells on one class", "[RnnGen.Gru(Timesteps = 4, Input = 2, Output = 3)][RnnGen.Lstm(Timesteps = 4, Input = 2, Output = 3)] public partial class M { }" },
        { "three cells over three partial declarations", "[RnnGen.Gru(Timesteps = 4, Input = 2, Output = 3)] public partial class M { }\n[RnnGen.Lstm(Timesteps = 4, Input = 2, Output = 3)] public partial class M { }\n[RnnGen.SimpleRnn(Timesteps = 4, Input = 2, Output = 3)] public partial class M { }" },
        { "a struct", "[RnnGen.Gru(Timesteps = 4, Input = 2, Output = 3)] public partial struct M { }" },
        { "an interface", "[RnnGen.Lstm(Timesteps = 4, Input = 2, Output = 3)] public partial interface M { }" },
        { "a record", "[RnnGen.Gru(Timesteps = 4, Input = 2, Output = 3)] public partial record M;" },
        { "a file-local class", "[RnnGen.Gru(Timesteps = 4, Input = 2, Output = 3)] file partial class M { }" },
        { "a static class", "[RnnGen.Lstm(Timesteps = 4, Input = 2, Output = 3)] public static partial class M { }" },
        { "no partial", "[RnnGen.Gru(Timesteps = 4, Input = 2, Output = 3)] public class M { }" },
        { "a non-partial container", "public class Outer { [RnnGen.Lstm(Timesteps = 4, Input = 2, Output = 3)] public partial class M { } }" },
        { "a generic container and class", "public partial class Outer<T> where T : struct { [RnnGen.Gru(Timesteps = 4, Input = 2, Output = 3)] public partial class M<U> where U : class { } }" },
        { "no shape", "[RnnGen.Gru] public partial class M { }" },
        { "huge sizes", "[RnnGen.Lstm(Timesteps = int.MaxValue, Input = int.MaxValue, Output = int.MaxValue)] public partial class M { }" },
        { "negative sizes", "[RnnGen.Gru(Timesteps = -1, Input = int.MinValue, Output = 0)] public partial class M { }" },
        { "a badly typed argument", "[RnnGen.Gru(Timesteps = \"four\", Input = 2, Output = 3)] public partial class M { }" },
        { "an undefined activation", "[RnnGen.Lstm(Timesteps = 4, Input = 2, Output = 3, Activation = (RnnGen.RnnActivation)(-9), RecurrentActivation = (RnnGen.RnnActivation)99)] public partial class M { }" },
        { "an unknown weights format", "[RnnGen.Gru(Timesteps = 4, Input = 2, Output = 3, Weights = \"model.onnx\")] public partial class M { }" },
        { "a missing weights file", "[RnnGen.Lstm(Timesteps = 4, Input = 2, Output = 3, Weights = \"../../nowhere/w.npz\", WeightsPrefix = \"x\")] public partial class M { }" },
        { "a null weights path", "[RnnGen.Gru(Timesteps = 4, Input = 2, Output = 3, Weights = null, WeightsPrefix = null)] public partial class M { }" },
        { "an abstract class with weights", "[RnnGen.Gru(Timesteps = 4, Input = 2, Output = 3, Weights = \"w.npz\")] public abstract partial class M { }" },
        { "a clashing member", "[RnnGen.Lstm(Timesteps = 4, Input = 2, Output = 3)] public partial class M { public void Step(System.ReadOnlySpan<float> a, System.Span<float> b, System.Span<float> c) { } }" },
        { "a class named like RnnGen", "namespace Game { [global::RnnGen.Gru(Timesteps = 4, Input = 2, Output = 3)] public partial class RnnGen { } }" },
        { "classes named like the aliases", "namespace Game { public class V512 { } public class Unsafe { } [global::RnnGen.Lstm(Timesteps = 4, Input = 2, Output = 3)] public partial class Fma { } }" },
        { "a class in RnnGen.Generated", "namespace RnnGen.Generated { [global::RnnGen.Gru(Timesteps = 4, Input = 2, Output = 3)] public partial class GruKernel { } }" },
    };

    [Theory]
    [MemberData(nameof(Declarations))]
    public void A_generator_run_never_throws_and_still_generates_the_other_classes(string what, string declaration)
    {
        GenerationResult result = GeneratorHarness.Run(declaration + "\n" + Bystander);

        Assert.True(result.RunResult.Exception is null, $"{what}: {result.RunResult.Exception}");
        Assert.DoesNotContain(result.Output.GetDiagnostics().Concat(result.Diagnostics), d => d.Id is "CS8785" or "AD0001");
        Assert.Contains(result.Sources, s => s.HintName == "Bystanders.Healthy.Lstm.g.cs");
        Assert.True(result.Diagnostics.Select(d => d.ToString()).Distinct().Count() == result.Diagnostics.Length, $"{what}: a problem reported twice:\n{string.Join("\n", result.Diagnostics)}");
        Assert.DoesNotContain(result.Output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error && result.Sources.Any(s => s.SyntaxTree == d.Location.SourceTree));
    }
}
