using System.Linq;
using System.Text;
using RnnGen.Formats;

namespace RnnGen.Runtime.Tests.Formats;

public class MiniJsonTests
{
    [Fact]
    public void Parses_objects_arrays_and_scalars()
    {
        JsonValue root = Parse(" {\"a\": [1, -2.5e3, 0], \"b\": {\"c\": true, \"d\": false, \"e\": null}, \"s\": \"x\"} ");

        Assert.Equal(JsonKind.Object, root.Kind);
        Assert.Equal(["a", "b", "s"], root.Members.Select(m => m.Key));
        Assert.Equal(["1", "-2.5e3", "0"], root.Member("a")!.Items.Select(i => i.Text));
        Assert.Equal("true", root.Member("b")!.Member("c")!.Text);
        Assert.Equal(JsonKind.Null, root.Member("b")!.Member("e")!.Kind);
        Assert.Equal("x", root.Member("s")!.Text);
    }

    [Fact]
    public void Decodes_every_escape_and_utf8()
    {
        JsonValue value = Parse("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\ud83d\\ude00 ü\"");
        Assert.Equal("\" \\ / \b \f \n \r \t é 😀 ü", value.Text);
    }

    [Theory]
    [InlineData("123", true, 123L)]
    [InlineData("-7", true, -7L)]
    [InlineData("9223372036854775807", true, long.MaxValue)]
    [InlineData("9223372036854775808", false, 0L)]
    [InlineData("1.0", false, 0L)]
    [InlineData("1e3", false, 0L)]
    public void Integers_are_told_apart_from_other_numbers(string text, bool isInteger, long expected)
    {
        Assert.Equal(isInteger, Parse(text).TryGetInt64(out long value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("{\"a\": 1,}", "expected a string key")]
    [InlineData("[1, 2,]", "where a value should start")]
    [InlineData("{\"a\" 1}", "expected ':'")]
    [InlineData("{\"a\": 1 \"b\": 2}", "expected ',' or '}'")]
    [InlineData("{\"a\": 1, \"a\": 2}", "duplicate key 'a'")]
    [InlineData("{'a': 1}", "expected a string key")]
    [InlineData("[01]", "leading zero")]
    [InlineData("[1.]", "after the decimal point")]
    [InlineData("[1e]", "in the exponent")]
    [InlineData("[-]", "a digit")]
    [InlineData("[+1]", "'+'")]
    [InlineData("[tru]", "where a value should start")]
    [InlineData("[NaN]", "where a value should start")]
    [InlineData("\"abc", "ends inside a string")]
    [InlineData("\"a\\x\"", "invalid escape")]
    [InlineData("\"\\u12G4\"", "four hex digits")]
    [InlineData("\"a\tb\"", "control character")]
    [InlineData("{} {}", "after the top-level value")]
    [InlineData("/* c */ {}", "where a value should start")]
    [InlineData("", "ends where a value should start")]
    public void Rejects_malformed_json_with_a_reason(string text, string reason)
        => Expect.InvalidData(() => Parse(text), "test header is not valid JSON at byte", reason);

    [Fact]
    public void Rejects_invalid_utf8_in_strings()
    {
        byte[] text = [(byte)'"', 0xC3, 0x28, (byte)'"'];
        Expect.InvalidData(() => MiniJson.Parse(text, 0, text.Length, "test header"), "invalid UTF-8");
    }

    [Fact]
    public void Rejects_nesting_beyond_the_limit_but_accepts_it_up_to_the_limit()
    {
        int limit = FormatLimits.MaxNestingDepth;
        Assert.Equal(JsonKind.Array, Parse(new string('[', limit) + new string(']', limit)).Kind);
        Expect.InvalidData(() => Parse(new string('[', limit + 1) + new string(']', limit + 1)), "nesting deeper");
        Expect.InvalidData(() => Parse(new string('[', 100_000)), "nesting deeper");
    }

    [Fact]
    public void Rejects_more_values_than_the_limit_but_accepts_it_up_to_the_limit()
    {
        string limit = "[" + string.Join(",", Enumerable.Repeat("0", FormatLimits.MaxJsonValues - 1)) + "]";
        Assert.Equal(FormatLimits.MaxJsonValues - 1, Parse(limit).Items.Count);

        string many = "[" + string.Join(",", Enumerable.Repeat("0", FormatLimits.MaxJsonValues)) + "]";
        Expect.InvalidData(() => Parse(many), "test header holds more than 65536 JSON values, the limit");
    }

    private static JsonValue Parse(string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        return MiniJson.Parse(bytes, 0, bytes.Length, "test header");
    }
}
