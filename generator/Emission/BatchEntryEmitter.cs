using RnnGen.Generator.Helpers;
using RnnGen.Generator.Planning;

namespace RnnGen.Generator.Emission;

/// <summary>
/// Writes the kernel class's batched entry points: <c>StepBatch</c> (one timestep of N sequences) and
/// <c>RunBatch</c> (N whole sequences, every state written or only the last kept). Each steps groups of the path's
/// k sequences through the batched kernel and the sequences left over one at a time.
/// </summary>
internal static class BatchEntryEmitter
{
    private const string Weights = "global::RnnGen.Weights.LayerWeights";

    public static void Write(IndentedTextWriter writer, KernelPlan plan)
    {
        var first = new KernelContext(plan, plan.Paths[0]);
        bool lstm = first.Cell.HasCellState;
        string cell = lstm ? ", ref float cell" : "";

        writer.WriteLine("/// <summary>One timestep of <paramref name=\"count\"/> sequences, batch-major: each state is read and then replaced in place.</summary>");
        using (writer.OpenBlock($"public static void StepBatch({Weights} weights, ref float x, ref float h{cell}, int count)"))
        {
            PathDispatch.Write(writer, plan, path => WriteStepBranch(writer, new KernelContext(plan, path)));
        }

        writer.WriteLine();
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// Runs <paramref name=\"count\"/> batch-major sequences of <paramref name=\"steps\"/> timesteps: every state to <paramref name=\"y\"/> if");
        writer.WriteLine("/// <paramref name=\"writeOutputs\"/>, else only the last, in <paramref name=\"h\"/>. From zero states when <paramref name=\"zeroState\"/>" + (lstm ? " (cell states too)" : "") + ".");
        writer.WriteLine("/// </summary>");
        using (writer.OpenBlock($"public static void RunBatch({Weights} weights, ref float x, ref float y, ref float h{cell}, int count, int steps, bool writeOutputs, bool zeroState)"))
        {
            PathDispatch.Write(writer, plan, path => WriteRunBranch(writer, new KernelContext(plan, path)));
        }
    }

    private static void WriteStepBranch(IndentedTextWriter writer, KernelContext context)
    {
        string cellArgument = context.Cell.HasCellState ? ", ref Unsafe.Add(ref cell, n * Output)" : "";
        writer.WriteLine("int n = 0;");
        if (context.Path.Batch is { } batch)
        {
            int k = batch.Sequences;
            WriteBuffers(writer, context, batch);
            string next = batch.InPlace ? "ref states, Output" : $"ref temporary, {Invariant.Int(context.Path.PaddedOutput)}";
            using (writer.OpenBlock($"for (; n + {Invariant.Int(k)} <= count; n += {Invariant.Int(k)})"))
            {
                writer.WriteLine("ref float states = ref Unsafe.Add(ref h, n * Output);");
                string cells = context.Cell.HasCellState ? ", ref Unsafe.Add(ref cell, n * Output), Output" : "";
                writer.WriteLine($"{KernelSignatures.BatchMethod(context)}(ref weights.Packed, ref Unsafe.Add(ref x, n * Input), Input, ref states, Output, {next}{cells}{Buffers(context, batch)}, zeroState: false);");
                if (!batch.InPlace)
                {
                    WriteCopyBack(writer, context, k, "states", "Output");
                }
            }

            writer.WriteLine();
        }

        writer.WriteLine("// The sequences left over, one at a time.");
        using (writer.OpenBlock("for (; n < count; n++)"))
        {
            writer.WriteLine($"Step(weights, ref Unsafe.Add(ref x, n * Input), ref Unsafe.Add(ref h, n * Output){cellArgument});");
        }
    }

    private static void WriteRunBranch(IndentedTextWriter writer, KernelContext context)
    {
        bool lstm = context.Cell.HasCellState;
        writer.WriteLine("int n = 0;");
        if (lstm)
        {
            writer.WriteLine("// From zero states the cell states start at zero too, in rows of the stack.");
            int rows = context.Path.Batch?.Sequences ?? 1;
            writer.WriteLine($"global::System.Span<float> zeroCells = zeroState ? stackalloc float[{Invariant.Int(rows)} * Output] : default;");
        }

        if (context.Path.Batch is { } batch)
        {
            int k = batch.Sequences;
            WriteBuffers(writer, context, batch);
            string temporaryStride = Invariant.Int(context.Path.PaddedOutput);
            using (writer.OpenBlock($"for (; n + {Invariant.Int(k)} <= count; n += {Invariant.Int(k)})"))
            {
                writer.WriteLine("ref float xs = ref Unsafe.Add(ref x, n * steps * Input);");
                writer.WriteLine("ref float ys = ref Unsafe.Add(ref y, n * steps * Output);");
                writer.WriteLine("ref float states = ref Unsafe.Add(ref h, n * Output);");
                string cells = "";
                if (lstm)
                {
                    writer.WriteLine("zeroCells.Clear();");
                    writer.WriteLine("ref float cells = ref zeroState ? ref MemoryMarshal.GetReference(zeroCells) : ref Unsafe.Add(ref cell, n * Output);");
                    cells = ", ref cells, Output";
                }

                using (writer.OpenBlock("for (int t = 0; t < steps; t++)"))
                {
                    writer.WriteLine("// The previous states: the caller's at t = 0, then the last outputs, or the states updated in place.");
                    writer.WriteLine("bool fromStates = t == 0 || !writeOutputs;");
                    writer.WriteLine("ref float prev = ref fromStates ? ref states : ref Unsafe.Add(ref ys, (t - 1) * Output);");
                    writer.WriteLine("nint prevStride = fromStates ? Output : steps * Output;");
                    writer.WriteLine(batch.InPlace
                        ? "ref float next = ref writeOutputs ? ref Unsafe.Add(ref ys, t * Output) : ref states;"
                        : "ref float next = ref writeOutputs ? ref Unsafe.Add(ref ys, t * Output) : ref temporary;");
                    writer.WriteLine($"nint nextStride = writeOutputs ? steps * Output : {(batch.InPlace ? "Output" : temporaryStride)};");
                    writer.WriteLine($"{KernelSignatures.BatchMethod(context)}(ref weights.Packed, ref Unsafe.Add(ref xs, t * Input), steps * Input, ref prev, prevStride, ref next, nextStride{cells}{Buffers(context, batch)}, zeroState && t == 0);");
                    if (!batch.InPlace)
                    {
                        using (writer.OpenBlock("if (!writeOutputs)"))
                        {
                            WriteCopyBack(writer, context, k, "states", "Output");
                        }
                    }
                }
            }

            writer.WriteLine();
        }

        writer.WriteLine("// The sequences left over, one at a time.");
        using (writer.OpenBlock("for (; n < count; n++)"))
        {
            string cellArgument = "";
            if (lstm)
            {
                writer.WriteLine("zeroCells.Clear();");
                writer.WriteLine("ref float cells = ref zeroState ? ref MemoryMarshal.GetReference(zeroCells) : ref Unsafe.Add(ref cell, n * Output);");
                cellArgument = ", ref cells";
            }

            writer.WriteLine($"Run(weights, ref Unsafe.Add(ref x, n * steps * Input), ref Unsafe.Add(ref y, n * steps * Output), ref Unsafe.Add(ref h, n * Output){cellArgument}, steps, writeOutputs, zeroState);");
        }
    }

    /// <summary>The stack rows the batched kernel needs: its sums, its scratch rows, and new states when not in place.</summary>
    private static void WriteBuffers(IndentedTextWriter writer, KernelContext context, BatchPlan batch)
    {
        int k = batch.Sequences;
        if (batch.SumsFloats > 0)
        {
            writer.WriteLine($"global::System.Span<float> sumsBuffer = stackalloc float[{Invariant.Int(batch.SumsFloats)}];");
            writer.WriteLine("ref float sums = ref AlignTo64(sumsBuffer);");
        }

        if (context.ScratchRows.Count > 0)
        {
            writer.WriteLine($"global::System.Span<float> scratchBuffer = stackalloc float[{Invariant.Int((k * BatchStepKernelEmitter.ScratchFloatsPerSequence(context)) + 16)}];");
            writer.WriteLine("ref float scratch = ref AlignTo64(scratchBuffer);");
        }

        if (!batch.InPlace)
        {
            writer.WriteLine("// The sums do not all fit in registers, so the new states are built beside the old ones, in stack rows.");
            writer.WriteLine($"global::System.Span<float> temporaryBuffer = stackalloc float[{Invariant.Int((k * context.Path.PaddedOutput) + 16)}];");
            writer.WriteLine("ref float temporary = ref AlignTo64(temporaryBuffer);");
        }
    }

    private static string Buffers(KernelContext context, BatchPlan batch)
        => (context.ScratchRows.Count > 0 ? ", ref scratch" : "") + (batch.SumsFloats > 0 ? ", ref sums" : "");

    private static void WriteCopyBack(IndentedTextWriter writer, KernelContext context, int k, string states, string stride)
    {
        using (writer.OpenBlock($"for (int q = 0; q < {Invariant.Int(k)}; q++)"))
        {
            writer.WriteLine($"MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref temporary, q * {Invariant.Int(context.Path.PaddedOutput)}), Output).CopyTo(MemoryMarshal.CreateSpan(ref Unsafe.Add(ref {states}, q * {stride}), Output));");
        }
    }
}
