using RnnGen.Generator.Helpers;
using RnnGen.Generator.Models;
using RnnGen.Generator.Planning;

namespace RnnGen.Generator.Emission;

/// <summary>
/// Writes one generated file: the header, the members on the user's partial class, and a file-local kernel
/// class that holds the arithmetic for every CPU path. A pure function of the plan.
/// </summary>
internal static class SimpleRnnEmitter
{
    /// <summary>The namespace of the file-local kernel class: ours, so the aliases it declares cannot meet a user's type.</summary>
    public const string KernelNamespace = "RnnGen.Generated";

    public const string KernelClass = "SimpleRnnKernel";

    public static string Emit(GenerationInput input)
    {
        KernelPlan plan = input.Plan;
        var writer = new IndentedTextWriter();
        HeaderEmitter.Write(writer, plan, input.Weights);
        writer.WriteLine("#nullable enable");
        writer.WriteLine();

        HierarchyInfo hierarchy = plan.Model.Hierarchy;
        IndentedTextWriter.Block? namespaceBlock = hierarchy.Namespace.Length > 0 ? writer.OpenBlock("namespace " + hierarchy.Namespace) : null;
        var typeBlocks = new IndentedTextWriter.Block[hierarchy.Types.Length];
        for (int i = 0; i < hierarchy.Types.Length; i++)
        {
            TypeDeclarationInfo type = hierarchy.Types[i];
            if (i == hierarchy.Types.Length - 1)
            {
                MembersEmitter.WriteClassRemarks(writer, plan);
            }

            typeBlocks[i] = writer.OpenBlock($"partial {type.Keyword} {type.NameWithTypeParameters}");
        }

        MembersEmitter.Write(writer, plan, input.Weights);

        for (int i = typeBlocks.Length - 1; i >= 0; i--)
        {
            typeBlocks[i].Dispose();
        }

        namespaceBlock?.Dispose();
        writer.WriteLine();
        WriteKernelClass(writer, plan, input.Weights);
        return writer.ToString();
    }

    private static void WriteKernelClass(IndentedTextWriter writer, KernelPlan plan, EmbeddedWeights? weights)
    {
        SimpleRnnModel model = plan.Model;
        using (writer.OpenBlock("namespace " + KernelNamespace))
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
            using (writer.OpenBlock("file static class " + KernelClass))
            {
                writer.WriteLine($"private const int Input = {Invariant.Int(model.Input)};");
                writer.WriteLine($"private const int Output = {Invariant.Int(model.Output)};");
                writer.WriteLine("// State rows are padded to whole 16-float vectors so that every path can load and store full vectors.");
                writer.WriteLine($"private const int RowStride = {Invariant.Int(plan.RowStride)};");
                writer.WriteLine($"private const int BlockSteps = {Invariant.Int(plan.BlockSteps)};");
                writer.WriteLine($"private const int RunBufferFloats = {Invariant.Int(plan.RunBufferFloats)};");
                writer.WriteLine($"private const int StepBufferFloats = {Invariant.Int(plan.StepBufferFloats)};");
                writer.WriteLine();
                WriteDispatch(writer, plan);
                writer.WriteLine();
                KernelEntryEmitter.Write(writer, plan);
                foreach (VectorPathPlan path in plan.VectorPaths)
                {
                    if (!path.RunsAsSteps)
                    {
                        writer.WriteLine();
                        VectorKernelEmitter.Write(writer, plan, path);
                    }

                    if (path.StepInRegisters)
                    {
                        writer.WriteLine();
                        StepKernelEmitter.Write(writer, plan, path);
                    }
                }

                writer.WriteLine();
                ScalarKernelEmitter.Write(writer, plan);
            }

            if (weights is not null)
            {
                writer.WriteLine();
                EmbeddedWeightsEmitter.WriteDataClass(writer, plan.Model, weights);
            }
        }
    }

    private static void WriteDispatch(IndentedTextWriter writer, KernelPlan plan)
    {
        writer.WriteLines("""
            /// <summary>
            /// Runs <paramref name="steps"/> timesteps. On entry row 0 of <paramref name="rows"/> holds h_{-1}; on return
            /// it holds the last state. <paramref name="zeroState"/> says h_{-1} is zero, so the first U·h_{-1} is skipped.
            /// Each IsHardwareAccelerated is a JIT-time constant, so only one branch is compiled.
            /// </summary>
            private static void Forward(global::RnnGen.Weights.SimpleRnnWeights weights, ref float x, ref float y, ref float rows, int steps, bool writeOutputs, bool zeroState)
            """);
        using (writer.OpenBlock())
        {
            PathDispatch.Write(
                writer,
                plan,
                path => writer.WriteLine($"{path.MethodName}(ref weights.Packed, ref x, ref y, ref rows, steps, writeOutputs, zeroState);"),
                "RunScalar(weights.W, weights.U, weights.B, ref x, ref y, ref rows, steps, writeOutputs, zeroState);",
                path => path.RunsAsSteps ? "never comes here; its Run and Step are the single-timestep kernel." : null);
        }
    }
}
