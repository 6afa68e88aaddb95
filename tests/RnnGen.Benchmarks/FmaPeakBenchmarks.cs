using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using BenchmarkDotNet.Attributes;

namespace RnnGen.Benchmarks;

/// <summary>
/// The core's float32 multiply-add throughput, the yardstick of "% of the FMA peak": independent FMA chains and
/// nothing else, so that every other benchmark of the same run can be set against it. Each row's mean is the time
/// of one FMA instruction; GFLOP/s = 2 × lanes / ns (lanes: 16 for Vector512, 8 for Vector256). A row returns 0 at
/// once where its instructions are not accelerated.
/// </summary>
[BenchmarkCategory("FmaPeak")]
public class FmaPeakBenchmarks
{
    /// <summary>Loop iterations per call.</summary>
    private const int Iterations = 4096;

    /// <summary>Independent accumulators: more than FMA latency × FMAs per cycle (4 × 2) on the cores measured.</summary>
    private const int Chains = 12;

    private const int Operations = Iterations * Chains;

    private readonly float multiplier = 0.999f;
    private readonly float addend = 1e-3f;

    [Benchmark(OperationsPerInvoke = Operations)]
    public float Vector512Fma()
        => Avx512F.IsSupported ? Peak512(Vector512.Create(multiplier), Vector512.Create(addend)) : 0;

    [Benchmark(OperationsPerInvoke = Operations)]
    public float Vector256Fma()
        => Fma.IsSupported ? Peak256(Vector256.Create(multiplier), Vector256.Create(addend)) : 0;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static float Peak512(Vector512<float> m, Vector512<float> a)
    {
        Vector512<float> s0 = a, s1 = a, s2 = a, s3 = a, s4 = a, s5 = a, s6 = a, s7 = a, s8 = a, s9 = a, s10 = a, s11 = a;
        for (int i = 0; i < Iterations; i++)
        {
            s0 = Avx512F.FusedMultiplyAdd(s0, m, a);
            s1 = Avx512F.FusedMultiplyAdd(s1, m, a);
            s2 = Avx512F.FusedMultiplyAdd(s2, m, a);
            s3 = Avx512F.FusedMultiplyAdd(s3, m, a);
            s4 = Avx512F.FusedMultiplyAdd(s4, m, a);
            s5 = Avx512F.FusedMultiplyAdd(s5, m, a);
            s6 = Avx512F.FusedMultiplyAdd(s6, m, a);
            s7 = Avx512F.FusedMultiplyAdd(s7, m, a);
            s8 = Avx512F.FusedMultiplyAdd(s8, m, a);
            s9 = Avx512F.FusedMultiplyAdd(s9, m, a);
            s10 = Avx512F.FusedMultiplyAdd(s10, m, a);
            s11 = Avx512F.FusedMultiplyAdd(s11, m, a);
        }

        return Vector512.Sum(s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7 + s8 + s9 + s10 + s11);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static float Peak256(Vector256<float> m, Vector256<float> a)
    {
        Vector256<float> s0 = a, s1 = a, s2 = a, s3 = a, s4 = a, s5 = a, s6 = a, s7 = a, s8 = a, s9 = a, s10 = a, s11 = a;
        for (int i = 0; i < Iterations; i++)
        {
            s0 = Fma.MultiplyAdd(s0, m, a);
            s1 = Fma.MultiplyAdd(s1, m, a);
            s2 = Fma.MultiplyAdd(s2, m, a);
            s3 = Fma.MultiplyAdd(s3, m, a);
            s4 = Fma.MultiplyAdd(s4, m, a);
            s5 = Fma.MultiplyAdd(s5, m, a);
            s6 = Fma.MultiplyAdd(s6, m, a);
            s7 = Fma.MultiplyAdd(s7, m, a);
            s8 = Fma.MultiplyAdd(s8, m, a);
            s9 = Fma.MultiplyAdd(s9, m, a);
            s10 = Fma.MultiplyAdd(s10, m, a);
            s11 = Fma.MultiplyAdd(s11, m, a);
        }

        return Vector256.Sum(s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7 + s8 + s9 + s10 + s11);
    }
}
