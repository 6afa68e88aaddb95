using RnnGen.Generator.Helpers;
using RnnGen.Generator.Planning;

namespace RnnGen.Generator.Emission;

/// <summary>
/// The bodies of <c>Run</c> and <c>RunLast</c> after their argument checks. A sequence of one timestep is a
/// single step, written straight from the inputs into the outputs with no stack buffer; longer ones go through
/// the blocked sequence kernel and its stack rows.
/// </summary>
internal static class RunBodies
{
    private const string MemoryMarshal = "global::System.Runtime.InteropServices.MemoryMarshal";
    private const string Span = "global::System.Span<float>";
    private const string NullRef = "global::System.Runtime.CompilerServices.Unsafe.NullRef<float>()";
    private const string Weights = GeneratedMembers.WeightsField;

    public static string Run(KernelPlan plan, string kernel) => plan.Model.Timesteps == 1
        ? Lines($"{kernel}.Step({Weights}, ref {Ref("inputs")}, ref {NullRef}, ref {Ref("outputs")}, zeroState: true);")
        : Lines(
            "// Row 0 is h_{-1}: zero, as stackalloc clears the buffer.",
            $"{Span} buffer = stackalloc float[{Invariant.Int(plan.RunBufferFloats)}];",
            "ref float rows = ref global::RnnGen.Kernels.SimdMath.AlignTo64(buffer);",
            $"{kernel}.Forward({Weights}, ref {Ref("inputs")}, ref {Ref("outputs")}, ref rows, Timesteps, writeOutputs: true, zeroState: true);");

    public static string RunFromState(KernelPlan plan, string kernel) => plan.Model.Timesteps == 1
        ? Lines($"{kernel}.Step({Weights}, ref {Ref("inputs")}, ref {Ref("initialState")}, ref {Ref("outputs")}, zeroState: false);")
        : Lines(
            $"{Span} buffer = stackalloc float[{Invariant.Int(plan.RunBufferFloats)}];",
            "ref float rows = ref global::RnnGen.Kernels.SimdMath.AlignTo64(buffer);",
            $"initialState.CopyTo({MemoryMarshal}.CreateSpan(ref rows, OutputSize));",
            $"{kernel}.Forward({Weights}, ref {Ref("inputs")}, ref {Ref("outputs")}, ref rows, Timesteps, writeOutputs: true, zeroState: false);");

    public static string RunLast(KernelPlan plan, string kernel) => plan.Model.Timesteps == 1
        ? Lines($"{kernel}.Step({Weights}, ref {Ref("inputs")}, ref {Ref("state")}, ref {Ref("state")}, zeroState: false);")
        : Lines(
            $"{Span} buffer = stackalloc float[{Invariant.Int(plan.RunBufferFloats)}];",
            "ref float rows = ref global::RnnGen.Kernels.SimdMath.AlignTo64(buffer);",
            $"{Span} stateRow = {MemoryMarshal}.CreateSpan(ref rows, OutputSize);",
            "state.CopyTo(stateRow);",
            $"{kernel}.Forward({Weights}, ref {Ref("inputs")}, ref {NullRef}, ref rows, Timesteps, writeOutputs: false, zeroState: false);",
            "stateRow.CopyTo(state);");

    private static string Ref(string span) => $"{MemoryMarshal}.GetReference({span})";

    /// <summary>Body lines, indented one level inside the member's braces.</summary>
    private static string Lines(params string[] lines) => "    " + string.Join("\n    ", lines);
}
