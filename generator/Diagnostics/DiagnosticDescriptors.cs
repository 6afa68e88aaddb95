using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace RnnGen.Generator.Diagnostics;

/// <summary>Every diagnostic RnnGen reports. Messages name the offending value and say what to do.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "RnnGen";
    private const string HelpBase = "https://github.com/rnngen/rnngen/blob/main/README.md#";

    public static readonly DiagnosticDescriptor ClassNotPartial = Error(
        DiagnosticIds.ClassNotPartial,
        "[SimpleRnn] class must be partial",
        "Class '{0}' has [SimpleRnn] but is not partial; declare it as 'partial class {0}' so RnnGen can add the kernel to it");

    public static readonly DiagnosticDescriptor ContainingTypeNotPartial = Error(
        DiagnosticIds.ContainingTypeNotPartial,
        "Types containing a [SimpleRnn] class must be partial",
        "'{0}' contains the [SimpleRnn] class '{1}' but is not partial; declare it partial so RnnGen can re-open it");

    public static readonly DiagnosticDescriptor NotAPlainClass = Error(
        DiagnosticIds.NotAPlainClass,
        "[SimpleRnn] applies to classes only",
        "'{0}' is {1}; [SimpleRnn] applies only to a (non-record) class: declare it as 'partial class {0}'");

    public static readonly DiagnosticDescriptor StaticClass = Error(
        DiagnosticIds.StaticClass,
        "[SimpleRnn] class cannot be static",
        "Class '{0}' is static, but a [SimpleRnn] class holds weights per instance; remove 'static'");

    public static readonly DiagnosticDescriptor ShapeMissing = Error(
        DiagnosticIds.ShapeMissing,
        "[SimpleRnn] shape property missing",
        "[SimpleRnn] on '{0}' does not set '{1}'; set it to {2}, e.g. [SimpleRnn(Timesteps = 100, Input = 32, Output = 64)]");

    public static readonly DiagnosticDescriptor ShapeNotPositive = Error(
        DiagnosticIds.ShapeNotPositive,
        "[SimpleRnn] shape property must be greater than 0",
        "'{0}' must be greater than 0, but was {1}");

    public static readonly DiagnosticDescriptor ShapeTooLarge = Error(
        DiagnosticIds.ShapeTooLarge,
        "[SimpleRnn] shape too large",
        "The shape of '{0}' is too large: {1}");

    public static readonly DiagnosticDescriptor UnknownActivation = Error(
        DiagnosticIds.UnknownActivation,
        "Unknown [SimpleRnn] activation",
        "Activation value {0} is not a member of RnnActivation; use RnnActivation.Tanh, Relu, Sigmoid or Linear");

    public static readonly DiagnosticDescriptor MemberClash = Error(
        DiagnosticIds.MemberClash,
        "Member clashes with a generated member",
        "'{0}' declares '{1}', which RnnGen generates for [SimpleRnn] classes; rename or remove it");

    public static readonly DiagnosticDescriptor LanguageVersionTooLow = Error(
        DiagnosticIds.LanguageVersionTooLow,
        "RnnGen needs C# 11 or later",
        "RnnGen generates C# 11 code for '{0}', but the project uses C# {1}; set <LangVersion>11</LangVersion> or later (the default for net7.0 and newer)");

    public static readonly DiagnosticDescriptor WeightsFileNotFound = Error(
        DiagnosticIds.WeightsFileNotFound,
        "Weights file not found",
        "No AdditionalFiles item ends with '{0}'; add <AdditionalFiles Include=\"{0}\" /> to the project (or fix the path)");

    public static readonly DiagnosticDescriptor WeightsFileUnreadable = Error(
        DiagnosticIds.WeightsFileUnreadable,
        "Weights file cannot be read",
        "Weights file '{0}' cannot be read: {1}");

    public static readonly DiagnosticDescriptor WeightsTensorMissing = Error(
        DiagnosticIds.WeightsTensorMissing,
        "Weights file lacks a tensor",
        "Weights file '{0}' does not fit '{1}': {2}");

    public static readonly DiagnosticDescriptor WeightsShapeMismatch = Error(
        DiagnosticIds.WeightsShapeMismatch,
        "Weights tensor does not fit the layer",
        "Weights file '{0}' does not fit '{1}': {2}");

    public static readonly DiagnosticDescriptor WeightsNotFinite = Error(
        DiagnosticIds.WeightsNotFinite,
        "Weights file holds a non-finite value",
        "Weights file '{0}': {1}; weights must be finite numbers");

    public static readonly DiagnosticDescriptor WeightsFileAmbiguous = Error(
        DiagnosticIds.WeightsFileAmbiguous,
        "Weights path matches several files",
        "'{0}' matches several AdditionalFiles ({1}); write more of the path so that it names one");

    public static readonly DiagnosticDescriptor NoParameterlessConstructor = Error(
        DiagnosticIds.NoParameterlessConstructor,
        "Embedded weights need a parameterless constructor",
        "'{0}' sets Weights, so RnnGen generates CreateWithEmbeddedWeights(), which calls 'new {0}()'; add a parameterless constructor");

    private static readonly Dictionary<string, DiagnosticDescriptor> All = new[]
    {
        ClassNotPartial, ContainingTypeNotPartial, NotAPlainClass, StaticClass, ShapeMissing, ShapeNotPositive,
        ShapeTooLarge, UnknownActivation, MemberClash, LanguageVersionTooLow, WeightsFileNotFound,
        WeightsFileUnreadable, WeightsTensorMissing, WeightsShapeMismatch, WeightsNotFinite, WeightsFileAmbiguous,
        NoParameterlessConstructor,
    }.ToDictionary(d => d.Id);

    public static DiagnosticDescriptor ById(string id) => All[id];

    private static DiagnosticDescriptor Error(string id, string title, string message)
        => new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + id.ToLowerInvariant());
}
