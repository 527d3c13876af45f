using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Rectification.Demo;

/// <summary>All chance in the demo comes from one seeded generator, so every run on the same day tells the same story.</summary>
internal sealed class DemoRandom(int seed)
{
    private readonly Random random = new(seed);

    public int Between(int min, int max) => random.Next(min, max + 1);

    public double Fraction(double min, double max) => min + (random.NextDouble() * (max - min));

    public bool Chance(double probability) => random.NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public T Weighted<T>(IReadOnlyList<(T Value, double Weight)> options)
    {
        var roll = random.NextDouble() * options.Sum(o => o.Weight);
        foreach (var (value, weight) in options)
        {
            roll -= weight;
            if (roll < 0)
            {
                return value;
            }
        }

        return options[^1].Value;
    }

    public List<T> Shuffle<T>(IEnumerable<T> items)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }

    public List<T> Sample<T>(IEnumerable<T> items, int count) => Shuffle(items).Take(count).ToList();

    /// <summary>
    /// A version-7 id like the application's, but drawn from the seeded generator: reruns give the same ids,
    /// and they still sort by the moment the demo story says the thing was created.
    /// </summary>
    public Guid NewId(DateTime utc)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        var milliseconds = (long)(utc - DateTime.UnixEpoch).TotalMilliseconds;
        Span<byte> stamp = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(stamp, milliseconds);
        stamp[2..].CopyTo(bytes);
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>A stand-in SHA-256 for an evidence file that was never uploaded; the format is what the API validates.</summary>
    public static string FakeSha256(string seedText) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seedText)));
}
