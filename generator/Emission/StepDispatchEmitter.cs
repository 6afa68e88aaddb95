using RnnGen.Generator.Helpers;
using RnnGen.Generator.Planning;

namespace RnnGen.Generator.Emission;

/// <summary>
/// Writes the kernel class's single-timestep entry point, its fallback through stack rows for paths whose sums
/// do not fit in registers at once, and the warm-up the load methods call.
/// </summary>
internal static class StepDispatchEmitter
{
    public static void Write(IndentedTextWriter writer, KernelPlan plan)
    {
        writer.WriteLines("""
            /// <summary>
            /// One timestep: hNext = the activation of W·x + U·hPrev + b; hPrev is not read when <paramref name="zeroState"/>.
            /// hPrev and hNext may be the same row. Each IsHardwareAccelerated is a JIT-time constant.
            /// </summary>
            public static void Step(global::RnnGen.Weights.SimpleRnnWeights weights, ref float x, ref float hPrev, ref float hNext, bool zeroState)
            """);
        using (writer.OpenBlock())
        {
            string keyword = "if";
            foreach (VectorPathPlan path in plan.VectorPaths)
            {
                writer.WriteLine($"{keyword} ({path.Condition})");
                using (writer.OpenBlock())
                {
                    writer.WriteLine(path.StepInRegisters
                        ? $"{path.StepMethodName}(ref weights.Packed, ref x, ref hPrev, ref hNext, zeroState);"
                        : "StepThroughRows(weights, ref x, ref hPrev, ref hNext, zeroState);");
                }

                keyword = "else if";
            }

            writer.WriteLine("else");
            using (writer.OpenBlock())
            {
                writer.WriteLine("StepThroughRows(weights, ref x, ref hPrev, ref hNext, zeroState);");
            }
        }

        writer.WriteLine();
        writer.WriteLines("""
            /// <summary>
            /// One timestep through two stack rows, for paths that cannot hold every output's sums in registers: the old
            /// state must stay readable until the last new element is computed, so the new one is built beside it.
            /// </summary>
            private static void StepThroughRows(global::RnnGen.Weights.SimpleRnnWeights weights, ref float x, ref float hPrev, ref float hNext, bool zeroState)
            {
                global::System.Span<float> buffer = stackalloc float[StepBufferFloats];
                ref float rows = ref AlignTo64(buffer);
                if (!zeroState)
                {
                    MemoryMarshal.CreateReadOnlySpan(ref hPrev, Output).CopyTo(MemoryMarshal.CreateSpan(ref rows, Output));
                }

                Forward(weights, ref x, ref Unsafe.NullRef<float>(), ref rows, 1, writeOutputs: false, zeroState);
                MemoryMarshal.CreateReadOnlySpan(ref rows, Output).CopyTo(MemoryMarshal.CreateSpan(ref hNext, Output));
            }

            /// <summary>
            /// Runs one timestep of the sequence kernel and one of the step kernel on zeros, so that the JIT compiles this
            /// machine's code for both now (the first compilation takes milliseconds) rather than in a caller's first hot call.
            /// </summary>
            public static void Prepare(global::RnnGen.Weights.SimpleRnnWeights weights)
            {
                ref float x = ref MemoryMarshal.GetArrayDataReference(new float[Input]);
                global::System.Span<float> buffer = stackalloc float[StepBufferFloats];
                ref float rows = ref AlignTo64(buffer);
                Forward(weights, ref x, ref Unsafe.NullRef<float>(), ref rows, 1, writeOutputs: false, zeroState: false);
                Step(weights, ref x, ref rows, ref rows, zeroState: false);
            }
            """);
    }
}
