using System.Runtime.InteropServices;
using RnnGen.Package.Tests.Infrastructure;

namespace RnnGen.Package.Tests;

/// <summary>
/// samples/NativeAot published with NativeAOT (warnings as errors, so the runtime library and generated code are
/// trim- and AOT-clean) computes what the same program computes under the JIT.
/// </summary>
[Collection(DotNetCliTests.Name)]
public class NativeAotTests
{
    private static readonly string Project = Repository.PathOf(Path.Combine("samples", "NativeAot", "NativeAot.csproj"));

    [Fact]
    public void The_native_executable_computes_what_the_JIT_build_computes()
    {
        using var publish = new TemporaryDirectory("rnngen-aot");
        DotNet.Run(Repository.Root, environment: null, "publish", Project, "-c", Repository.Configuration, "-o", publish.Path, "-nologo");
        string native = DotNet.Exec(Path.Combine(publish.Path, "NativeAot"), publish.Path, environment: null);
        string jit = DotNet.Run(Repository.Root, environment: null, "run", "--project", Project, "-c", Repository.Configuration);

        Assert.Equal("NativeAOT", OutputLines.Value(native, "runtime"));
        Assert.Equal("JIT", OutputLines.Value(jit, "runtime"));
        Assert.Equal(OutputLines.Value(jit, "output shape"), OutputLines.Value(native, "output shape"));
        // The paths may differ (the JIT uses the widest the CPU has), and every path is within 1e-4 per element.
        Assert.Equal(OutputLines.Number(jit, "checksum"), OutputLines.Number(native, "checksum"), 1e-3);

        // The sample targets x86-64-v3, so the native x64 build takes the Vector256 path (Arm64: Vector128).
        string expectedPath = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? "Vector256" : "Vector128";
        Assert.Equal(expectedPath, OutputLines.Value(native, "SIMD path"));
    }
}
