using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RnnGen.Generator.Diagnostics;

/// <summary>
/// RNN0001 and RNN0002: the generated half re-opens the annotated class and every type around it, so all of them
/// must be partial. <see cref="PartialDeclarationAnalyzer"/> reports these (a code fix can then bind to them in the
/// IDE); the generator only asks <see cref="CanReopen"/> and emits nothing until they are fixed, so no errors
/// cascade from generated code.
/// </summary>
internal static class PartialDeclarationRules
{
    /// <summary>Whether the declaration and every type declaration around it are partial.</summary>
    public static bool CanReopen(TypeDeclarationSyntax declaration)
    {
        for (SyntaxNode? node = declaration; node is TypeDeclarationSyntax type; node = node.Parent)
        {
            if (!IsPartial(type))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsPartial(TypeDeclarationSyntax declaration) => declaration.Modifiers.Any(SyntaxKind.PartialKeyword);

    /// <summary>
    /// Whether RNN0001 applies to an annotated type. A struct, record or interface gets RNN0003 and a static class
    /// RNN0004 instead, which say what to change; adding 'partial' would not help them.
    /// </summary>
    public static bool ClassMustBePartial(INamedTypeSymbol annotated) => IsPlainClass(annotated) && !annotated.IsStatic;

    /// <summary>Whether RNN0002 applies to the types around an annotated type: for every class, static or not.</summary>
    public static bool ContainersMustBePartial(INamedTypeSymbol annotated) => IsPlainClass(annotated);

    private static bool IsPlainClass(INamedTypeSymbol type) => type is { TypeKind: TypeKind.Class, IsRecord: false };
}
