using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rectification.Web.Http;

/// <summary>
/// Enum values in request bodies must be one of the names. The framework's converter falls back to Enum.TryParse, which
/// trims whitespace, so "General " was taken for General; a value the client did not mean must be refused, not guessed.
/// Names are matched ignoring case, as the framework does; writing is left to the framework's converter.
/// </summary>
public sealed class StrictEnumConverter : JsonConverterFactory
{
    private readonly JsonStringEnumConverter names = new(allowIntegerValues: false);

    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Strict<>).MakeGenericType(typeToConvert), names.CreateConverter(typeToConvert, options))!;

    private sealed class Strict<T>(JsonConverter inner) : JsonConverter<T> where T : struct, Enum
    {
        private static readonly HashSet<string> Names = new(Enum.GetNames<T>(), StringComparer.OrdinalIgnoreCase);
        private readonly JsonConverter<T> named = (JsonConverter<T>)inner;

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String || reader.GetString() is not { } text || !Names.Contains(text))
            {
                throw new JsonException($"The value is not one of {string.Join(", ", Enum.GetNames<T>())}.");
            }

            return named.Read(ref reader, typeToConvert, options);
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => named.Write(writer, value, options);

        // Enums also key dictionaries (e.g. clues by colour in the statistics).
        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => named.WriteAsPropertyName(writer, value, options);

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.GetString() is not { } text || !Names.Contains(text))
            {
                throw new JsonException($"The key is not one of {string.Join(", ", Enum.GetNames<T>())}.");
            }

            return named.ReadAsPropertyName(ref reader, typeToConvert, options);
        }
    }
}
