using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RnnGen.CodeFixes;

/// <summary>Adds the <c>partial</c> modifier to a type declaration, keeping its layout.</summary>
internal static class PartialModifier
{
    /// <summary>
    /// <c>class M</c> → <c>partial class M</c>; <c>public sealed class M</c> → <c>public sealed partial class M</c>.
    /// C# requires <c>partial</c> right before the type keyword (CS0267), which is also the conventional order, so
    /// it always goes last and the other modifiers keep theirs.
    /// </summary>
    public static TypeDeclarationSyntax AddTo(TypeDeclarationSyntax declaration)
    {
        SyntaxToken partial = SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space);
        if (declaration.Modifiers.Count > 0)
        {
            return declaration.WithModifiers(declaration.Modifiers.Add(partial));
        }

        // With no modifiers, the keyword's leading trivia (indentation, or a doc comment) moves to 'partial'.
        SyntaxToken keyword = declaration.Keyword;
        return declaration
            .WithKeyword(keyword.WithLeadingTrivia(SyntaxFactory.TriviaList()))
            .WithModifiers(SyntaxFactory.TokenList(partial.WithLeadingTrivia(keyword.LeadingTrivia)));
    }
}
