using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using RnnGen.Tests.Harness;

namespace RnnGen.Tests;

/// <summary>
/// The path this process runs is the one the hardware and the environment select, and the one the test run
/// asked for. Without this, a run under DOTNET_EnableAVX2=0 could silently test the wrong kernel.
/// </summary>
public class SimdPathTests
{
    [Fact]
    public void Current_is_the_path_the_hardware_and_the_environment_select()
    {
        SimdExpectation expected = ExpectedSimdPath.FromHardwareAndEnvironment();

        Assert.True(expected.Path == SimdPaths.Current, $"SimdPaths.Current is {SimdPaths.Current}, but {expected.Reason}.");
    }

    [Fact]
    public void Current_is_the_path_the_test_run_requested()
    {
        // Without a request, the derived path stands in for it, so the test still checks something.
        SimdExpectation derived = ExpectedSimdPath.FromHardwareAndEnvironment();
        SimdPath expected = ExpectedSimdPath.Requested() ?? derived.Path;

        Assert.True(
            expected == SimdPaths.Current,
            $"{ExpectedSimdPath.RequestVariable} asks for {expected}, but SimdPaths.Current is {SimdPaths.Current} (derived: {derived.Reason}).");
    }

    [Fact]
    public void The_vector_acceleration_flags_agree_with_the_expected_path()
    {
        SimdExpectation derived = ExpectedSimdPath.FromHardwareAndEnvironment();
        SimdPath expected = ExpectedSimdPath.Requested() ?? derived.Path;

        string expectedFlags = Flags(expected >= SimdPath.Vector512, expected >= SimdPath.Vector256, expected >= SimdPath.Vector128);
        string actualFlags = Flags(Vector512.IsHardwareAccelerated, Vector256.IsHardwareAccelerated, Vector128.IsHardwareAccelerated);
        Assert.True(expectedFlags == actualFlags, $"Expected {expected}: {expectedFlags}, but the runtime reports {actualFlags} (derived: {derived.Reason}).");
        Assert.Equal((int)expected, SimdPaths.Lanes);
    }

    [Theory]
    [InlineData("", "", SimdPath.Vector512)]
    [InlineData("DOTNET_EnableAVX512", "0", SimdPath.Vector256)]
    [InlineData("DOTNET_EnableAVX512F", "0", SimdPath.Vector512)]
    [InlineData("DOTNET_EnableAVX2", "0", SimdPath.Vector128)]
    [InlineData("COMPlus_EnableAVX2", "0", SimdPath.Vector128)]
    [InlineData("DOTNET_EnableHWIntrinsic", "0", SimdPath.Scalar)]
    [InlineData("DOTNET_EnableHWIntrinsic", "1", SimdPath.Vector512)]
    [InlineData("DOTNET_PreferredVectorBitWidth", "256", SimdPath.Vector256)]
    [InlineData("DOTNET_PreferredVectorBitWidth", "128", SimdPath.Vector128)]
    public void The_rule_lowers_an_AVX512_machine_by_each_knob(string variable, string value, SimdPath expected)
    {
        var cpu = new CpuFacts("test", new HashSet<string> { "sse4_2", "avx", "avx2", "fma", "avx512f", "avx512bw", "avx512dq", "avx512vl", "avx512cd" }, "AuthenticAMD", 25, 0x11);

        SimdExpectation derived = ExpectedSimdPath.Derive(Architecture.X64, cpu, name => name == variable ? value : null);

        Assert.Equal(expected, derived.Path);
    }

    [Theory]
    [InlineData("GenuineIntel", 0x55, SimdPath.Vector256)]
    [InlineData("GenuineIntel", 0x6A, SimdPath.Vector512)]
    [InlineData("AuthenticAMD", 0x55, SimdPath.Vector512)]
    public void The_rule_knows_which_CPUs_dotnet_keeps_at_256_bits(string vendor, int model, SimdPath expected)
    {
        var cpu = new CpuFacts("test", new HashSet<string> { "avx2", "fma", "avx512f", "avx512bw", "avx512dq", "avx512vl", "avx512cd" }, vendor, 6, model);

        Assert.Equal(expected, ExpectedSimdPath.Derive(Architecture.X64, cpu, _ => null).Path);
        Assert.Equal(SimdPath.Vector512, ExpectedSimdPath.Derive(Architecture.X64, cpu, name => name == "DOTNET_PreferredVectorBitWidth" ? "512" : null).Path);
    }

    [Fact]
    public void The_rule_needs_all_five_AVX512_subsets_and_FMA_with_AVX2()
    {
        var knightsLanding = new CpuFacts("test", new HashSet<string> { "avx2", "fma", "avx512f", "avx512cd" }, "GenuineIntel", 6, 0x57);
        var avxOnly = new CpuFacts("test", new HashSet<string> { "sse4_2", "avx" }, "GenuineIntel", 6, 0x2A);

        Assert.Equal(SimdPath.Vector256, ExpectedSimdPath.Derive(Architecture.X64, knightsLanding, _ => null).Path);
        Assert.Equal(SimdPath.Vector128, ExpectedSimdPath.Derive(Architecture.X64, avxOnly, _ => null).Path);
        Assert.Equal(SimdPath.Vector128, ExpectedSimdPath.Derive(Architecture.Arm64, new CpuFacts("test", new HashSet<string> { "asimd" }, "", 0, 0), _ => null).Path);
    }

    private static string Flags(bool vector512, bool vector256, bool vector128)
        => $"Vector512.IsHardwareAccelerated={vector512}, Vector256.IsHardwareAccelerated={vector256}, Vector128.IsHardwareAccelerated={vector128}";
}
