using System.Runtime.Intrinsics;

namespace RnnGen.Runtime.Tests;

public class SimdPathTests
{
    [Fact]
    public void Current_is_the_widest_accelerated_width()
    {
        SimdPath expected = Vector512.IsHardwareAccelerated ? SimdPath.Vector512
            : Vector256.IsHardwareAccelerated ? SimdPath.Vector256
            : Vector128.IsHardwareAccelerated ? SimdPath.Vector128
            : SimdPath.Scalar;
        Assert.Equal(expected, SimdPaths.Current);
        Assert.Equal((int)expected, SimdPaths.Lanes);
    }
}
