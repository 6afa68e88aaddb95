using RnnGen.Generator.Helpers;

namespace RnnGen.Generator.Models;

/// <summary>One type declaration to re-open: <c>partial {Keyword} {Name}{TypeParameters}</c>.</summary>
/// <param name="Keyword">class, struct, interface, record or record struct.</param>
/// <param name="Name">The type's name.</param>
/// <param name="TypeParameters">The type parameter list with angle brackets, or empty.</param>
internal sealed record TypeDeclarationInfo(string Keyword, string Name, string TypeParameters)
{
    /// <summary>The name as written in C#, e.g. <c>Model&lt;T&gt;</c>.</summary>
    public string NameWithTypeParameters => Name + TypeParameters;
}

/// <summary>
/// Where the annotated class lives: its namespace and every type around it, outermost first, ending with
/// the class itself. A value, so the pipeline can cache on it.
/// </summary>
/// <param name="Namespace">The namespace, empty for the global namespace.</param>
/// <param name="Types">Containing types, outermost first; the last one is the annotated class.</param>
internal sealed record HierarchyInfo(string Namespace, EquatableArray<TypeDeclarationInfo> Types)
{
    /// <summary>The annotated class.</summary>
    public TypeDeclarationInfo Self => Types[Types.Length - 1];

    /// <summary>The fully qualified display name, e.g. <c>Game.Outer.Model&lt;T&gt;</c>.</summary>
    public string FullName
    {
        get
        {
            string types = string.Join(".", System.Linq.Enumerable.Select(Types, t => t.NameWithTypeParameters));
            return Namespace.Length == 0 ? types : Namespace + "." + types;
        }
    }

    /// <summary>
    /// A file name unique within the compilation: <c>Namespace.Outer.Inner.Gru.g.cs</c>, with the arity of
    /// generic types (<c>Model`1</c>) so that <c>Model</c> and <c>Model&lt;T&gt;</c> do not collide, and the cell's
    /// name, which the parser allows only one of per class.
    /// </summary>
    public string HintName(string cellName)
    {
        var parts = new System.Collections.Generic.List<string>();
        if (Namespace.Length > 0)
        {
            parts.Add(Namespace);
        }

        foreach (TypeDeclarationInfo type in Types)
        {
            int arity = type.TypeParameters.Length == 0 ? 0 : type.TypeParameters.Split(',').Length;
            parts.Add(arity == 0 ? type.Name : type.Name + "`" + Invariant.Int(arity));
        }

        parts.Add(cellName + ".g.cs");
        return string.Join(".", parts);
    }
}
