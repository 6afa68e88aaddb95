using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RnnGen.Generator.Diagnostics;
using RnnGen.Generator.Helpers;
using RnnGen.Generator.Models;

namespace RnnGen.Generator;

/// <summary>The parse step: one annotated type and its attribute → a <see cref="SimpleRnnModel"/> or diagnostics.</summary>
public sealed partial class SimpleRnnGenerator
{
    internal static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var symbol = (INamedTypeSymbol)context.TargetSymbol;
        var syntax = (TypeDeclarationSyntax)context.TargetNode;
        AttributeData attribute = context.Attributes[0];
        var diagnostics = new List<DiagnosticInfo>();

        CheckDeclaration(symbol, syntax, diagnostics);
        cancellationToken.ThrowIfCancellationRequested();

        var attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        var arguments = new AttributeArguments(attribute, attributeSyntax);
        int? timesteps = ReadShape(arguments, "Timesteps", "the sequence length T", symbol, diagnostics);
        int? input = ReadShape(arguments, "Input", "the number of input features I", symbol, diagnostics);
        int? output = ReadShape(arguments, "Output", "the number of output features (units) O", symbol, diagnostics);
        RnnActivationKind? activation = ReadActivation(arguments, diagnostics);
        bool useBias = arguments.Get("UseBias") is { Value: bool value } ? value : true;
        EmbeddedWeightsRequest? weights = ReadWeights(arguments);

        if (timesteps is int t && input is int i && output is int o)
        {
            CheckSize(t, i, o, symbol, attributeSyntax, diagnostics);
        }

        CheckMemberClashes(symbol, diagnostics);
        if (weights is not null)
        {
            CheckParameterlessConstructor(symbol, diagnostics);
        }

        cancellationToken.ThrowIfCancellationRequested();

        if (diagnostics.Count > 0 || !PartialDeclarationRules.CanReopen(syntax) || timesteps is null || input is null || output is null || activation is null)
        {
            return new ParseResult(null, diagnostics.ToEquatableArray());
        }

        var model = new SimpleRnnModel(ReadHierarchy(symbol, syntax), timesteps.Value, input.Value, output.Value, activation.Value, useBias, weights);
        return new ParseResult(model, EquatableArray<DiagnosticInfo>.Empty);
    }

    private static void CheckDeclaration(INamedTypeSymbol symbol, TypeDeclarationSyntax syntax, List<DiagnosticInfo> diagnostics)
    {
        Location name = syntax.Identifier.GetLocation();
        string? kind = symbol switch
        {
            { IsRecord: true, TypeKind: TypeKind.Struct } => "a record struct",
            { IsRecord: true } => "a record",
            { TypeKind: TypeKind.Struct } => "a struct",
            { TypeKind: TypeKind.Interface } => "an interface",
            _ => null,
        };
        if (kind is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotAPlainClass, name, symbol.Name, kind));
            return;
        }

        if (symbol.IsStatic)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.StaticClass, name, symbol.Name));
        }

        // RNN0001 and RNN0002 (missing 'partial') come from PartialDeclarationAnalyzer; Parse only declines to emit.

        if (syntax.SyntaxTree.Options is CSharpParseOptions { LanguageVersion: < LanguageVersion.CSharp11 and var version })
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LanguageVersionTooLow, name, symbol.Name, version.ToDisplayString()));
        }
    }

    private static int? ReadShape(AttributeArguments arguments, string property, string meaning, INamedTypeSymbol symbol, List<DiagnosticInfo> diagnostics)
    {
        if (arguments.Get(property) is not { Value: int value })
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ShapeMissing, arguments.LocationOf(property), symbol.Name, property, meaning));
            return null;
        }

        if (value <= 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ShapeNotPositive, arguments.LocationOf(property), property, Invariant.Int(value)));
            return null;
        }

        return value;
    }

    private static RnnActivationKind? ReadActivation(AttributeArguments arguments, List<DiagnosticInfo> diagnostics)
    {
        if (arguments.Get("Activation") is not { Value: int value })
        {
            return RnnActivationKind.Tanh;
        }

        if (value is < (int)RnnActivationKind.Tanh or > (int)RnnActivationKind.Linear)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownActivation, arguments.LocationOf("Activation"), Invariant.Int(value)));
            return null;
        }

        return (RnnActivationKind)value;
    }

    private static EmbeddedWeightsRequest? ReadWeights(AttributeArguments arguments)
    {
        if (arguments.Get("Weights") is not { Value: string { Length: > 0 } path })
        {
            return null;
        }

        string prefix = arguments.Get("WeightsPrefix") is { Value: string text } ? text : "";
        return new EmbeddedWeightsRequest(path, prefix, LocationInfo.From(arguments.LocationOf("Weights")));
    }

    private static void CheckSize(int timesteps, int input, int output, INamedTypeSymbol symbol, AttributeSyntax? attribute, List<DiagnosticInfo> diagnostics)
    {
        Location? location = attribute?.GetLocation();
        string? problem = null;
        if (output > ShapeLimits.MaxOutput)
        {
            long bytes = 2L * ShapeLimits.Pad(output, ShapeLimits.WidestLanes) * sizeof(float);
            problem = $"Output = {Invariant.Int(output)} needs {Invariant.Count(bytes)} bytes of stack for the previous and next state; the limit is {Invariant.Count(ShapeLimits.MaxStackBytes)} bytes (Output ≤ {Invariant.Int(ShapeLimits.MaxOutput)})";
        }
        else if ((long)timesteps * input > int.MaxValue)
        {
            problem = $"Timesteps × Input = {Invariant.Count((long)timesteps * input)} floats exceed the largest span ({Invariant.Count(int.MaxValue)})";
        }
        else if ((long)timesteps * output > int.MaxValue)
        {
            problem = $"Timesteps × Output = {Invariant.Count((long)timesteps * output)} floats exceed the largest span ({Invariant.Count(int.MaxValue)})";
        }
        else if (((long)input + output + 1) * ShapeLimits.Pad(output, ShapeLimits.WidestLanes) > int.MaxValue - ShapeLimits.WidestLanes)
        {
            problem = $"the weights of Input = {Invariant.Int(input)}, Output = {Invariant.Int(output)} exceed the largest array ({Invariant.Count(int.MaxValue)} floats)";
        }

        if (problem is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ShapeTooLarge, location, symbol.Name, problem));
        }
    }

    private static void CheckMemberClashes(INamedTypeSymbol symbol, List<DiagnosticInfo> diagnostics)
    {
        foreach (ISymbol member in symbol.GetMembers())
        {
            if (member.IsImplicitlyDeclared)
            {
                continue;
            }

            bool clashes = GeneratedMembers.Reserved.Contains(member.Name)
                || (member is IMethodSymbol method
                    ? GeneratedMembers.Methods.Any(m => m.Name == method.Name && m.Parameters.SequenceEqual(method.Parameters.Select(p => p.Type.ToDisplayString())))
                    : GeneratedMembers.Methods.Any(m => m.Name == member.Name));
            if (clashes)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MemberClash, member.Locations.FirstOrDefault(), symbol.Name, member.Name));
            }
        }
    }

    /// <summary><c>CreateWithEmbeddedWeights()</c> calls <c>new T()</c>.</summary>
    private static void CheckParameterlessConstructor(INamedTypeSymbol symbol, List<DiagnosticInfo> diagnostics)
    {
        if (symbol.TypeKind == TypeKind.Class && !symbol.InstanceConstructors.Any(c => c.Parameters.Length == 0))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoParameterlessConstructor, symbol.InstanceConstructors.FirstOrDefault()?.Locations.FirstOrDefault(), symbol.Name));
        }
    }

    private static HierarchyInfo ReadHierarchy(INamedTypeSymbol symbol, TypeDeclarationSyntax syntax)
    {
        var types = new List<TypeDeclarationInfo>();
        for (SyntaxNode? node = syntax; node is TypeDeclarationSyntax declaration; node = node.Parent)
        {
            types.Insert(0, new TypeDeclarationInfo(KeywordOf(declaration), declaration.Identifier.ValueText, declaration.TypeParameterList?.ToString() ?? ""));
        }

        string ns = symbol.ContainingNamespace.IsGlobalNamespace ? "" : symbol.ContainingNamespace.ToDisplayString();
        return new HierarchyInfo(ns, types.ToEquatableArray());
    }

    private static string KeywordOf(TypeDeclarationSyntax declaration) => declaration switch
    {
        RecordDeclarationSyntax { ClassOrStructKeyword.RawKind: (int)SyntaxKind.StructKeyword } => "record struct",
        RecordDeclarationSyntax => "record",
        StructDeclarationSyntax => "struct",
        InterfaceDeclarationSyntax => "interface",
        _ => "class",
    };

    /// <summary>The attribute's named arguments, with the syntax to point diagnostics at.</summary>
    private readonly struct AttributeArguments(AttributeData data, AttributeSyntax? syntax)
    {
        public TypedConstant? Get(string name)
        {
            foreach (KeyValuePair<string, TypedConstant> argument in data.NamedArguments)
            {
                if (argument.Key == name)
                {
                    return argument.Value;
                }
            }

            return null;
        }

        public Location? LocationOf(string name)
            => syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name)?.GetLocation()
               ?? syntax?.GetLocation();
    }
}
