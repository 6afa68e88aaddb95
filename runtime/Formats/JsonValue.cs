using System.Collections.Generic;
using System.Globalization;

namespace RnnGen.Formats;

/// <summary>The kinds of value <see cref="MiniJson"/> produces.</summary>
internal enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    Boolean,
    Null,
}

/// <summary>One parsed JSON value. Numbers keep their text, so integers of any size are judged by the reader that needs them.</summary>
internal sealed class JsonValue
{
    private static readonly IReadOnlyList<JsonValue> NoItems = new List<JsonValue>();
    private static readonly IReadOnlyList<KeyValuePair<string, JsonValue>> NoMembers = new List<KeyValuePair<string, JsonValue>>();
    private static readonly char[] NonIntegerMarks = ['.', 'e', 'E'];

    private JsonValue(JsonKind kind, int position, string text, IReadOnlyList<JsonValue> items, IReadOnlyList<KeyValuePair<string, JsonValue>> members)
    {
        Kind = kind;
        Position = position;
        Text = text;
        Items = items;
        Members = members;
    }

    public JsonKind Kind { get; }

    /// <summary>Byte offset of the value in the parsed text, for messages.</summary>
    public int Position { get; }

    /// <summary>A string's content, a number's literal text, or <c>true</c>, <c>false</c>, <c>null</c>.</summary>
    public string Text { get; }

    /// <summary>An array's elements.</summary>
    public IReadOnlyList<JsonValue> Items { get; }

    /// <summary>An object's members in text order; keys are unique.</summary>
    public IReadOnlyList<KeyValuePair<string, JsonValue>> Members { get; }

    /// <summary>How a message names this kind of value.</summary>
    public string KindName => Kind switch
    {
        JsonKind.Object => "an object",
        JsonKind.Array => "an array",
        JsonKind.String => "a string",
        JsonKind.Number => "the number " + Text,
        JsonKind.Boolean => Text,
        _ => "null",
    };

    public static JsonValue Object(int position, IReadOnlyList<KeyValuePair<string, JsonValue>> members) => new(JsonKind.Object, position, string.Empty, NoItems, members);

    public static JsonValue Array(int position, IReadOnlyList<JsonValue> items) => new(JsonKind.Array, position, string.Empty, items, NoMembers);

    public static JsonValue Scalar(JsonKind kind, int position, string text) => new(kind, position, text, NoItems, NoMembers);

    /// <summary>The member with this key, or null.</summary>
    public JsonValue? Member(string key)
    {
        foreach (KeyValuePair<string, JsonValue> member in Members)
        {
            if (member.Key == key)
            {
                return member.Value;
            }
        }

        return null;
    }

    /// <summary>True for a number written as a whole number (no fraction, no exponent) that fits a <c>long</c>.</summary>
    public bool TryGetInt64(out long value)
    {
        value = 0;
        return Kind == JsonKind.Number
            && Text.IndexOfAny(NonIntegerMarks) < 0
            && long.TryParse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }
}
