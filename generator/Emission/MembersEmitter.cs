using System.Collections.Generic;
using RnnGen.Generator.Cells;
using RnnGen.Generator.Emission.Members;
using RnnGen.Generator.Helpers;
using RnnGen.Generator.Models;

namespace RnnGen.Generator.Emission;

/// <summary>Writes the members of <see cref="MemberCatalog"/> into the user's partial class, each stamped with GeneratedCode.</summary>
internal static class MembersEmitter
{
    public static void WriteClassRemarks(IndentedTextWriter writer, LayerModel model)
    {
        Cell cell = Cell.For(model.Cell);
        string members = cell.HasCellState ? "<c>Run</c>, <c>RunLast</c> or <c>Step</c> (with hidden and cell state)" : "<c>Run</c>, <c>RunLast</c> or <c>Step</c>";
        writer.WriteLine("/// <remarks>");
        writer.WriteLine($"/// RnnGen generated a {cell.DisplayName} kernel for this class, with Timesteps = {Invariant.Int(model.Timesteps)}, Input = {Invariant.Int(model.Input)},");
        writer.WriteLine($"/// Output = {Invariant.Int(model.Output)}: {string.Join("; ", Escape(cell.Formula(model)))}.");
        writer.WriteLine($"/// Load weights once, then call {members} from any number of threads; they allocate nothing.");
        writer.WriteLine("/// </remarks>");
    }

    public static void Write(IndentedTextWriter writer, IReadOnlyList<GeneratedMember> members)
    {
        for (int m = 0; m < members.Count; m++)
        {
            if (m > 0)
            {
                writer.WriteLine();
            }

            bool attributeWritten = false;
            foreach (string line in members[m].Text.Split('\n'))
            {
                if (!attributeWritten && !line.StartsWith("///", System.StringComparison.Ordinal))
                {
                    writer.WriteLine(GeneratorInfo.GeneratedCodeAttribute);
                    attributeWritten = true;
                }

                writer.WriteLine(line);
            }
        }
    }

    private static IEnumerable<string> Escape(IEnumerable<string> lines)
    {
        foreach (string line in lines)
        {
            yield return "<c>" + line.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;") + "</c>";
        }
    }
}
