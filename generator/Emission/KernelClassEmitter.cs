using RnnGen.Generator.Helpers;
using RnnGen.Generator.Models;
using RnnGen.Generator.Planning;

namespace RnnGen.Generator.Emission;

/// <summary>
/// Writes the file-local kernel class: the entry points the members call, then for each CPU path its step kernel
/// and, where Run batches projections, its blocked sequence kernel.
/// </summary>
internal static class KernelClassEmitter
{
    public static string ClassName(LayerModel model) => Cells.Cell.For(model.Cell).AttributeName + "Kernel";

    public static void Write(IndentedTextWriter writer, GenerationInput input)
    {
        KernelPlan plan = input.Plan;
        LayerModel model = plan.Model;
        var first = new KernelContext(plan, plan.Paths[0]);
        using (writer.OpenBlock("namespace " + input.KernelNamespace))
        {
            writer.WriteLines("""
                using static global::RnnGen.Kernels.SimdMath;
                using static global::RnnGen.Kernels.VectorActivations;
                using Avx512F = global::System.Runtime.Intrinsics.X86.Avx512F;
                using Fma = global::System.Runtime.Intrinsics.X86.Fma;
                using MemoryMarshal = global::System.Runtime.InteropServices.MemoryMarshal;
                using MethodImpl = global::System.Runtime.CompilerServices.MethodImplAttribute;
                using MethodImplOptions = global::System.Runtime.CompilerServices.MethodImplOptions;
                using Unsafe = global::System.Runtime.CompilerServices.Unsafe;
                using V128 = global::System.Runtime.Intrinsics.Vector128;
                using V256 = global::System.Runtime.Intrinsics.Vector256;
                using V512 = global::System.Runtime.Intrinsics.Vector512;
                """);
            writer.WriteLine();
            writer.WriteLine($"/// <summary>The arithmetic of <see cref=\"global::{model.Hierarchy.FullName.Replace('<', '{').Replace('>', '}')}\"/>, one method per CPU path.</summary>");
            writer.WriteLine(GeneratorInfo.GeneratedCodeAttribute);
            using (writer.OpenBlock("file static class " + ClassName(model)))
            {
                writer.WriteLine($"private const int Input = {Invariant.Int(model.Input)};");
                writer.WriteLine($"private const int Output = {Invariant.Int(model.Output)};");
                if (first.ScratchRows.Count > 0)
                {
                    writer.WriteLine($"private const int ScratchFloats = {Invariant.Int(ScratchFloats(model, first.ScratchRows.Count))};");
                }

                writer.WriteLine();
                EntryPointEmitter.Write(writer, plan);
                writer.WriteLine();
                BatchEntryEmitter.Write(writer, plan);
                foreach (PathPlan path in plan.Paths)
                {
                    var context = new KernelContext(plan, path);
                    writer.WriteLine();
                    StepKernelEmitter.Write(writer, context, path.StepInPlace);
                    if (path.Blocked is { } blocked)
                    {
                        writer.WriteLine();
                        BlockedKernelEmitter.Write(writer, context, blocked);
                    }

                    for (int phase = 0; phase < path.Phases.Length; phase++)
                    {
                        if (path.Phases[phase].AnyStoresSums(model.Output, path.Width.Lanes))
                        {
                            writer.WriteLine();
                            PhaseTileEmitter.WriteEpilogueMethod(writer, context, phase, path.Phases[phase].SumsRowFloats, batched: false);
                        }
                    }

                    if (path.Batch is { } batch)
                    {
                        writer.WriteLine();
                        BatchStepKernelEmitter.Write(writer, context, batch);
                        for (int phase = 0; phase < batch.Phases.Length; phase++)
                        {
                            if (batch.Phases[phase].AnyStoresSums(model.Output, path.Width.Lanes))
                            {
                                writer.WriteLine();
                                PhaseTileEmitter.WriteEpilogueMethod(writer, context, phase, batch.Phases[phase].SumsRowFloats, batched: true);
                            }
                        }
                    }
                }
            }

            if (input.Weights is not null)
            {
                writer.WriteLine();
                EmbeddedWeightsEmitter.WriteDataClass(writer, input.Weights);
            }
        }
    }

    /// <summary>Scratch rows, each padded to the widest vector, and alignment slack.</summary>
    public static int ScratchFloats(LayerModel model, int rows) => (rows * Layout.PackedLayout.Pad(model.Output, 16)) + 16;
}
