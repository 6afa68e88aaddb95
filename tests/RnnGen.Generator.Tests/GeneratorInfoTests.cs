namespace RnnGen.Generator.Tests;

public class GeneratorInfoTests
{
    [Fact]
    public void Stamped_version_is_the_package_version()
    {
        Version runtime = typeof(SimpleRnnAttribute).Assembly.GetName().Version!;
        Assert.Equal($"{runtime.Major}.{runtime.Minor}.{runtime.Build}", GeneratorInfo.Version);
    }
}
