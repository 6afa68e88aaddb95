using RnnGen.Generator.Helpers;
using RnnGen.Generator.Planning;

namespace RnnGen.Generator.Emission;

/// <summary>
/// Writes the blocked sequence kernel of one path: per block of timesteps, the input projections of the whole
/// block (weights shared between timesteps), then the recurrence, the only sequential part, through stack rows.
/// Each row holds one timestep's projections for every gate; its state is written over its first P floats, whose
/// projections the same chunk's sums have already taken up.
/// </summary>
internal static class BlockedKernelEmitter
{
    public static void Write(IndentedTextWriter writer, KernelContext context, BlockedRunPlan blocked)
    {
        writer.WriteLine("/// <summary>");
        writer.WriteLine($"/// Runs <paramref name=\"steps\"/> timesteps on the {context.Width.Name} path, in blocks of {Invariant.Int(blocked.BlockSteps)}. Row 0 of <paramref name=\"rows\"/> holds");
        writer.WriteLine("/// h_{-1} on entry (zeros when <paramref name=\"zeroState\"/>) and the last state on return; rows 1.. hold the block's timesteps.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine("[MethodImpl(MethodImplOptions.AggressiveOptimization)]");
        using (writer.OpenBlock($"private static void {KernelSignatures.BlockedMethod(context)}(ref float weights, ref float x, ref float y, ref float rows{KernelSignatures.StateParameters(context)}, int steps, bool writeOutputs, bool zeroState)"))
        {
            writer.WriteLine($"const int BlockSteps = {Invariant.Int(blocked.BlockSteps)};");
            writer.WriteLine($"const int RowStride = {Invariant.Int(blocked.RowStride)};");
            context.WriteWeightRefs(writer, input: true);
            context.WriteScratchRefs(writer);
            using (writer.OpenBlock("for (int t0 = 0; t0 < steps; t0 += BlockSteps)"))
            {
                writer.WriteLine("int count = global::System.Math.Min(BlockSteps, steps - t0);");
                writer.WriteLine();
                using (writer.OpenBlock())
                {
                    ProjectionEmitter.Write(writer, context, blocked);
                }

                writer.WriteLine();
                writer.WriteLine("// Recurrence: the only sequential part.");
                using (writer.OpenBlock("for (int s = 0; s < count; s++)"))
                {
                    writer.WriteLine("bool zero = zeroState && t0 + s == 0;");
                    writer.WriteLine("ref float hPrev = ref Unsafe.Add(ref rows, s * RowStride);");
                    writer.WriteLine("ref float p = ref Unsafe.Add(ref hPrev, RowStride);");
                    writer.WriteLine("ref float hNext = ref p;");
                    for (int phase = 0; phase < context.Phases.Count; phase++)
                    {
                        if (context.Phases.Count > 1)
                        {
                            writer.WriteLine();
                            writer.WriteLine($"// Phase {Invariant.Int(phase + 1)} of {Invariant.Int(context.Phases.Count)}.");
                        }

                        new PhaseTileEmitter(context, phase, TileKind.Recurrence).Write(writer);
                    }
                }

                writer.WriteLine();
                writer.WriteLines("""
                    // Copy the block's states to the outputs, and carry the last one to row 0 for the next block.
                    if (writeOutputs)
                    {
                        for (int s = 0; s < count; s++)
                        {
                            MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref rows, (s + 1) * RowStride), Output)
                                .CopyTo(MemoryMarshal.CreateSpan(ref Unsafe.Add(ref y, (t0 + s) * Output), Output));
                        }
                    }

                    MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref rows, count * RowStride), Output).CopyTo(MemoryMarshal.CreateSpan(ref rows, Output));
                    """);
            }
        }
    }
}
