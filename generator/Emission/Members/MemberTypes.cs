namespace RnnGen.Generator.Emission.Members;

/// <summary>The type names generated members use, fully qualified, and as Roslyn displays them in signatures.</summary>
internal static class MemberTypes
{
    public const string ReadOnlySpan = "global::System.ReadOnlySpan<float>";
    public const string Span = "global::System.Span<float>";
    public const string MemoryMarshal = "global::System.Runtime.InteropServices.MemoryMarshal";
    public const string NullRef = "global::System.Runtime.CompilerServices.Unsafe.NullRef<float>()";
    public const string Guard = "global::RnnGen.Kernels.SpanGuard";
    public const string Stream = "global::System.IO.Stream";

    public const string ReadOnlySpanDisplay = "System.ReadOnlySpan<float>";
    public const string SpanDisplay = "System.Span<float>";
    public const string StreamDisplay = "System.IO.Stream";
    public const string StringDisplay = "string";

    /// <summary>The private field that holds the weights.</summary>
    public const string WeightsField = "__rnnWeights";

    /// <summary>The private method the load methods call to have the kernel compiled.</summary>
    public const string PrepareMethod = "__rnnPrepare";
}
