using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace RnnGen.Tests.Harness;

/// <summary>A SIMD path and how it was worked out, for the failure message.</summary>
public sealed record SimdExpectation(SimdPath Path, string Reason);

/// <summary>
/// Works out, without asking the JIT, which path this process should run: what the CPU can do, lowered by the
/// runtime's configuration knobs. Agreement with <see cref="SimdPaths.Current"/> shows that a test run under
/// DOTNET_EnableAVX512=0 and the like really exercised the path it was meant to.
/// </summary>
public static class ExpectedSimdPath
{
    /// <summary>Set by the test script to the path each run must exercise.</summary>
    public const string RequestVariable = "RNNGEN_EXPECTED_SIMD_PATH";

    /// <summary>The path named by <see cref="RequestVariable"/>, or null when it is not set.</summary>
    public static SimdPath? Requested()
    {
        string? value = Environment.GetEnvironmentVariable(RequestVariable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Enum.TryParse(value.Trim(), ignoreCase: true, out SimdPath path) && Enum.IsDefined(path)
            ? path
            : throw new InvalidOperationException($"{RequestVariable}='{value}' is not one of {string.Join(", ", Enum.GetNames<SimdPath>())}.");
    }

    /// <summary>The path the hardware and the DOTNET_* knobs of this process select.</summary>
    public static SimdExpectation FromHardwareAndEnvironment()
        => Derive(RuntimeInformation.ProcessArchitecture, ReadCpu(), Environment.GetEnvironmentVariable);

    /// <summary>The pure rule, given the architecture, the CPU facts and the environment.</summary>
    public static SimdExpectation Derive(Architecture architecture, CpuFacts cpu, Func<string, string?> environment)
    {
        var reasons = new List<string>();
        SimdPath path = HardwareCapability(architecture, cpu);
        reasons.Add($"{architecture} hardware ({cpu.Source}) supports {path}");

        void Cap(SimdPath limit, string why)
        {
            if (path > limit)
            {
                path = limit;
                reasons.Add($"{why} → {limit}");
            }
        }

        if (!Enabled(environment, "EnableHWIntrinsic"))
        {
            Cap(SimdPath.Scalar, "EnableHWIntrinsic=0");
        }

        if (architecture is Architecture.X64 or Architecture.X86)
        {
            // On .NET 10, AVX2 switches off everything above 128 bits and AVX512 everything above 256;
            // the older per-ISA knobs such as EnableAVX512F no longer do anything.
            foreach (string knob in new[] { "EnableSSE42", "EnableAVX", "EnableAVX2" }.Where(knob => !Enabled(environment, knob)))
            {
                Cap(SimdPath.Vector128, $"{knob}=0");
            }

            if (!Enabled(environment, "EnableAVX512"))
            {
                Cap(SimdPath.Vector256, "EnableAVX512=0");
            }

            // PreferredVectorBitWidth (decimal, rounded down to a multiple of 128) caps the accelerated width.
            // Unset, the runtime itself prefers 256 bits on CPUs whose clock drops under 512-bit code.
            int preferredBits = Knob(environment, "PreferredVectorBitWidth") is { } text
                && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int bits) ? bits / 128 * 128 : 0;
            if (preferredBits is > 0 and < 256)
            {
                Cap(SimdPath.Vector128, $"PreferredVectorBitWidth={preferredBits}");
            }
            else if (preferredBits is > 0 and < 512)
            {
                Cap(SimdPath.Vector256, $"PreferredVectorBitWidth={preferredBits}");
            }
            else if (preferredBits == 0 && cpu.ThrottlesVector512)
            {
                Cap(SimdPath.Vector256, $"Intel family {cpu.Family} model {cpu.Model} throttles AVX-512, so .NET prefers 256 bits");
            }
        }
        else if (architecture == Architecture.Arm64 && !Enabled(environment, "EnableArm64AdvSimd"))
        {
            Cap(SimdPath.Scalar, "EnableArm64AdvSimd=0");
        }

        return new SimdExpectation(path, string.Join("; ", reasons));
    }

    /// <summary>The widest path the CPU itself allows.</summary>
    private static SimdPath HardwareCapability(Architecture architecture, CpuFacts cpu) => architecture switch
    {
        Architecture.X64 or Architecture.X86 =>
            cpu.Has("avx512f", "avx512bw", "avx512dq", "avx512vl", "avx512cd") ? SimdPath.Vector512
            : cpu.Has("avx2", "fma") ? SimdPath.Vector256
            : SimdPath.Vector128,
        Architecture.Arm64 => SimdPath.Vector128,
        _ => SimdPath.Scalar,
    };

    /// <summary>The CPU as Linux describes it in /proc/cpuinfo, else as far as .NET can tell.</summary>
    private static CpuFacts ReadCpu()
    {
        try
        {
            string[] lines = File.ReadAllLines("/proc/cpuinfo");
            string? Field(string name) => lines
                .Select(line => line.Split(':', 2))
                .Where(parts => parts.Length == 2 && parts[0].Trim() == name)
                .Select(parts => parts[1].Trim())
                .FirstOrDefault();

            string? flags = Field("flags") ?? Field("Features");
            if (flags is not null)
            {
                return new CpuFacts(
                    "/proc/cpuinfo",
                    flags.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal),
                    Field("vendor_id") ?? "",
                    int.TryParse(Field("cpu family"), CultureInfo.InvariantCulture, out int family) ? family : 0,
                    int.TryParse(Field("model"), CultureInfo.InvariantCulture, out int model) ? model : 0);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Not Linux, or not readable: fall back to what the runtime reports.
        }

        return FromRuntime();
    }

    /// <summary>
    /// The fallback: .NET's IsSupported flags. These already include the knobs' effect, which the rule applies
    /// again harmlessly; CPUID, where available, supplies the vendor and model for the throttling rule.
    /// </summary>
    private static CpuFacts FromRuntime()
    {
        var flags = new HashSet<string>(StringComparer.Ordinal);
        void Add(bool supported, params string[] names)
        {
            if (supported)
            {
                flags.UnionWith(names);
            }
        }

        Add(Avx512F.IsSupported && Avx512BW.IsSupported && Avx512DQ.IsSupported && Avx512CD.IsSupported && Avx512F.VL.IsSupported, "avx512f", "avx512bw", "avx512dq", "avx512vl", "avx512cd");
        Add(Avx2.IsSupported && Fma.IsSupported, "avx2", "fma");
        string vendor = "";
        int family = 0;
        int model = 0;
        if (X86Base.IsSupported)
        {
            (_, int ebx, int ecx, int edx) = X86Base.CpuId(0, 0);
            vendor = string.Concat(new[] { ebx, edx, ecx }.Select(r => string.Concat(BitConverter.GetBytes(r).Select(b => (char)b))));
            int signature = X86Base.CpuId(1, 0).Eax;
            family = (signature >> 8) & 0xF;
            model = ((signature >> 4) & 0xF) | (((signature >> 16) & 0xF) << 4);
        }

        return new CpuFacts(".NET IsSupported flags", flags, vendor, family, model);
    }

    private static bool Enabled(Func<string, string?> environment, string name)
    {
        // Runtime knobs are hexadecimal; only 0 switches an ISA off.
        string? value = Knob(environment, name)?.Trim();
        if (value is null)
        {
            return true;
        }

        if (value.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            value = value[2..];
        }

        return !int.TryParse(value, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int number) || number != 0;
    }

    /// <summary>A runtime knob: DOTNET_{name}, or the older COMPlus_{name}.</summary>
    private static string? Knob(Func<string, string?> environment, string name)
        => environment("DOTNET_" + name) ?? environment("COMPlus_" + name);
}

/// <summary>What the tests need to know about the CPU.</summary>
/// <param name="Source">Where the facts came from.</param>
/// <param name="Flags">Feature names as /proc/cpuinfo spells them.</param>
/// <param name="Vendor">CPUID vendor string, e.g. GenuineIntel.</param>
/// <param name="Family">CPU family (base family).</param>
/// <param name="Model">CPU model, extended model included.</param>
public sealed record CpuFacts(string Source, IReadOnlySet<string> Flags, string Vendor, int Family, int Model)
{
    /// <summary>
    /// Intel parts on which .NET keeps Vector512 off by default because 512-bit code lowers the clock:
    /// Skylake-SP, Cascade Lake and Cooper Lake (family 6, model 0x55) and Cannon Lake (model 0x66).
    /// </summary>
    public bool ThrottlesVector512 => Vendor == "GenuineIntel" && Family == 6 && Model is 0x55 or 0x66;

    /// <summary>Whether every one of <paramref name="names"/> is a flag.</summary>
    public bool Has(params string[] names) => names.All(Flags.Contains);
}
