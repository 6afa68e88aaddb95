using RnnGen.Generator.Helpers;
using RnnGen.Generator.Planning;

namespace RnnGen.Generator.Emission;

/// <summary>
/// Writes the kernel class's entry points, which the generated members call: <c>Run</c> (a whole sequence),
/// <c>Step</c> (one timestep) and <c>Prepare</c> (the warm-up of the load methods). Each picks its CPU path with
/// JIT-time constants and holds whatever stack rows that path needs.
/// </summary>
internal static class EntryPointEmitter
{
    private const string Weights = "global::RnnGen.Weights.LayerWeights";

    public static void Write(IndentedTextWriter writer, KernelPlan plan)
    {
        var first = new KernelContext(plan, plan.Paths[0]);
        string cell = first.Cell.HasCellState ? ", ref float cell" : "";
        string cellArgument = first.Cell.HasCellState ? ", ref cell" : "";

        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// Runs <paramref name=\"steps\"/> timesteps from hPrev (not read when <paramref name=\"zeroState\"/>), writing every state to");
        writer.WriteLine("/// <paramref name=\"y\"/> if <paramref name=\"writeOutputs\"/>, else leaving the last one in hPrev." + (first.Cell.HasCellState ? " The cell state is updated in place." : ""));
        writer.WriteLine("/// </summary>");
        writer.WriteLine("[MethodImpl(MethodImplOptions.AggressiveOptimization)]");
        using (writer.OpenBlock($"public static void Run({Weights} weights, ref float x, ref float y, ref float hPrev{cell}, int steps, bool writeOutputs, bool zeroState)"))
        {
            WriteScratch(writer, first);
            PathDispatch.Write(writer, plan, path => WriteRunBranch(writer, new KernelContext(plan, path)));
        }

        writer.WriteLine();
        writer.WriteLine("/// <summary>One timestep: the state is read and then replaced in place.</summary>");
        using (writer.OpenBlock($"public static void Step({Weights} weights, ref float x, ref float h{cell})"))
        {
            WriteScratch(writer, first);
            PathDispatch.Write(writer, plan, path => WriteStepBranch(writer, new KernelContext(plan, path)));
        }

        writer.WriteLine();
        writer.WriteLines($$"""
            /// <summary>
            /// Runs one timestep of the sequence entry point on zeros, so that the JIT compiles the code this machine runs
            /// now (the first compilation takes milliseconds) rather than in a caller's first hot call. The load methods
            /// call it, then one public Step, which compiles the step kernel.
            /// </summary>
            public static void Prepare({{Weights}} weights)
            {
                ref float x = ref MemoryMarshal.GetArrayDataReference(new float[Input]);
                global::System.Span<float> state = stackalloc float[Output];
            """);
        using (writer.Indent())
        {
            if (first.Cell.HasCellState)
            {
                writer.WriteLine("global::System.Span<float> cellState = stackalloc float[Output];");
                writer.WriteLine("ref float cell = ref MemoryMarshal.GetReference(cellState);");
            }

            writer.WriteLine($"Run(weights, ref x, ref Unsafe.NullRef<float>(), ref MemoryMarshal.GetReference(state){cellArgument}, 1, writeOutputs: false, zeroState: false);");
        }

        writer.WriteLine("}");
    }

    /// <summary>Scratch rows for cells that need them, shared by every timestep of the call.</summary>
    private static void WriteScratch(IndentedTextWriter writer, KernelContext context)
    {
        if (context.ScratchRows.Count > 0)
        {
            writer.WriteLine($"// Scratch rows ({string.Join(", ", context.ScratchRows)}), each padded to whole vectors of every width.");
            writer.WriteLine("global::System.Span<float> scratchBuffer = stackalloc float[ScratchFloats];");
            writer.WriteLine("ref float scratch = ref AlignTo64(scratchBuffer);");
        }
    }

    private static void WriteRunBranch(IndentedTextWriter writer, KernelContext context)
    {
        string state = KernelSignatures.StateArguments(context);
        WriteSums(writer, context);
        if (context.Path.Blocked is { } blocked)
        {
            writer.WriteLines($$"""
                // Blocks of {{Invariant.Int(blocked.BlockSteps)}} timesteps through stack rows: h_{-1} is copied into row 0 (zero when stackalloc clears it).
                global::System.Span<float> buffer = stackalloc float[{{Invariant.Int(blocked.BufferFloats)}}];
                ref float rows = ref AlignTo64(buffer);
                if (!zeroState)
                {
                    MemoryMarshal.CreateReadOnlySpan(ref hPrev, Output).CopyTo(MemoryMarshal.CreateSpan(ref rows, Output));
                }

                {{KernelSignatures.BlockedMethod(context)}}(ref weights.Packed, ref x, ref y, ref rows{{state}}, steps, writeOutputs, zeroState);
                if (!writeOutputs)
                {
                    MemoryMarshal.CreateReadOnlySpan(ref rows, Output).CopyTo(MemoryMarshal.CreateSpan(ref hPrev, Output));
                }
                """);
            return;
        }

        writer.WriteLine("// A loop of the step kernel, each state read from where the last one was written (the outputs, or the caller's state).");
        writer.WriteLine("ref float packed = ref weights.Packed;");
        writer.WriteLine("scoped ref float prev = ref hPrev;");
        if (!context.Path.StepInPlace)
        {
            WriteTemporaryRow(writer, context);
            writer.WriteLine("// The first step writes the outputs while it still reads h_{-1}, which may lie inside them: read it from a copy.");
            using (writer.OpenBlock("if (!zeroState && writeOutputs)"))
            {
                writer.WriteLine("MemoryMarshal.CreateReadOnlySpan(ref hPrev, Output).CopyTo(MemoryMarshal.CreateSpan(ref temporary, Output));");
                writer.WriteLine("prev = ref temporary;");
            }
        }

        using (writer.OpenBlock("for (int t = 0; t < steps; t++)"))
        {
            writer.WriteLine($"ref float next = ref writeOutputs ? ref Unsafe.Add(ref y, t * Output) : ref {(context.Path.StepInPlace ? "hPrev" : "temporary")};");
            writer.WriteLine($"{KernelSignatures.StepMethod(context)}(ref packed, ref Unsafe.Add(ref x, t * Input), ref prev, ref next{state}, zeroState && t == 0);");
            if (!context.Path.StepInPlace)
            {
                using (writer.OpenBlock("if (!writeOutputs)"))
                {
                    writer.WriteLine("MemoryMarshal.CreateReadOnlySpan(ref temporary, Output).CopyTo(MemoryMarshal.CreateSpan(ref hPrev, Output));");
                    writer.WriteLine("next = ref hPrev;");
                }
            }

            writer.WriteLine("prev = ref next;");
        }
    }

    private static void WriteStepBranch(IndentedTextWriter writer, KernelContext context)
    {
        string state = KernelSignatures.StateArguments(context);
        WriteSums(writer, context);
        if (context.Path.StepInPlace)
        {
            writer.WriteLine($"{KernelSignatures.StepMethod(context)}(ref weights.Packed, ref x, ref h, ref h{state}, zeroState: false);");
            return;
        }

        WriteTemporaryRow(writer, context);
        writer.WriteLine($"{KernelSignatures.StepMethod(context)}(ref weights.Packed, ref x, ref h, ref temporary{state}, zeroState: false);");
        writer.WriteLine("MemoryMarshal.CreateReadOnlySpan(ref temporary, Output).CopyTo(MemoryMarshal.CreateSpan(ref h, Output));");
    }

    /// <summary>The row where this path's larger tiles store their sums for the epilogue loop.</summary>
    private static void WriteSums(IndentedTextWriter writer, KernelContext context)
    {
        if (context.Path.SumsFloats > 0)
        {
            writer.WriteLine($"global::System.Span<float> sumsBuffer = stackalloc float[{Invariant.Int(context.Path.SumsFloats)}];");
            writer.WriteLine("ref float sums = ref AlignTo64(sumsBuffer);");
        }
    }

    /// <summary>The stack row a step that cannot write in place builds its new state in.</summary>
    private static void WriteTemporaryRow(IndentedTextWriter writer, KernelContext context)
    {
        writer.WriteLine("// Its sums do not all fit in registers, so the new state is built beside the old one, in a stack row.");
        writer.WriteLine($"global::System.Span<float> temporaryBuffer = stackalloc float[{Invariant.Int(TemporaryRowFloats(context.Path))}];");
        writer.WriteLine("ref float temporary = ref AlignTo64(temporaryBuffer);");
    }

    /// <summary>One state row of the path, padded, and alignment slack.</summary>
    public static int TemporaryRowFloats(PathPlan path) => path.PaddedOutput + 16;
}
