using RnnGen.Generator.Helpers;
using RnnGen.Generator.Models;
using static RnnGen.Generator.Emission.Members.MemberTypes;

namespace RnnGen.Generator.Emission.Members;

/// <summary>Pieces of text every member of one class uses: its sizes, the kernel class, and argument checks.</summary>
internal sealed class MemberText
{
    public MemberText(LayerModel model, string kernelNamespace)
    {
        T = Invariant.Int(model.Timesteps);
        I = Invariant.Int(model.Input);
        O = Invariant.Int(model.Output);
        Kernel = $"global::{kernelNamespace}.{KernelClassEmitter.ClassName(model)}";
    }

    public string T { get; }

    public string I { get; }

    public string O { get; }

    /// <summary>The kernel class, fully qualified.</summary>
    public string Kernel { get; }

    public string InputsLength => $"\"Timesteps × Input = {T} × {I}\"";

    public string OutputsLength => $"\"Timesteps × Output = {T} × {O}\"";

    public string StateLength => $"\"Output = {O}\"";

    public string InputLength => $"\"Input = {I}\"";

    /// <summary>The statement that checks a span's length.</summary>
    public static string CheckLength(string parameter, string expected, string meaning) => $"{Guard}.Length({parameter}.Length, {expected}, {meaning}, nameof({parameter}));";

    /// <summary>The statement that checks two spans do not share memory.</summary>
    public static string CheckNoOverlap(string written, string read) => $"{Guard}.NoOverlap({written}, {read}, nameof({written}), nameof({read}));";

    /// <summary><c>ref MemoryMarshal.GetReference(span)</c>.</summary>
    public static string Ref(string span) => $"ref {MemoryMarshal}.GetReference({span})";
}
