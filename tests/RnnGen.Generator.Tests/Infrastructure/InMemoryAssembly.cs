using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace RnnGen.Generator.Tests.Infrastructure;

/// <summary>Emits a compilation and loads it into a collectible context, so each test's generated types unload.</summary>
internal sealed class InMemoryAssembly : IDisposable
{
    private readonly AssemblyLoadContext _context = new("generated", isCollectible: true);

    public InMemoryAssembly(GenerationResult result)
    {
        using var stream = new MemoryStream();
        var emit = result.Output.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics) + "\n" + result.NumberedSources());
        stream.Position = 0;
        Assembly = _context.LoadFromStream(stream);
    }

    public Assembly Assembly { get; }

    /// <summary>Calls a public static method of a type in the assembly.</summary>
    public T Invoke<T>(string type, string method, params object[] arguments)
        => (T)Assembly.GetType(type, throwOnError: true)!.GetMethod(method)!.Invoke(null, arguments)!;

    public void Dispose() => _context.Unload();
}
