using RnnGen.Generator.Helpers;
using RnnGen.Generator.Planning;

namespace RnnGen.Generator.Emission;

/// <summary>
/// Writes the kernel class's entry points, which the generated members call: <c>Run</c> (a whole sequence),
/// <c>Step</c> (one timestep) and <c>Prepare</c> (the warm-up of the load methods). Each picks its CPU path
/// with JIT-time constants, and falls back to the blocked sequence kernel and stack rows where a path has no
/// single-timestep kernel.
/// </summary>
internal static class KernelEntryEmitter
{
    public static void Write(IndentedTextWriter writer, KernelPlan plan)
    {
        WriteRun(writer, plan);
        writer.WriteLine();
        WriteStep(writer, plan);
        writer.WriteLine();
        writer.WriteLines("""
            /// <summary>
            /// The sequence through stack rows: the state starts in row 0 (zero, as stackalloc clears the buffer, or a
            /// copy of hPrev), the blocked kernel runs, and without outputs (RunLast) the last state goes back to hPrev.
            /// </summary>
            private static void RunThroughRows(global::RnnGen.Weights.SimpleRnnWeights weights, ref float x, ref float y, ref float hPrev, int steps, bool writeOutputs, bool zeroState)
            {
                global::System.Span<float> buffer = stackalloc float[RunBufferFloats];
                ref float rows = ref AlignTo64(buffer);
                if (!zeroState)
                {
                    MemoryMarshal.CreateReadOnlySpan(ref hPrev, Output).CopyTo(MemoryMarshal.CreateSpan(ref rows, Output));
                }

                Forward(weights, ref x, ref y, ref rows, steps, writeOutputs, zeroState);
                if (!writeOutputs)
                {
                    MemoryMarshal.CreateReadOnlySpan(ref rows, Output).CopyTo(MemoryMarshal.CreateSpan(ref hPrev, Output));
                }
            }

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
            /// Runs one timestep of the sequence entry point on zeros, so that the JIT compiles the code this machine runs
            /// now (the first compilation takes milliseconds) rather than in a caller's first hot call. The load methods
            /// call it, then one public Step, which compiles the step kernel.
            /// </summary>
            public static void Prepare(global::RnnGen.Weights.SimpleRnnWeights weights)
            {
                ref float x = ref MemoryMarshal.GetArrayDataReference(new float[Input]);
                global::System.Span<float> state = stackalloc float[Output];
                Run(weights, ref x, ref Unsafe.NullRef<float>(), ref MemoryMarshal.GetReference(state), 1, writeOutputs: false, zeroState: false);
            }
            """);
    }

    private static void WriteRun(IndentedTextWriter writer, KernelPlan plan)
    {
        writer.WriteLines("""
            /// <summary>
            /// Runs <paramref name="steps"/> timesteps from hPrev (not read when <paramref name="zeroState"/>), writing every
            /// state to <paramref name="y"/> if <paramref name="writeOutputs"/>, else leaving the last one in hPrev.
            /// </summary>
            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
            public static void Run(global::RnnGen.Weights.SimpleRnnWeights weights, ref float x, ref float y, ref float hPrev, int steps, bool writeOutputs, bool zeroState)
            """);
        using (writer.OpenBlock())
        {
            const string throughRows = "RunThroughRows(weights, ref x, ref y, ref hPrev, steps, writeOutputs, zeroState);";
            PathDispatch.Write(
                writer,
                plan,
                path =>
                {
                    if (path.RunsAsSteps)
                    {
                        WriteStepLoop(writer, path);
                    }
                    else
                    {
                        writer.WriteLine(throughRows);
                    }
                },
                throughRows);
        }
    }

    /// <summary>A sequence as a loop of the in-register step: each state goes straight where the caller wants it.</summary>
    private static void WriteStepLoop(IndentedTextWriter writer, VectorPathPlan path)
    {
        writer.WriteLine("// A small layer: each timestep is bound by its own latency, so the single-timestep kernel runs in a loop,");
        writer.WriteLine("// reading each state from where the last one was written (the outputs, or the caller's state).");
        writer.WriteLine("ref float packed = ref weights.Packed;");
        writer.WriteLine("ref float prev = ref hPrev;");
        using (writer.OpenBlock("for (int t = 0; t < steps; t++)"))
        {
            writer.WriteLine("ref float next = ref writeOutputs ? ref Unsafe.Add(ref y, t * Output) : ref hPrev;");
            writer.WriteLine($"{path.StepMethodName}(ref packed, ref Unsafe.Add(ref x, t * Input), ref prev, ref next, zeroState && t == 0);");
            writer.WriteLine("prev = ref next;");
        }
    }

    private static void WriteStep(IndentedTextWriter writer, KernelPlan plan)
    {
        writer.WriteLines("""
            /// <summary>
            /// One timestep: hNext = the activation of W·x + U·hPrev + b; hPrev is not read when <paramref name="zeroState"/>.
            /// hPrev and hNext may be the same row.
            /// </summary>
            public static void Step(global::RnnGen.Weights.SimpleRnnWeights weights, ref float x, ref float hPrev, ref float hNext, bool zeroState)
            """);
        using (writer.OpenBlock())
        {
            const string throughRows = "StepThroughRows(weights, ref x, ref hPrev, ref hNext, zeroState);";
            PathDispatch.Write(
                writer,
                plan,
                path => writer.WriteLine(path.StepInRegisters
                    ? $"{path.StepMethodName}(ref weights.Packed, ref x, ref hPrev, ref hNext, zeroState);"
                    : throughRows),
                throughRows);
        }
    }
}
