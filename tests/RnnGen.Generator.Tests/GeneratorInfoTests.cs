namespace RnnGen.Generator.Tests;

public class GeneratorInfoTests
{
    [Fact]
    public void Stamped_version_is_the_package_version()
    {
        Version runtime = typeof(SimpleRnnAttribute).Assembly.GetName().Version!;
        Assert.Equal(GeneratorInfo.Version, $"{runtime.Major}.{runtime.Minor}.{runtime.Build}");
    }
}
