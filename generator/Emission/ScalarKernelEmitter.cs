using RnnGen.Generator.Helpers;
using RnnGen.Generator.Models;
using RnnGen.Generator.Planning;

namespace RnnGen.Generator.Emission;

/// <summary>The scalar path: plain loops over the seed layout, for CPUs (or runtimes) without SIMD.</summary>
internal static class ScalarKernelEmitter
{
    public static void Write(IndentedTextWriter writer, KernelPlan plan)
    {
        SimpleRnnModel model = plan.Model;
        writer.WriteLine("/// <summary>Scalar path: one dot product per output over the seed layout (W and U row-major).</summary>");
        writer.WriteLine("[MethodImpl(MethodImplOptions.AggressiveOptimization)]");
        string span = "global::System.ReadOnlySpan<float>";
        using (writer.OpenBlock($"private static void RunScalar({span} w, {span} u, {span} b, ref float x, ref float y, ref float rows, int steps, bool writeOutputs, bool zeroState)"))
        {
            writer.WriteLine("// The state alternates between rows 0 and 1.");
            using (writer.OpenBlock("for (int t = 0; t < steps; t++)"))
            {
                writer.WriteLine("ref float xt = ref Unsafe.Add(ref x, t * Input);");
                writer.WriteLine("ref float hPrev = ref Unsafe.Add(ref rows, (t & 1) * RowStride);");
                writer.WriteLine("ref float hNext = ref Unsafe.Add(ref rows, ((t + 1) & 1) * RowStride);");
                using (writer.OpenBlock("for (int o = 0; o < Output; o++)"))
                {
                    writer.WriteLine(model.UseBias ? "float sum = b[o];" : "float sum = 0f;");
                    using (writer.OpenBlock("for (int i = 0; i < Input; i++)"))
                    {
                        writer.WriteLine("sum += w[(o * Input) + i] * Unsafe.Add(ref xt, i);");
                    }

                    writer.WriteLine("// From a zero state the first timestep has no U·h_{-1} term.");
                    using (writer.OpenBlock("if (t > 0 || !zeroState)"))
                    {
                        using (writer.OpenBlock("for (int j = 0; j < Output; j++)"))
                        {
                            writer.WriteLine("sum += u[(o * Output) + j] * Unsafe.Add(ref hPrev, j);");
                        }
                    }

                    writer.WriteLine($"Unsafe.Add(ref hNext, o) = {ActivationText.Apply(model.Activation, "sum")};");
                }

                writer.WriteLine();
                using (writer.OpenBlock("if (writeOutputs)"))
                {
                    writer.WriteLine("MemoryMarshal.CreateReadOnlySpan(ref hNext, Output).CopyTo(MemoryMarshal.CreateSpan(ref Unsafe.Add(ref y, t * Output), Output));");
                }
            }

            writer.WriteLine();
            writer.WriteLine("// Callers read the last state from row 0.");
            using (writer.OpenBlock("if ((steps & 1) == 1)"))
            {
                writer.WriteLine("MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref rows, RowStride), Output).CopyTo(MemoryMarshal.CreateSpan(ref rows, Output));");
            }
        }
    }
}
