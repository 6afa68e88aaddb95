using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace RnnGen.Tests.BadInput;

/// <summary>Checks an <see cref="ArgumentException"/> the way a caller reads it: which parameter, and which numbers.</summary>
public static class ArgumentAssert
{
    /// <summary>
    /// <paramref name="call"/> throws an <see cref="ArgumentException"/> naming <paramref name="paramName"/>, whose
    /// message mentions each of <paramref name="numbers"/> as a number of its own (so 3 is not found in 32).
    /// </summary>
    public static ArgumentException Rejects(Action call, string paramName, string context, params int[] numbers)
    {
        ArgumentException exception = Assert.ThrowsAny<ArgumentException>(call);
        Assert.True(paramName == exception.ParamName, $"{context}: ParamName is '{exception.ParamName}', expected '{paramName}'. Message: {exception.Message}");
        foreach (int number in numbers)
        {
            // Not part of a longer number such as 32 or 2.5, but a full stop may follow.
            string pattern = $@"(?<!\d|\d\.){number.ToString(CultureInfo.InvariantCulture)}(?!\d|\.\d)";
            Assert.True(Regex.IsMatch(exception.Message, pattern), $"{context}: the message does not mention {number}: {exception.Message}");
        }

        return exception;
    }
}
