using RnnGen.Generator.Helpers;

namespace RnnGen.Generator.Emission.Members;

/// <summary>
/// One member RnnGen adds to a layer class: its name and parameter types, which the parser checks the user's
/// members against, and its text. Both come from the same list, so the check always matches what is written.
/// </summary>
/// <param name="Name">The member's name.</param>
/// <param name="Parameters">Its parameter types as Roslyn displays them (<c>System.ReadOnlySpan&lt;float&gt;</c>), or null for a non-method.</param>
/// <param name="Text">The doc comment and declaration; the GeneratedCode attribute is inserted before the declaration.</param>
internal sealed record GeneratedMember(string Name, EquatableArray<string>? Parameters, string Text);
