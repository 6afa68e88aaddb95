using RnnGen.Generator.Helpers;
using RnnGen.Generator.Planning;

namespace RnnGen.Generator.Emission;

/// <summary>
/// Writes the batched step kernel of one path: one timestep of k independent sequences at once. Each column's
/// weight vectors are loaded once and multiplied into every sequence's sums, so the k dependency chains fill the
/// FMA units that one sequence leaves idle, and the weight traffic is shared k ways. Sequence q's rows are found
/// by strides, so the same kernel serves a batch of states (stride Output) and batch-major sequences (stride
/// Timesteps × Output).
/// </summary>
internal static class BatchStepKernelEmitter
{
    public static void Write(IndentedTextWriter writer, KernelContext context, BatchPlan batch)
    {
        int k = batch.Sequences;
        bool cell = context.Cell.HasCellState;
        writer.WriteLine("/// <summary>");
        writer.WriteLine($"/// One timestep of {Invariant.Int(k)} sequences on the {context.Width.Name} path, each weight vector loaded once for all of them. Sequence q's");
        writer.WriteLine("/// input, previous and next state" + (cell ? " and cell state" : "") + " lie q strides after the first.");
        writer.WriteLine(batch.InPlace
            ? "/// The next states may be the previous ones: every product has read all of them before the first store."
            : "/// The next states must not be the previous ones: later tiles still read them after earlier ones have stored.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine("[MethodImpl(MethodImplOptions.AggressiveOptimization)]");
        string cellParameters = cell ? ", ref float cell, nint cellStride" : "";
        string scratch = context.ScratchRows.Count > 0 ? ", ref float scratch" : "";
        string sums = batch.SumsFloats > 0 ? ", ref float sums" : "";
        using (writer.OpenBlock($"private static void {KernelSignatures.BatchMethod(context)}(ref float weights, ref float x, nint xStride, ref float hPrev, nint hPrevStride, ref float hNext, nint hNextStride{cellParameters}{scratch}{sums}, bool zeroState)"))
        {
            context.WriteWeightRefs(writer, input: true);
            writer.WriteLine($"// The {Invariant.Int(k)} sequences' rows.");
            WriteSequenceRefs(writer, "x", "xStride", k);
            WriteSequenceRefs(writer, "hPrev", "hPrevStride", k);
            WriteSequenceRefs(writer, "hNext", "hNextStride", k);
            if (cell)
            {
                WriteSequenceRefs(writer, "cell", "cellStride", k);
            }

            if (context.ScratchRows.Count > 0)
            {
                WriteSequenceRefs(writer, "scratch", Invariant.Int(ScratchFloatsPerSequence(context)), k);
                for (int q = 0; q < k; q++)
                {
                    context.WriteScratchRefs(writer, Invariant.Int(q));
                }
            }

            for (int phase = 0; phase < context.Phases.Count; phase++)
            {
                if (context.Phases.Count > 1)
                {
                    writer.WriteLine();
                    writer.WriteLine($"// Phase {Invariant.Int(phase + 1)} of {Invariant.Int(context.Phases.Count)}.");
                }

                new PhaseTileEmitter(context, phase, TileKind.Step, batch.Phases[phase], k, batch.WeightsInRegisters).Write(writer);
            }
        }
    }

    /// <summary>The scratch rows of one sequence, padded to the widest vector.</summary>
    public static int ScratchFloatsPerSequence(KernelContext context) => StackBudget.ScratchFloatsPerSequence(context.Model);

    private static void WriteSequenceRefs(IndentedTextWriter writer, string name, string stride, int k)
    {
        for (int q = 0; q < k; q++)
        {
            writer.WriteLine(q switch
            {
                0 => $"ref float {name}0 = ref {name};",
                1 => $"ref float {name}1 = ref Unsafe.Add(ref {name}, {stride});",
                _ => $"ref float {name}{Invariant.Int(q)} = ref Unsafe.Add(ref {name}, {Invariant.Int(q)} * {stride});",
            });
        }
    }
}
