using System.Collections.Generic;
using RnnGen.Generator.Helpers;

namespace RnnGen.Generator.Emission.Members;

/// <summary>Collects the members of one class in the order they are written.</summary>
internal sealed class MemberBuilder
{
    private readonly List<GeneratedMember> _members = [];

    public IReadOnlyList<GeneratedMember> Members => _members;

    /// <summary>A field, constant or property: its name alone is reserved.</summary>
    public void Add(string name, string text) => _members.Add(new GeneratedMember(name, null, text));

    /// <summary>A method: a user overload with other parameter types may coexist.</summary>
    public void AddMethod(string name, string[] parameters, string text) => _members.Add(new GeneratedMember(name, parameters.ToEquatableArray(), text));
}
