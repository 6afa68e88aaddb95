using System.Collections.Generic;
using RnnGen.Generator.Helpers;

namespace RnnGen.Generator.Planning;

/// <summary>
/// One CPU path: everything the planner and the emitters need to know about a vector width, in one row of
/// <see cref="All"/>. A new path is a new row. The runtime's <c>SimdPaths.Current</c> makes the same choice with the
/// same JIT-time constants; a test holds the two together.
/// </summary>
/// <param name="Name">The path's name: <c>Vector512</c> … <c>Scalar</c> (as <c>RnnGen.SimdPath</c> names it).</param>
/// <param name="Hardware">What provides it, for the header.</param>
/// <param name="Lanes">Floats per vector (1 for scalar).</param>
/// <param name="Registers">Vector registers the target has at this width.</param>
/// <param name="Alias">The file's alias of the vector class (<c>V512</c>), or empty for scalar.</param>
/// <param name="Condition">The JIT-time constant under which the path runs; the last row's is always true.</param>
/// <param name="FusedMultiplyAdd">How <c>a * b + c</c> is spelled: a format with {0}, {1}, {2}.</param>
/// <param name="UnrollBudget">The most multiply-adds one kernel method spells out per matrix product before it loops over columns.</param>
internal sealed record VectorWidth(
    string Name,
    string Hardware,
    int Lanes,
    int Registers,
    string Alias,
    string Condition,
    string FusedMultiplyAdd,
    int UnrollBudget)
{
    /// <summary>
    /// Vector multiply-adds per product that one method may spell out. At this size a fully unrolled path is a few
    /// thousand lines that Roslyn and the JIT still compile in milliseconds; beyond it, a short loop body already
    /// keeps the FMA units busy, so unrolling gains nothing more.
    /// </summary>
    public const int DefaultUnrollBudget = 1024;

    /// <summary>
    /// Vector128's multiply-add is a helper call (x64 FMA or Arm64 FMLA, chosen by the JIT): each call site is an
    /// inline, and past a few hundred the JIT stops inlining, which would leave calls in the loop.
    /// </summary>
    public const int HelperUnrollBudget = 128;

    public static VectorWidth Vector512 { get; } = new(
        "Vector512", "AVX-512", 16, 32, "V512", "V512.IsHardwareAccelerated", "Avx512F.FusedMultiplyAdd({0}, {1}, {2})", DefaultUnrollBudget);

    public static VectorWidth Vector256 { get; } = new(
        "Vector256", "AVX2 + FMA", 8, 16, "V256", "V256.IsHardwareAccelerated && Fma.IsSupported", "Fma.MultiplyAdd({0}, {1}, {2})", DefaultUnrollBudget);

    public static VectorWidth Vector128 { get; } = new(
        "Vector128", "SSE, Arm64 AdvSimd", 4, 16, "V128", "V128.IsHardwareAccelerated", "MultiplyAdd({0}, {1}, {2})", HelperUnrollBudget);

    /// <summary>No SIMD: the same kernels over single floats, columns always looped, for CPUs (or runtimes) without it.</summary>
    public static VectorWidth Scalar { get; } = new(
        "Scalar", "no SIMD", 1, 16, "", "true", "MultiplyAdd({0}, {1}, {2})", 0);

    /// <summary>Every path, widest first: the order the kernels test their conditions in.</summary>
    public static IReadOnlyList<VectorWidth> All { get; } = [Vector512, Vector256, Vector128, Scalar];

    public bool IsScalar => Lanes == 1;

    /// <summary>Bytes per vector.</summary>
    public int VectorBytes => Lanes * sizeof(float);

    /// <summary>The method-name suffix of this path's kernels: <c>StepVector512</c>, <c>StepScalar</c>.</summary>
    public string Suffix => Name;

    public string MultiplyAdd(string a, string b, string c) => string.Format(System.Globalization.CultureInfo.InvariantCulture, FusedMultiplyAdd, a, b, c);

    /// <summary>A vector of <c>Lanes</c> floats read at <paramref name="reference"/> + <paramref name="offset"/>.</summary>
    public string Load(string reference, string offset)
        => IsScalar ? Element(reference, offset) : $"{Alias}.LoadUnsafe(ref {reference}{OffsetArgument(offset)})";

    /// <summary>The statement that stores <paramref name="value"/> at <paramref name="reference"/> + <paramref name="offset"/>.</summary>
    public string Store(string value, string reference, string offset)
        => IsScalar ? $"{Element(reference, offset)} = {value};" : $"{Alias}.StoreUnsafe({value}, ref {reference}{OffsetArgument(offset)});";

    /// <summary>The first <paramref name="count"/> floats at the offset, the other lanes zero (never reads past them).</summary>
    public string LoadPartial(string reference, string offset, int count)
        => $"global::RnnGen.Kernels.PartialVectors.Load{Invariant.Int(Lanes * 32)}(ref {Element(reference, offset)}, {Invariant.Int(count)})";

    /// <summary>Stores only the first <paramref name="count"/> lanes (never writes past them).</summary>
    public string StorePartial(string value, string reference, string offset, int count)
        => $"global::RnnGen.Kernels.PartialVectors.Store{Invariant.Int(Lanes * 32)}({value}, ref {Element(reference, offset)}, {Invariant.Int(count)});";

    /// <summary>Every lane set to <paramref name="scalar"/>.</summary>
    public string Broadcast(string scalar) => IsScalar ? scalar : $"{Alias}.Create({scalar})";

    public string Zero => IsScalar ? "0f" : $"{Alias}.Create(0f)";

    /// <summary>The float at <paramref name="reference"/> + <paramref name="offset"/>, as a ref-able expression.</summary>
    public static string Element(string reference, string offset)
        => offset == "0" ? reference : $"Unsafe.Add(ref {reference}, {offset})";

    private static string OffsetArgument(string offset) => offset == "0" ? "" : ", " + offset;
}
