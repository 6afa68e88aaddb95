using RnnGen.Generator.Helpers;

namespace RnnGen.Generator.Emission;

/// <summary>
/// Writes the single-timestep kernel of one path: bias, W·x and U·h summed straight into the same registers, then
/// the cell's epilogue, the new state stored once the products have read every element of the old one. With no
/// batch of timesteps to share weight loads, a separate projection pass would only add a store, a reload and latency.
/// </summary>
internal static class StepKernelEmitter
{
    public static void Write(IndentedTextWriter writer, KernelContext context, bool inPlace)
    {
        writer.WriteLine("/// <summary>");
        writer.WriteLine($"/// One timestep on the {context.Width.Name} path: the new state from x, hPrev{(context.Cell.HasCellState ? " and cell (updated in place)" : "")}.");
        writer.WriteLine(inPlace
            ? "/// hPrev and hNext may be the same row: every product has read all of hPrev before the first store."
            : "/// hNext must not be hPrev: later tiles still read hPrev after earlier ones have stored.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine("[MethodImpl(MethodImplOptions.AggressiveOptimization)]");
        using (writer.OpenBlock($"private static void {KernelSignatures.StepMethod(context)}(ref float weights, ref float x, ref float hPrev, ref float hNext{KernelSignatures.StateParameters(context)}, bool zeroState)"))
        {
            context.WriteWeightRefs(writer, input: true);
            context.WriteScratchRefs(writer);
            for (int phase = 0; phase < context.Phases.Count; phase++)
            {
                if (context.Phases.Count > 1)
                {
                    writer.WriteLine();
                    writer.WriteLine($"// Phase {Invariant.Int(phase + 1)} of {Invariant.Int(context.Phases.Count)}.");
                }

                new PhaseTileEmitter(context, phase, TileKind.Step).Write(writer);
            }
        }
    }
}
