using RnnGen.Generator.Emission.Members;
using RnnGen.Generator.Helpers;
using RnnGen.Generator.Models;

namespace RnnGen.Generator.Emission;

/// <summary>
/// Writes one generated file: the header, the members on the user's partial class, and a file-local kernel
/// class that holds the arithmetic for every CPU path. A pure function of its input.
/// </summary>
internal static class LayerFileEmitter
{
    public static string Emit(GenerationInput input)
    {
        LayerModel model = input.Plan.Model;
        var writer = new IndentedTextWriter();
        HeaderEmitter.Write(writer, input.Plan, input.Weights);
        writer.WriteLine("#nullable enable");
        writer.WriteLine();

        HierarchyInfo hierarchy = model.Hierarchy;
        IndentedTextWriter.Block? namespaceBlock = hierarchy.Namespace.Length > 0 ? writer.OpenBlock("namespace " + hierarchy.Namespace) : null;
        var typeBlocks = new IndentedTextWriter.Block[hierarchy.Types.Length];
        for (int i = 0; i < hierarchy.Types.Length; i++)
        {
            TypeDeclarationInfo type = hierarchy.Types[i];
            if (i == hierarchy.Types.Length - 1)
            {
                MembersEmitter.WriteClassRemarks(writer, model);
            }

            typeBlocks[i] = writer.OpenBlock($"partial {type.Keyword} {type.NameWithTypeParameters}");
        }

        MembersEmitter.Write(writer, MemberCatalog.For(model, input.KernelNamespace, input.Weights));

        for (int i = typeBlocks.Length - 1; i >= 0; i--)
        {
            typeBlocks[i].Dispose();
        }

        namespaceBlock?.Dispose();
        writer.WriteLine();
        KernelClassEmitter.Write(writer, input);
        return writer.ToString();
    }
}
