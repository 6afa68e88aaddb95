using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RnnGen.Generator.Cells;
using RnnGen.Generator.Diagnostics;
using RnnGen.Generator.Emission.Members;
using RnnGen.Generator.Helpers;
using RnnGen.Generator.Models;
using RnnGen.Layout;

namespace RnnGen.Generator;

/// <summary>The parse step: one annotated type and its attribute → a <see cref="LayerModel"/>, or diagnostics.</summary>
public sealed partial class RnnGenerator
{
    internal static ParseResult Parse(GeneratorAttributeSyntaxContext context, CellKind kind, CancellationToken cancellationToken)
    {
        var symbol = (INamedTypeSymbol)context.TargetSymbol;
        var syntax = (TypeDeclarationSyntax)context.TargetNode;
        AttributeData attribute = context.Attributes[0];
        Cell cell = Cell.For(kind);
        var diagnostics = new List<DiagnosticInfo>();

        // One class, one layer: with two layer attributes (or one twice) the pipeline produces nothing for the class,
        // so it can never emit two files for one symbol. The compiler reports the same attribute twice (CS0579);
        // RnnGen reports different ones, once, from the first of them.
        List<AttributeData> layers = LayerAttributes(symbol);
        if (layers.Count > 1 || context.Attributes.Length > 1)
        {
            if (layers.Select(a => a.AttributeClass?.Name).Distinct().Count() > 1 && IsFirst(attribute, layers, cancellationToken))
            {
                string names = string.Join(" and ", layers.Select(a => "[" + AttributeShortName(a) + "]").Distinct());
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SeveralLayerAttributes, attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation(), symbol.Name, names));
            }

            return new ParseResult(null, diagnostics.ToEquatableArray(), null);
        }

        CheckDeclaration(symbol, syntax, cell, diagnostics);
        cancellationToken.ThrowIfCancellationRequested();

        var attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        var arguments = new AttributeArguments(attribute, attributeSyntax);
        int? timesteps = ReadShape(arguments, "Timesteps", "the sequence length T", symbol, cell, diagnostics);
        int? input = ReadShape(arguments, "Input", "the number of input features I", symbol, cell, diagnostics);
        int? output = ReadShape(arguments, "Output", "the number of output features (units) O", symbol, cell, diagnostics);
        ActivationKind? activation = ReadActivation(arguments, "Activation", ActivationKind.Tanh, diagnostics);
        ActivationKind? recurrentActivation = ReadActivation(arguments, "RecurrentActivation", ActivationKind.Sigmoid, diagnostics);
        bool useBias = arguments.Get("UseBias") is not { Value: false };
        bool resetAfter = kind == CellKind.Gru && arguments.Get("ResetAfter") is not { Value: false };
        (WeightsRequest? weights, Location? weightsLocation) = ReadWeights(arguments, symbol, kind, resetAfter, diagnostics);

        if (timesteps is int t && input is int i && output is int o)
        {
            CheckSize(kind, t, i, o, symbol, attributeSyntax, diagnostics);
        }

        if (weights is not null)
        {
            CheckCreatable(symbol, diagnostics);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (timesteps is null || input is null || output is null || activation is null || recurrentActivation is null)
        {
            return new ParseResult(null, diagnostics.ToEquatableArray(), null);
        }

        var model = new LayerModel(kind, ReadHierarchy(symbol, syntax), timesteps.Value, input.Value, output.Value, activation.Value, recurrentActivation.Value, useBias, resetAfter, weights);
        CheckMemberClashes(symbol, model, cell, diagnostics);
        if (diagnostics.Any(d => DiagnosticDescriptors.ById(d.Id).DefaultSeverity == DiagnosticSeverity.Error) || !PartialDeclarationRules.CanReopen(syntax))
        {
            return new ParseResult(null, diagnostics.ToEquatableArray(), null);
        }

        WeightsSite? site = weights is null ? null : new WeightsSite(model.Hierarchy.HintName(cell.AttributeName), LocationInfo.From(weightsLocation));
        return new ParseResult(model, diagnostics.ToEquatableArray(), site);
    }

    /// <summary>The layer attributes on every declaration of <paramref name="symbol"/>.</summary>
    private static List<AttributeData> LayerAttributes(INamedTypeSymbol symbol)
        => symbol.GetAttributes().Where(a => a.AttributeClass is { } type && Cell.All.Any(c => c.AttributeMetadataName == type.ToDisplayString())).ToList();

    private static string AttributeShortName(AttributeData attribute)
    {
        string name = attribute.AttributeClass?.Name ?? "";
        return name.EndsWith("Attribute", StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
    }

    /// <summary>Whether <paramref name="attribute"/> comes first among <paramref name="layers"/>, by file and position.</summary>
    private static bool IsFirst(AttributeData attribute, List<AttributeData> layers, CancellationToken cancellationToken)
    {
        AttributeData first = layers
            .OrderBy(a => a.ApplicationSyntaxReference?.SyntaxTree.FilePath ?? "", StringComparer.Ordinal)
            .ThenBy(a => a.ApplicationSyntaxReference?.Span.Start ?? 0)
            .First();
        cancellationToken.ThrowIfCancellationRequested();
        return first.ApplicationSyntaxReference?.SyntaxTree == attribute.ApplicationSyntaxReference?.SyntaxTree
            && first.ApplicationSyntaxReference?.Span == attribute.ApplicationSyntaxReference?.Span;
    }

    private static void CheckDeclaration(INamedTypeSymbol symbol, TypeDeclarationSyntax syntax, Cell cell, List<DiagnosticInfo> diagnostics)
    {
        Location name = syntax.Identifier.GetLocation();
        string? kind = symbol switch
        {
            { IsRecord: true, TypeKind: TypeKind.Struct } => "a record struct",
            { IsRecord: true } => "a record",
            { TypeKind: TypeKind.Struct } => "a struct",
            { TypeKind: TypeKind.Interface } => "an interface",
            { IsFileLocal: true } => "a file-local class, which no other file (the generated one included) can extend",
            _ => null,
        };
        if (kind is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotAPlainClass, name, symbol.Name, kind, cell.AttributeName));
            return;
        }

        if (symbol.IsStatic)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.StaticClass, name, symbol.Name, cell.AttributeName));
        }

        // RNN0001 and RNN0002 (missing 'partial') come from PartialDeclarationAnalyzer; Parse only declines to emit.

        if (syntax.SyntaxTree.Options is CSharpParseOptions { LanguageVersion: < LanguageVersion.CSharp11 and var version })
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LanguageVersionTooLow, name, symbol.Name, version.ToDisplayString()));
        }
    }

    private static int? ReadShape(AttributeArguments arguments, string property, string meaning, INamedTypeSymbol symbol, Cell cell, List<DiagnosticInfo> diagnostics)
    {
        if (arguments.Get(property) is not { Value: int value })
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ShapeMissing, arguments.LocationOf(property), symbol.Name, property, meaning, cell.AttributeName));
            return null;
        }

        if (value <= 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ShapeNotPositive, arguments.LocationOf(property), property, Invariant.Int(value)));
            return null;
        }

        return value;
    }

    /// <summary>
    /// The activation by the name of its <c>RnnActivation</c> member, as the compilation declares it, so the generator
    /// repeats no enum values. A value that names no member, or a member this generator cannot emit, is reported.
    /// </summary>
    private static ActivationKind? ReadActivation(AttributeArguments arguments, string property, ActivationKind defaultValue, List<DiagnosticInfo> diagnostics)
    {
        if (arguments.Get(property) is not { Value: int value, Type: INamedTypeSymbol enumType })
        {
            return defaultValue;
        }

        string? name = enumType.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, value))?.Name;
        if (name is not null && Enum.TryParse(name, out ActivationKind activation))
        {
            return activation;
        }

        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownActivation, arguments.LocationOf(property), property, Invariant.Int(value)));
        return null;
    }

    /// <summary>The <c>Weights</c> request, and where its argument is; reports an empty path, an unknown extension and a prefix that means nothing.</summary>
    private static (WeightsRequest? Request, Location? Location) ReadWeights(AttributeArguments arguments, INamedTypeSymbol symbol, CellKind kind, bool resetAfter, List<DiagnosticInfo> diagnostics)
    {
        string prefix = arguments.Get("WeightsPrefix") is { Value: string text } ? text : "";
        string? path = arguments.Get("Weights") is { Value: string value } ? value : null;
        if (path is null || path.Trim().Length == 0)
        {
            if (path is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WeightsEmpty, arguments.LocationOf("Weights"), symbol.Name));
            }

            if (prefix.Length > 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WeightsPrefixIgnored, arguments.LocationOf("WeightsPrefix"), prefix, symbol.Name, "no Weights file is named"));
            }

            return (null, null);
        }

        Location? location = arguments.LocationOf("Weights");
        string extension = System.IO.Path.GetExtension(path);
        if (!Weights.WeightsFileReading.IsWeightsFile(path))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WeightsExtensionUnsupported, location, path, extension.Length == 0 ? "(none)" : extension));
            return (null, null);
        }

        bool keras = Weights.WeightsFileReading.IsKerasFile(path);
        if (keras && prefix.Length > 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WeightsPrefixIgnored, arguments.LocationOf("WeightsPrefix"), prefix, symbol.Name, $"'{path}' is read in the Keras layout, whose arrays have fixed names"));
        }

        if (!keras && kind == CellKind.Gru && !resetAfter)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PyTorchGruNeedsResetAfter, location, symbol.Name, path));
            return (null, null);
        }

        return (new WeightsRequest(path, keras ? "" : prefix), location);
    }

    private static void CheckSize(CellKind kind, int timesteps, int input, int output, INamedTypeSymbol symbol, AttributeSyntax? attribute, List<DiagnosticInfo> diagnostics)
    {
        int gates = CellGates.Count(kind);
        long recurrent = (long)gates * output * output;
        long packed = ((long)input + output + 2) * gates * ShapeLimits.Pad(output, ShapeLimits.WidestLanes);
        string? problem = null;
        if (recurrent > ShapeLimits.MaxRecurrentFloats)
        {
            problem = $"its recurrent weights ({(gates == 1 ? "" : Invariant.Int(gates) + "·")}Output × Output = {Invariant.Count(recurrent)} floats) exceed the limit of {Invariant.Count(ShapeLimits.MaxRecurrentFloats)} floats (256 MiB)";
        }
        else if ((long)timesteps * input > int.MaxValue)
        {
            problem = $"Timesteps × Input = {Invariant.Count((long)timesteps * input)} floats exceed the largest span ({Invariant.Count(int.MaxValue)})";
        }
        else if ((long)timesteps * output > int.MaxValue)
        {
            problem = $"Timesteps × Output = {Invariant.Count((long)timesteps * output)} floats exceed the largest span ({Invariant.Count(int.MaxValue)})";
        }
        else if (packed > int.MaxValue - 64)
        {
            problem = $"the weights of Input = {Invariant.Int(input)}, Output = {Invariant.Int(output)} exceed the largest array ({Invariant.Count(int.MaxValue)} floats)";
        }

        if (problem is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ShapeTooLarge, attribute?.GetLocation(), symbol.Name, problem));
        }
    }

    private static void CheckMemberClashes(INamedTypeSymbol symbol, LayerModel model, Cell cell, List<DiagnosticInfo> diagnostics)
    {
        List<GeneratedMember> generated = MemberCatalog.Signatures(model).ToList();
        foreach (ISymbol member in symbol.GetMembers())
        {
            if (member.IsImplicitlyDeclared)
            {
                continue;
            }

            bool clashes = MemberCatalog.Reserved.Contains(member.Name)
                || (member is IMethodSymbol method
                    ? generated.Any(m => m.Name == method.Name && m.Parameters is { } parameters && parameters.SequenceEqual(method.Parameters.Select(p => p.Type.ToDisplayString())))
                    : generated.Any(m => m.Name == member.Name));
            if (clashes)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MemberClash, member.Locations.FirstOrDefault(), symbol.Name, member.Name, cell.AttributeName));
            }
        }
    }

    /// <summary><c>CreateWithEmbeddedWeights()</c> calls <c>new T()</c>: the class must be concrete, with a parameterless constructor and no required members.</summary>
    private static void CheckCreatable(INamedTypeSymbol symbol, List<DiagnosticInfo> diagnostics)
    {
        if (symbol.TypeKind != TypeKind.Class)
        {
            return;
        }

        Location? name = symbol.Locations.FirstOrDefault();
        if (symbol.IsAbstract)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CannotCreateForEmbeddedWeights, name, symbol.Name, "the class is abstract: remove 'abstract'"));
            return;
        }

        if (!symbol.InstanceConstructors.Any(c => c.Parameters.Length == 0))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoParameterlessConstructor, symbol.InstanceConstructors.FirstOrDefault()?.Locations.FirstOrDefault(), symbol.Name));
            return;
        }

        string[] required = symbol.GetMembers().Where(m => m is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true }).Select(m => m.Name).ToArray();
        if (required.Length > 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CannotCreateForEmbeddedWeights, name, symbol.Name, $"it has required members ({string.Join(", ", required)}) that 'new {symbol.Name}()' does not set: make them optional"));
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
