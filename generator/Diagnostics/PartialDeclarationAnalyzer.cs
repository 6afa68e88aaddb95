using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RnnGen.Generator.Diagnostics;

/// <summary>
/// Reports RNN0001 (a layer class, <c>[SimpleRnn]</c>, <c>[Gru]</c> or <c>[Lstm]</c>, is not partial) and RNN0002 (a type around it is not partial).
/// These come from an analyzer rather than the generator so that they carry real source locations, are computed
/// live as the user types and feed Fix All: what the <c>RnnGen.CodeFixes</c> code fix needs for its lightbulb.
/// </summary>
/// <remarks>
/// Each diagnostic is reported while analysing the type it points at (RNN0002 from the containing type's own
/// analysis), so that it is local to that type's document, as per-document analysis in the IDE requires.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PartialDeclarationAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        [DiagnosticDescriptors.ClassNotPartial, DiagnosticDescriptors.ContainingTypeNotPartial];

    public override void Initialize(AnalysisContext context)
    {
        // The generator also reads classes in generated files, so the analyzer must see them too.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            // Projects without the runtime library pay nothing.
            ImmutableArray<INamedTypeSymbol> attributeTypes = Cells.Cell.All
                .Select(cell => start.Compilation.GetTypeByMetadataName(cell.AttributeMetadataName))
                .OfType<INamedTypeSymbol>()
                .ToImmutableArray();
            if (attributeTypes.IsEmpty)
            {
                return;
            }

            start.RegisterSymbolAction(context => AnalyzeType(context, attributeTypes), SymbolKind.NamedType);
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, ImmutableArray<INamedTypeSymbol> attributeTypes)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        CancellationToken cancellationToken = context.CancellationToken;
        foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration || PartialDeclarationRules.IsPartial(declaration))
            {
                continue;
            }

            Location name = declaration.Identifier.GetLocation();
            if (PartialDeclarationRules.ClassMustBePartial(type)
                && AnnotatedDeclaration(type, attributeTypes, cancellationToken) is ({ } self, string attribute)
                && Encloses(declaration, self))
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ClassNotPartial, name, type.Name, attribute));
            }

            foreach (INamedTypeSymbol nested in NestedTypes(type))
            {
                if (PartialDeclarationRules.ContainersMustBePartial(nested)
                    && AnnotatedDeclaration(nested, attributeTypes, cancellationToken) is ({ } annotated, string nestedAttribute)
                    && Encloses(declaration, annotated))
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ContainingTypeNotPartial, name, declaration.Identifier.ValueText, nested.Name, nestedAttribute));
                }
            }
        }
    }

    /// <summary>The declaration that carries a layer attribute, the one the generator reads, and the attribute's short name.</summary>
    private static (TypeDeclarationSyntax? Declaration, string Attribute) AnnotatedDeclaration(INamedTypeSymbol type, ImmutableArray<INamedTypeSymbol> attributeTypes, CancellationToken cancellationToken)
    {
        foreach (AttributeData attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass is { } attributeClass && attributeTypes.Contains(attributeClass, SymbolEqualityComparer.Default))
            {
                string name = attributeClass.Name;
                return (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).Parent?.Parent as TypeDeclarationSyntax, name.Substring(0, name.Length - "Attribute".Length));
            }
        }

        return (null, "");
    }

    /// <summary>Whether <paramref name="inner"/> is <paramref name="outer"/> or lies within it.</summary>
    private static bool Encloses(SyntaxNode outer, SyntaxNode inner)
        => inner.SyntaxTree == outer.SyntaxTree && outer.Span.Contains(inner.Span);

    /// <summary>Every type declared inside <paramref name="type"/>, at any depth.</summary>
    private static IEnumerable<INamedTypeSymbol> NestedTypes(INamedTypeSymbol type)
    {
        foreach (INamedTypeSymbol member in type.GetTypeMembers())
        {
            yield return member;
            foreach (INamedTypeSymbol inner in NestedTypes(member))
            {
                yield return inner;
            }
        }
    }
}
