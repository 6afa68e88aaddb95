using System.Collections.Generic;
using RnnGen.Generator.Helpers;
using RnnGen.Generator.Models;
using RnnGen.Generator.Planning;

namespace RnnGen.Generator.Emission;

/// <summary>
/// Writes the kernel of one vector width. Every output chunk (one vector of outputs) has its own accumulator
/// local; input i and state element j are broadcast and multiplied into every chunk with the matching row
/// of packed weights (see <c>RnnGen.Weights.PackedLayout</c>).
/// </summary>
internal static class VectorKernelEmitter
{
    public static void Write(IndentedTextWriter writer, KernelPlan plan, VectorPathPlan path)
    {
        SimpleRnnModel model = plan.Model;
        string v = path.TypeAlias;
        string padded = Invariant.Int(path.PaddedOutput);

        writer.WriteLine("/// <summary>");
        foreach (string line in HeaderEmitter.DescribePath(model, path))
        {
            writer.WriteLine("/// " + line.Trim());
        }

        writer.WriteLine("/// </summary>");
        writer.WriteLine("[MethodImpl(MethodImplOptions.AggressiveOptimization)]");
        using (writer.OpenBlock($"private static void {path.MethodName}(ref float weights, ref float x, ref float y, ref float rows, int steps, bool writeOutputs, bool zeroState)"))
        {
            writer.WriteLine($"// Packed weights, rows of {padded} floats: W (one row per input) at 0, U (one row per state element) at {Invariant.Int(path.RecurrentOffset(model.Input))}, bias at {Invariant.Int(path.BiasOffset(model.Input, model.Output))}.");
            writer.WriteLine("ref float w = ref weights;");
            writer.WriteLine($"ref float u = ref Unsafe.Add(ref weights, {Invariant.Int(path.RecurrentOffset(model.Input))});");
            if (model.UseBias)
            {
                writer.WriteLine($"ref float b = ref Unsafe.Add(ref weights, {Invariant.Int(path.BiasOffset(model.Input, model.Output))});");
            }

            using (writer.OpenBlock("for (int t0 = 0; t0 < steps; t0 += BlockSteps)"))
            {
                writer.WriteLine("int count = global::System.Math.Min(BlockSteps, steps - t0);");
                writer.WriteLine();
                using (writer.OpenBlock())
                {
                    WriteGroupedProjection(writer, model, path);
                    writer.WriteLine();
                    writer.WriteLine("// The block's remaining timesteps, one at a time.");
                    using (writer.OpenBlock("for (; s < count; s++)"))
                    {
                        writer.WriteLine("ref float xt = ref Unsafe.Add(ref x, (t0 + s) * Input);");
                        writer.WriteLine("ref float p = ref Unsafe.Add(ref rows, (s + 1) * RowStride);");
                        foreach (ChunkTile tile in path.ProjectionTiles)
                        {
                            WriteProjectionTile(writer, model, path, tile);
                        }
                    }
                }

                writer.WriteLine();
                writer.WriteLine("// From a zero state the first timestep has no U·h_{-1} term: its state is the activated projection.");
                writer.WriteLine("int first = 0;");
                using (writer.OpenBlock("if (zeroState && t0 == 0)"))
                {
                    if (model.Activation != RnnActivationKind.Linear)
                    {
                        writer.WriteLine("ref float h0 = ref Unsafe.Add(ref rows, RowStride);");
                        using (writer.OpenBlock($"for (nuint c = 0; c < {Invariant.Int(path.PaddedOutput)}; c += {Invariant.Int(path.Lanes)})"))
                        {
                            writer.WriteLine($"{v}.StoreUnsafe({ActivationText.Apply(model.Activation, $"{v}.LoadUnsafe(ref h0, c)")}, ref h0, c);");
                        }
                    }

                    writer.WriteLine("first = 1;");
                }

                writer.WriteLine();
                writer.WriteLine($"// Recurrence: row s+1 = {ActivationText.Math(model.Activation, "row s+1 + U·row s")}. The only sequential part.");
                using (writer.OpenBlock("for (int s = first; s < count; s++)"))
                {
                    writer.WriteLine("ref float hPrev = ref Unsafe.Add(ref rows, s * RowStride);");
                    writer.WriteLine("ref float hNext = ref Unsafe.Add(ref hPrev, RowStride);");
                    foreach (ChunkTile tile in path.RecurrentTiles)
                    {
                        WriteRecurrentTile(writer, model, path, tile);
                    }

                    if (!ActivatesPerChunk(model, path))
                    {
                        writer.WriteLine();
                        writer.WriteLine($"// {ActivationText.Name(model.Activation)} over the new state, one vector at a time.");
                        using (writer.OpenBlock($"for (nuint c = 0; c < {Invariant.Int(path.PaddedOutput)}; c += {Invariant.Int(path.Lanes)})"))
                        {
                            writer.WriteLine($"{v}.StoreUnsafe({ActivationText.Apply(model.Activation, $"{v}.LoadUnsafe(ref hNext, c)")}, ref hNext, c);");
                        }
                    }
                }

                writer.WriteLine();
                WriteBlockHandOff(writer, plan);
            }
        }
    }

    /// <summary>Outputs of the block, then its last state moves to row 0 for the next block.</summary>
    internal static void WriteBlockHandOff(IndentedTextWriter writer, KernelPlan plan)
    {
        writer.WriteLine("// Copy the block's states to the outputs, and carry the last one to row 0 for the next block.");
        using (writer.OpenBlock("if (writeOutputs)"))
        {
            if (plan.RowStride == plan.Model.Output)
            {
                writer.WriteLine("// Rows are exactly Output floats long, so the block is one contiguous copy.");
                writer.WriteLine("MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref rows, RowStride), count * Output)");
                writer.WriteLine("    .CopyTo(MemoryMarshal.CreateSpan(ref Unsafe.Add(ref y, t0 * Output), count * Output));");
            }
            else
            {
                using (writer.OpenBlock("for (int s = 0; s < count; s++)"))
                {
                    writer.WriteLine("MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref rows, (s + 1) * RowStride), Output)");
                    writer.WriteLine("    .CopyTo(MemoryMarshal.CreateSpan(ref Unsafe.Add(ref y, (t0 + s) * Output), Output));");
                }
            }
        }

        writer.WriteLine("MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref rows, count * RowStride), RowStride).CopyTo(MemoryMarshal.CreateSpan(ref rows, RowStride));");
    }

    /// <summary>
    /// Input projections of several timesteps at once: each weight vector is loaded once and multiplied with the
    /// inputs of all of them, which divides the traffic of W by the number of timesteps.
    /// </summary>
    private static void WriteGroupedProjection(IndentedTextWriter writer, SimpleRnnModel model, VectorPathPlan path)
    {
        string v = path.TypeAlias;
        int steps = path.ProjectionSteps;
        writer.WriteLine($"// Input projections of the block into rows 1..count: W·x_t + b, {Invariant.Int(steps)} timesteps at a time so that each");
        writer.WriteLine("// weight vector is loaded once for all of them. No timestep depends on another: full FMA throughput.");
        writer.WriteLine("int s = 0;");
        using (writer.OpenBlock($"for (; s + {Invariant.Int(steps)} <= count; s += {Invariant.Int(steps)})"))
        {
            writer.WriteLine("ref float xs = ref Unsafe.Add(ref x, (t0 + s) * Input);");
            writer.WriteLine("ref float ps = ref Unsafe.Add(ref rows, (s + 1) * RowStride);");
            foreach (ChunkTile tile in path.GroupedProjectionTiles)
            {
                var chunks = ChunksOf(path, tile);
                writer.WriteLine();
                writer.WriteLine($"// Outputs {OutputRange(model, path, tile)}; p{{k}} is timestep s + k.");
                using (writer.OpenBlock())
                {
                    for (int k = 0; k < steps; k++)
                    {
                        foreach (int c in chunks)
                        {
                            string init = model.UseBias ? $"{v}.LoadUnsafe(ref b, {Offset(path, c)})" : $"{v}.Create(0f)";
                            writer.WriteLine($"var {GroupedProjection(model, path, k, c)} = {init};");
                        }
                    }

                    using (writer.OpenBlock("for (int i = 0; i < Input; i++)"))
                    {
                        writer.WriteLine($"ref float wi = ref Unsafe.Add(ref w, i * {Invariant.Int(path.PaddedOutput)});");
                        foreach (int c in chunks)
                        {
                            writer.WriteLine($"var w_{Range(model, path, c)} = {v}.LoadUnsafe(ref wi, {Offset(path, c)});");
                        }

                        for (int k = 0; k < steps; k++)
                        {
                            string index = k == 0 ? "i" : $"{Invariant.Int(k)} * Input + i";
                            writer.WriteLine($"var x{Invariant.Int(k)} = {v}.Create(Unsafe.Add(ref xs, {index}));");
                            foreach (int c in chunks)
                            {
                                string acc = GroupedProjection(model, path, k, c);
                                writer.WriteLine($"{acc} = {path.MultiplyAdd($"w_{Range(model, path, c)}", "x" + Invariant.Int(k), acc)};");
                            }
                        }
                    }

                    writer.WriteLine();
                    for (int k = 0; k < steps; k++)
                    {
                        foreach (int c in chunks)
                        {
                            string offset = k == 0 ? Offset(path, c) : $"{Invariant.Int(k)} * RowStride + {Offset(path, c)}";
                            writer.WriteLine($"{v}.StoreUnsafe({GroupedProjection(model, path, k, c)}, ref ps, {offset});");
                        }
                    }
                }
            }
        }
    }

    private static string GroupedProjection(SimpleRnnModel model, VectorPathPlan path, int step, int chunk) => $"p{Invariant.Int(step)}_{Range(model, path, chunk)}";

    private static void WriteProjectionTile(IndentedTextWriter writer, SimpleRnnModel model, VectorPathPlan path, ChunkTile tile)
    {
        string v = path.TypeAlias;
        var chunks = ChunksOf(path, tile);
        writer.WriteLine();
        writer.WriteLine($"// Outputs {OutputRange(model, path, tile)}.");
        using (writer.OpenBlock())
        {
            foreach (int c in chunks)
            {
                string init = model.UseBias ? $"{v}.LoadUnsafe(ref b, {Offset(path, c)})" : $"{v}.Create(0f)";
                writer.WriteLine($"var {Projection(model, path, c)} = {init};");
            }

            if (path.Unrolled)
            {
                // One broadcast local, reused: a local per column would exhaust the JIT's tracked locals on large layers.
                for (int i = 0; i < model.Input; i++)
                {
                    writer.WriteLine($"{(i == 0 ? "var " : "")}xi = {v}.Create({Element("xt", i)});");
                    foreach (int c in chunks)
                    {
                        string acc = Projection(model, path, c);
                        writer.WriteLine($"{acc} = {path.MultiplyAdd($"{v}.LoadUnsafe(ref w, {Invariant.Int((i * path.PaddedOutput) + (c * path.Lanes))})", "xi", acc)};");
                    }
                }
            }
            else
            {
                using (writer.OpenBlock("for (int i = 0; i < Input; i++)"))
                {
                    writer.WriteLine($"ref float wi = ref Unsafe.Add(ref w, i * {Invariant.Int(path.PaddedOutput)});");
                    writer.WriteLine($"var xi = {v}.Create(Unsafe.Add(ref xt, i));");
                    foreach (int c in chunks)
                    {
                        string acc = Projection(model, path, c);
                        writer.WriteLine($"{acc} = {path.MultiplyAdd($"{v}.LoadUnsafe(ref wi, {Offset(path, c)})", "xi", acc)};");
                    }
                }

                writer.WriteLine();
            }

            foreach (int c in chunks)
            {
                writer.WriteLine($"{path.TypeAlias}.StoreUnsafe({Projection(model, path, c)}, ref p, {Offset(path, c)});");
            }
        }
    }

    private static void WriteRecurrentTile(IndentedTextWriter writer, SimpleRnnModel model, VectorPathPlan path, ChunkTile tile)
    {
        string v = path.TypeAlias;
        int k = path.AccumulatorsPerChunk;
        var chunks = ChunksOf(path, tile);
        writer.WriteLine();
        writer.WriteLine(k == 1
            ? $"// Outputs {OutputRange(model, path, tile)}, starting from their input projection."
            : $"// Outputs {OutputRange(model, path, tile)}, starting from their input projection; column j adds into partial sum j mod {Invariant.Int(k)} ({PartialSumNames(k)}).");
        using (writer.OpenBlock())
        {
            foreach (int c in chunks)
            {
                writer.WriteLine($"var {Accumulator(model, path, c, 0, k)} = {v}.LoadUnsafe(ref hNext, {Offset(path, c)});");
            }

            WriteRecurrentColumns(writer, model, path, chunks);

            bool inline = ActivatesPerChunk(model, path);
            writer.WriteLine(model.Activation == RnnActivationKind.Linear ? "// The new state (Linear: no activation)."
                : inline ? $"// {ActivationText.Name(model.Activation)}, stored as the new state."
                : "// The sums; the activation follows over the whole row.");
            foreach (int c in chunks)
            {
                string sum = SumTree(model, path, c, 0, k);
                writer.WriteLine($"{v}.StoreUnsafe({(inline ? ActivationText.Apply(model.Activation, sum) : sum)}, ref hNext, {Offset(path, c)});");
            }
        }
    }

    /// <summary>
    /// U·h_{t-1} into the chunks' partial sums, whose first (<c>_a</c>) is already declared: column j adds into
    /// partial sum j mod k. Shared by the sequence and the step kernels, so that both sum in the same order and
    /// a loop of Step reproduces Run bit for bit.
    /// </summary>
    internal static void WriteRecurrentColumns(IndentedTextWriter writer, SimpleRnnModel model, VectorPathPlan path, List<int> chunks)
    {
        string v = path.TypeAlias;
        int k = path.AccumulatorsPerChunk;
        if (!path.Unrolled)
        {
            WriteRecurrentColumnLoop(writer, model, path, chunks);
            return;
        }

        for (int j = 0; j < model.Output; j++)
        {
            writer.WriteLine($"{(j == 0 ? "var " : "")}hj = {v}.Create({Element("hPrev", j)});");
            foreach (int c in chunks)
            {
                string acc = Accumulator(model, path, c, j % k, k);
                string weight = $"{v}.LoadUnsafe(ref u, {Invariant.Int((j * path.PaddedOutput) + (c * path.Lanes))})";
                // The first column of each further partial sum starts it, instead of adding to zero.
                writer.WriteLine(j > 0 && j < k
                    ? $"var {acc} = {weight} * hj;"
                    : $"{acc} = {path.MultiplyAdd(weight, "hj", acc)};");
            }
        }
    }

    private static void WriteRecurrentColumnLoop(IndentedTextWriter writer, SimpleRnnModel model, VectorPathPlan path, List<int> chunks)
    {
        string v = path.TypeAlias;
        int k = path.AccumulatorsPerChunk;
        for (int part = 1; part < k; part++)
        {
            foreach (int c in chunks)
            {
                writer.WriteLine($"var {Accumulator(model, path, c, part, k)} = {v}.Create(0f);");
            }
        }

        WriteColumnLoop(writer, model, path, chunks, new Columns(model.Output, "Output", "j", "hPrev", "u", "uj", "hj"), k);
    }

    /// <summary>
    /// Columns in a loop, <paramref name="partials"/> per iteration, then the remainder spelled out: column j is
    /// broadcast and multiplied into every chunk's partial sum j mod <paramref name="partials"/> with row j of the
    /// packed weights. The partial sums are already declared.
    /// </summary>
    internal static void WriteColumnLoop(IndentedTextWriter writer, SimpleRnnModel model, VectorPathPlan path, List<int> chunks, Columns columns, int partials)
    {
        string v = path.TypeAlias;
        int k = partials;
        string j = columns.Index;
        int looped = columns.Count - (columns.Count % k);
        string header = k == 1
            ? $"for (int {j} = 0; {j} < {columns.CountName}; {j}++)"
            : $"for (int {j} = 0; {j} < {Invariant.Int(looped)}; {j} += {Invariant.Int(k)})";
        using (writer.OpenBlock(header))
        {
            writer.WriteLine($"ref float {columns.Row} = ref Unsafe.Add(ref {columns.Weights}, {j} * {Invariant.Int(path.PaddedOutput)});");
            for (int part = 0; part < k; part++)
            {
                string broadcast = k == 1 ? columns.Broadcast : columns.Broadcast + Invariant.Int(part);
                string index = part == 0 ? j : $"{j} + {Invariant.Int(part)}";
                writer.WriteLine($"var {broadcast} = {v}.Create(Unsafe.Add(ref {columns.Source}, {index}));");
                foreach (int c in chunks)
                {
                    string acc = Accumulator(model, path, c, part, path.AccumulatorsPerChunk);
                    writer.WriteLine($"{acc} = {path.MultiplyAdd($"{v}.LoadUnsafe(ref {columns.Row}, {Invariant.Int((part * path.PaddedOutput) + (c * path.Lanes))})", broadcast, acc)};");
                }
            }
        }

        WriteColumnsSpelledOut(writer, model, path, chunks, columns, partials, looped);
    }

    /// <summary>
    /// Columns <paramref name="first"/>.. of <paramref name="columns"/> into partial sum j mod <paramref name="partials"/>,
    /// one broadcast local reused for all of them.
    /// </summary>
    internal static void WriteColumnsSpelledOut(IndentedTextWriter writer, SimpleRnnModel model, VectorPathPlan path, List<int> chunks, Columns columns, int partials, int first = 0)
    {
        string v = path.TypeAlias;
        for (int j = first; j < columns.Count; j++)
        {
            writer.WriteLine($"{(j == first ? "var " : "")}{columns.Broadcast} = {v}.Create({Element(columns.Source, j)});");
            foreach (int c in chunks)
            {
                string acc = Accumulator(model, path, c, j % partials, path.AccumulatorsPerChunk);
                writer.WriteLine($"{acc} = {path.MultiplyAdd($"{v}.LoadUnsafe(ref {columns.Weights}, {Invariant.Int((j * path.PaddedOutput) + (c * path.Lanes))})", columns.Broadcast, acc)};");
            }
        }
    }

    /// <summary>Relu and Linear are a single instruction or none, so only Tanh and Sigmoid ever move to a loop.</summary>
    internal static bool ActivatesPerChunk(SimpleRnnModel model, VectorPathPlan path)
        => path.ActivationPerChunk || model.Activation is RnnActivationKind.Relu or RnnActivationKind.Linear;

    internal static List<int> ChunksOf(VectorPathPlan path, ChunkTile tile)
    {
        var chunks = new List<int>(tile.ChunkCount);
        for (int c = tile.FirstChunk; c < tile.FirstChunk + tile.ChunkCount; c++)
        {
            chunks.Add(c);
        }

        return chunks;
    }

    /// <summary>Partial sums added pairwise, so the sum itself adds only log2(k) to the critical path.</summary>
    internal static string SumTree(SimpleRnnModel model, VectorPathPlan path, int chunk, int first, int count)
    {
        int k = path.AccumulatorsPerChunk;
        if (count == 1)
        {
            return Accumulator(model, path, chunk, first, k);
        }

        int half = (count + 1) / 2;
        string left = SumTree(model, path, chunk, first, half);
        string right = SumTree(model, path, chunk, first + half, count - half);
        return first == 0 && count == k ? $"{left} + {right}" : $"({left} + {right})";
    }

    internal static string Offset(VectorPathPlan path, int chunk) => Invariant.Int(chunk * path.Lanes);

    internal static string Element(string reference, int index)
        => index == 0 ? reference : $"Unsafe.Add(ref {reference}, {Invariant.Int(index)})";

    /// <summary>The real outputs a chunk covers, e.g. <c>o16_31</c>; a padded last chunk names only the real ones.</summary>
    internal static string Range(SimpleRnnModel model, VectorPathPlan path, int chunk)
    {
        int first = chunk * path.Lanes;
        int last = System.Math.Min(first + path.Lanes, model.Output) - 1;
        return first == last ? "o" + Invariant.Int(first) : $"o{Invariant.Int(first)}_{Invariant.Int(last)}";
    }

    internal static string OutputRange(SimpleRnnModel model, VectorPathPlan path, ChunkTile tile)
    {
        int first = tile.FirstChunk * path.Lanes;
        int last = System.Math.Min((tile.FirstChunk + tile.ChunkCount) * path.Lanes, model.Output) - 1;
        string chunks = tile.ChunkCount == 1
            ? $"chunk {Invariant.Int(tile.FirstChunk)}"
            : $"chunks {Invariant.Int(tile.FirstChunk)}..{Invariant.Int(tile.FirstChunk + tile.ChunkCount - 1)}";
        return $"{Invariant.Int(first)}..{Invariant.Int(last)} ({chunks})";
    }

    private static string Projection(SimpleRnnModel model, VectorPathPlan path, int chunk) => "p_" + Range(model, path, chunk);

    internal static string Accumulator(SimpleRnnModel model, VectorPathPlan path, int chunk, int part, int parts)
        => parts == 1 ? "acc_" + Range(model, path, chunk) : $"acc_{Range(model, path, chunk)}_{(char)('a' + part)}";

    internal static string PartialSumNames(int k)
    {
        var names = new List<string>();
        for (int part = 0; part < k; part++)
        {
            names.Add("_" + (char)('a' + part));
        }

        return string.Join(", ", names);
    }
}

/// <summary>One operand of a matrix-vector product as the kernels spell it: which vector, which weights, which local names.</summary>
/// <param name="Count">Columns (elements of the vector).</param>
/// <param name="CountName">The constant that names the count in loops (<c>Input</c>, <c>Output</c>).</param>
/// <param name="Index">The loop variable.</param>
/// <param name="Source">The <c>ref float</c> of the vector's first element.</param>
/// <param name="Weights">The <c>ref float</c> of the packed weight rows, one per column.</param>
/// <param name="Row">The local for the current weight row in loops.</param>
/// <param name="Broadcast">The local holding the broadcast column value.</param>
internal sealed record Columns(int Count, string CountName, string Index, string Source, string Weights, string Row, string Broadcast);
