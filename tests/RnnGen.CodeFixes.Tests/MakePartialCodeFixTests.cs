using System.Threading.Tasks;

namespace RnnGen.CodeFixes.Tests;

/// <summary>
/// RNN0001 and RNN0002 are fixed by adding <c>partial</c> where it is missing; {|RNN000x:Name|} marks where each
/// diagnostic is expected.
/// </summary>
public class MakePartialCodeFixTests
{
    [Fact]
    public async Task Adds_partial_to_the_class()
    {
        await new MakePartialTest(
            """
            using RnnGen;

            [SimpleRnn(Timesteps = 4, Input = 2, Output = 3)]
            public sealed class {|RNN0001:Model|}
            {
            }
            """,
            """
            using RnnGen;

            [SimpleRnn(Timesteps = 4, Input = 2, Output = 3)]
            public sealed partial class Model
            {
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Adds_partial_to_a_class_without_modifiers_keeping_its_indentation_and_comment()
    {
        await new MakePartialTest(
            """
            namespace Game
            {
                /// <summary>Motion.</summary>
                [RnnGen.SimpleRnn(Timesteps = 4, Input = 2, Output = 3)]
                class {|RNN0001:Model|} { }
            }
            """,
            """
            namespace Game
            {
                /// <summary>Motion.</summary>
                [RnnGen.SimpleRnn(Timesteps = 4, Input = 2, Output = 3)]
                partial class Model { }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Adds_partial_to_the_containing_type()
    {
        await new MakePartialTest(
            """
            public static class {|RNN0002:Models|}
            {
                [RnnGen.SimpleRnn(Timesteps = 4, Input = 2, Output = 3)]
                public partial class Model { }
            }
            """,
            """
            public static partial class Models
            {
                [RnnGen.SimpleRnn(Timesteps = 4, Input = 2, Output = 3)]
                public partial class Model { }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Fixes_the_class_and_every_containing_type_at_once()
    {
        await new MakePartialTest(
            """
            internal struct {|RNN0002:Outer|}
            {
                private sealed class {|RNN0002:Middle|}
                {
                    [RnnGen.SimpleRnn(Timesteps = 4, Input = 2, Output = 3)]
                    internal sealed class {|RNN0001:Model|} { }
                }
            }
            """,
            """
            internal partial struct Outer
            {
                private sealed partial class Middle
                {
                    [RnnGen.SimpleRnn(Timesteps = 4, Input = 2, Output = 3)]
                    internal sealed partial class Model { }
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Fix_all_makes_every_class_in_the_project_partial()
    {
        var test = new MakePartialTest(
            """
            [RnnGen.SimpleRnn(Timesteps = 4, Input = 2, Output = 3)]
            public class {|RNN0001:First|} { }

            [RnnGen.SimpleRnn(Timesteps = 4, Input = 3, Output = 5)]
            internal sealed class {|RNN0001:Second|} { }
            """,
            """
            [RnnGen.SimpleRnn(Timesteps = 4, Input = 2, Output = 3)]
            public partial class First { }

            [RnnGen.SimpleRnn(Timesteps = 4, Input = 3, Output = 5)]
            internal sealed partial class Second { }
            """)
        {
            // One Fix All in the project fixes all three; Fix All in a document needs one pass per document.
            NumberOfFixAllIterations = 1,
            NumberOfFixAllInDocumentIterations = 2,
        };
        test.TestState.Sources.Add(("Third.cs",
            """
            [RnnGen.SimpleRnn(Timesteps = 8, Input = 4, Output = 16)]
            public class {|RNN0001:Third|} { }
            """));
        test.FixedState.Sources.Add(("Third.cs",
            """
            [RnnGen.SimpleRnn(Timesteps = 8, Input = 4, Output = 16)]
            public partial class Third { }
            """));
        await test.RunAsync();
    }
}
