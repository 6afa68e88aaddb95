using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using RnnGen.Generator.Helpers;

namespace RnnGen.Generator;

/// <summary>
/// Chooses the namespace of the file-local kernel classes. Their file declares short aliases there (<c>V512</c>,
/// <c>Unsafe</c>, …) and calls the activations by their simple names; a type of the same name in that namespace
/// would collide with them. So the namespace is <c>RnnGen.Generated</c> unless the compilation puts one of those
/// names there, in which case the first of <c>RnnGen.Generated1</c>, <c>RnnGen.Generated2</c>, … that is free.
/// The pipeline keeps only the chosen name, so an edit that does not change it regenerates nothing.
/// </summary>
internal static class KernelNamespaces
{
    public const string Preferred = "RnnGen.Generated";

    /// <summary>Every simple name the kernel files use in their namespace.</summary>
    public static readonly string[] NamesUsed =
    [
        "V128", "V256", "V512", "Avx512F", "Fma", "MemoryMarshal", "MethodImpl", "MethodImplOptions", "Unsafe",
        "Tanh", "Sigmoid", "Relu", "MultiplyAdd", "AlignTo64",
        "SimpleRnnKernel", "GruKernel", "LstmKernel", Emission.EmbeddedWeightsEmitter.ClassName,
    ];

    public static string Choose(Compilation compilation, CancellationToken cancellationToken)
    {
        INamespaceSymbol? rnnGen = Find(compilation.GlobalNamespace, "RnnGen");
        for (int attempt = 0; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string last = attempt == 0 ? "Generated" : "Generated" + Invariant.Int(attempt);
            if (IsFree(rnnGen, last))
            {
                return "RnnGen." + last;
            }
        }
    }

    private static bool IsFree(INamespaceSymbol? parent, string name)
    {
        if (parent is null)
        {
            return true;
        }

        INamespaceSymbol? target = null;
        foreach (ISymbol member in parent.GetMembers(name))
        {
            if (member is not INamespaceSymbol ns)
            {
                return false; // a type named like the namespace
            }

            target = ns;
        }

        if (target is null)
        {
            return true;
        }

        foreach (string used in NamesUsed)
        {
            if (target.GetMembers(used).Any())
            {
                return false;
            }
        }

        return true;
    }

    private static INamespaceSymbol? Find(INamespaceSymbol parent, string name)
    {
        foreach (ISymbol member in parent.GetMembers(name))
        {
            if (member is INamespaceSymbol ns)
            {
                return ns;
            }
        }

        return null;
    }
}
