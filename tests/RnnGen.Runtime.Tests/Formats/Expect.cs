using System;
using System.IO;

namespace RnnGen.Runtime.Tests.Formats;

/// <summary>Assertions on the exception type and the words its message must contain.</summary>
internal static class Expect
{
    public static InvalidDataException InvalidData(Action action, params string[] fragments) => WithMessage<InvalidDataException>(action, fragments);

    public static ArgumentException Argument(Action action, params string[] fragments) => WithMessage<ArgumentException>(action, fragments);

    private static T WithMessage<T>(Action action, string[] fragments)
        where T : Exception
    {
        T exception = Assert.Throws<T>(action);
        foreach (string fragment in fragments)
        {
            Assert.Contains(fragment, exception.Message, StringComparison.Ordinal);
        }

        return exception;
    }
}
