using System.Collections.Immutable;

namespace RnnGen.Generator;

/// <summary>The members RnnGen adds to a [SimpleRnn] class, so that the parser can report a user member that clashes.</summary>
internal static class GeneratedMembers
{
    private const string ReadOnlySpan = "System.ReadOnlySpan<float>";
    private const string Span = "System.Span<float>";

    /// <summary>The private field that holds the weights.</summary>
    public const string WeightsField = "__rnnWeights";

    /// <summary>The private method the load methods call to have the kernel compiled.</summary>
    public const string PrepareMethod = "__rnnPrepare";

    /// <summary>Names that may not be reused by any member.</summary>
    public static readonly ImmutableArray<string> Reserved = ["Timesteps", "InputSize", "OutputSize", WeightsField, PrepareMethod];

    /// <summary>Methods, by name and parameter types; a user overload with other parameter types is fine.</summary>
    public static readonly ImmutableArray<(string Name, ImmutableArray<string> Parameters)> Methods =
    [
        ("LoadWeights", [ReadOnlySpan, ReadOnlySpan, ReadOnlySpan]),
        ("LoadKerasWeights", [ReadOnlySpan, ReadOnlySpan, ReadOnlySpan]),
        ("LoadPyTorchWeights", [ReadOnlySpan, ReadOnlySpan, ReadOnlySpan, ReadOnlySpan]),
        ("ExportWeights", [Span, Span, Span]),
        ("Run", [ReadOnlySpan, Span]),
        ("Run", [ReadOnlySpan, Span, ReadOnlySpan]),
        ("RunLast", [ReadOnlySpan, Span]),
        ("Step", [ReadOnlySpan, Span]),
        ("LoadKerasNpz", ["string"]),
        ("LoadKerasNpz", ["System.IO.Stream"]),
        ("LoadPyTorchSafetensors", ["string", "string"]),
        ("LoadPyTorchSafetensors", ["System.IO.Stream", "string"]),
        ("CreateWithEmbeddedWeights", []),
    ];
}
