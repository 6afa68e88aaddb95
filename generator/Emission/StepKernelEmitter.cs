using System;
using System.Collections.Generic;
using RnnGen.Generator.Helpers;
using RnnGen.Generator.Models;
using RnnGen.Generator.Planning;

namespace RnnGen.Generator.Emission;

/// <summary>
/// Writes the single-timestep kernel of one vector width: bias, W·x and U·h summed straight into the same
/// registers, then the activation, stored once every element of the old state has been read. With no batch of
/// timesteps to share weight loads, a separate projection pass would only add a store, a reload and latency.
/// </summary>
internal static class StepKernelEmitter
{
    public static void Write(IndentedTextWriter writer, KernelPlan plan, VectorPathPlan path)
    {
        SimpleRnnModel model = plan.Model;
        string v = path.TypeAlias;
        int k = path.AccumulatorsPerChunk;
        List<int> chunks = VectorKernelEmitter.ChunksOf(path, path.RecurrentTiles[0]);

        writer.WriteLine("/// <summary>");
        writer.WriteLine($"/// One timestep on the Vector{Invariant.Int(path.Bits)} path, every output's sums in registers: hNext = {ActivationText.Math(model.Activation, "W·x + U·hPrev + b")}.");
        writer.WriteLine("/// hPrev and hNext may be the same row: the new state is stored only after the last read of the old one.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine("[MethodImpl(MethodImplOptions.AggressiveOptimization)]");
        using (writer.OpenBlock($"private static void {path.StepMethodName}(ref float weights, ref float x, ref float hPrev, ref float hNext, bool zeroState)"))
        {
            writer.WriteLine("ref float w = ref weights;");
            writer.WriteLine($"ref float u = ref Unsafe.Add(ref weights, {Invariant.Int(path.RecurrentOffset(model.Input))});");
            if (model.UseBias)
            {
                writer.WriteLine($"ref float b = ref Unsafe.Add(ref weights, {Invariant.Int(path.BiasOffset(model.Input, model.Output))});");
            }

            writer.WriteLine();
            writer.WriteLine(k == 1
                ? $"// Outputs {VectorKernelEmitter.OutputRange(model, path, path.RecurrentTiles[0])}: one accumulator per chunk, W·x then U·h."
                : $"// Outputs {VectorKernelEmitter.OutputRange(model, path, path.RecurrentTiles[0])}: W·x into partial sum _a, then state element j into partial sum j mod {Invariant.Int(k)} ({VectorKernelEmitter.PartialSumNames(k)}).");
            writer.WriteLine("// The same order of additions as Run, so a loop of Step reproduces Run bit for bit.");
            foreach (int c in chunks)
            {
                string init = model.UseBias ? $"{v}.LoadUnsafe(ref b, {VectorKernelEmitter.Offset(path, c)})" : $"{v}.Create(0f)";
                writer.WriteLine($"var {VectorKernelEmitter.Accumulator(model, path, c, 0, k)} = {init};");
            }

            var inputs = new Columns(model.Input, "Input", "i", "x", "w", "wi", "xi");
            if (path.Unrolled)
            {
                VectorKernelEmitter.WriteColumnsSpelledOut(writer, model, path, chunks, inputs, partials: 1);
            }
            else
            {
                VectorKernelEmitter.WriteColumnLoop(writer, model, path, chunks, inputs, partials: 1);
            }

            writer.WriteLine();
            writer.WriteLine("// From a zero state there is no U·h term.");
            using (writer.OpenBlock("if (zeroState)"))
            {
                WriteNewState(writer, model, path, chunks, c => VectorKernelEmitter.Accumulator(model, path, c, 0, k));
                writer.WriteLine("return;");
            }

            writer.WriteLine();
            VectorKernelEmitter.WriteRecurrentColumns(writer, model, path, chunks);
            writer.WriteLine();
            writer.WriteLine("// Every element of hPrev has been read, so hNext may now be written even where it is the same row.");
            WriteNewState(writer, model, path, chunks, c => VectorKernelEmitter.SumTree(model, path, c, 0, k));
        }
    }

    /// <summary>
    /// Stores the activated sums. A padded last chunk is stored lane by lane, since the caller's state is exactly
    /// Output floats long; with many chunks the sums are stored first and activated in place by a loop, as in the
    /// sequence kernel, so the JIT inlines the activation once.
    /// </summary>
    private static void WriteNewState(IndentedTextWriter writer, SimpleRnnModel model, VectorPathPlan path, List<int> chunks, Func<int, string> sumOfChunk)
    {
        string v = path.TypeAlias;
        bool inline = VectorKernelEmitter.ActivatesPerChunk(model, path);
        int fullChunks = model.Output / path.Lanes;
        writer.WriteLine(model.Activation == RnnActivationKind.Linear ? "// The new state (Linear: no activation)."
            : inline ? $"// {ActivationText.Name(model.Activation)}, stored as the new state."
            : "// The sums, stored as the new state and then activated in place.");
        foreach (int c in chunks)
        {
            string sum = sumOfChunk(c);
            string value = inline ? ActivationText.Apply(model.Activation, sum) : sum;
            if (c < fullChunks)
            {
                writer.WriteLine($"{v}.StoreUnsafe({value}, ref hNext, {VectorKernelEmitter.Offset(path, c)});");
                continue;
            }

            int first = c * path.Lanes;
            string outputs = first == model.Output - 1 ? $"Output {Invariant.Int(first)} fills" : $"Outputs {Invariant.Int(first)}..{Invariant.Int(model.Output - 1)} fill";
            writer.WriteLine($"// {outputs} only part of the last vector: stored lane by lane.");
            using (writer.OpenBlock())
            {
                writer.WriteLine($"var last = {value};");
                for (int lane = 0; lane < model.Output - first; lane++)
                {
                    string element = VectorKernelEmitter.Element("hNext", first + lane);
                    writer.WriteLine($"{element} = {v}.GetElement(last, {Invariant.Int(lane)});");
                }
            }
        }

        if (inline)
        {
            return;
        }

        writer.WriteLine();
        if (fullChunks > 0)
        {
            using (writer.OpenBlock($"for (nuint c = 0; c < {Invariant.Int(fullChunks * path.Lanes)}; c += {Invariant.Int(path.Lanes)})"))
            {
                writer.WriteLine($"{v}.StoreUnsafe({ActivationText.Apply(model.Activation, $"{v}.LoadUnsafe(ref hNext, c)")}, ref hNext, c);");
            }
        }

        if (fullChunks * path.Lanes < model.Output)
        {
            using (writer.OpenBlock($"for (int o = {Invariant.Int(fullChunks * path.Lanes)}; o < Output; o++)"))
            {
                writer.WriteLine($"Unsafe.Add(ref hNext, o) = {ActivationText.Apply(model.Activation, "Unsafe.Add(ref hNext, o)")};");
            }
        }
    }
}
