using System.Collections;
using System.Reflection;
using CsCheck;

namespace Rectification.Integration.Tests.Support;

/// <summary>A body being built or mutated: the command's constructor arguments by parameter name.</summary>
public sealed class Body : Dictionary<string, object?>
{
    public Body()
    {
    }

    public Body(IDictionary<string, object?> values) : base(values)
    {
    }

    public Body With(string name, object? value) => new(this) { [name] = value };
}

/// <summary>One field made wrong: what was done, the value, and the path of the field the error must name (C# property path).</summary>
public sealed record Mutation(string What, object? Value, string Path);

/// <summary>
/// What a command's field accepts, written by hand from the contract (the README, workflows/*.yaml, the validators' limits):
/// a generator of valid values and the ways to make it wrong, each of which must be refused with an error naming the field.
/// </summary>
public abstract record Field(string Name)
{
    /// <summary>Fields whose rules read this one, so a wrong value here may also be named there (a range's end).</summary>
    public IReadOnlyList<string> Dependents { get; init; } = [];

    public abstract Gen<object?> Valid(Body earlier);

    public virtual IEnumerable<Mutation> Invalid(Body body) => [];
}

public static class Fields
{
    /// <summary>The value, or null with probability <paramref name="p"/>: an optional field left out.</summary>
    public static Gen<object?> OrNull(this Gen<object?> values, double p) =>
        Gen.Frequency(((int)(p * 10), Gen.Const((object?)null)), ((int)((1 - p) * 10), values));

    private const string Chars = "巡察整改台账问题措施责任落实abcXYZ019-";
    private const string CodeChars = "ABCXYZabc0189-";

    public static Field Text(string name, int max, bool required = true, Func<Body, bool>? requiredWhen = null, bool code = false) =>
        new TextField(name, max, required, requiredWhen, code);

    public static Field OptionalText(string name, int max, Func<Body, bool>? requiredWhen = null) =>
        new TextField(name, max, Required: false, requiredWhen, Code: false) { Nullable = true };

    public static Field OptionalCode(string name, int max) => new TextField(name, max, Required: false, null, Code: true) { Nullable = true };

    public static Field Hex64(string name, bool lowerOnly) => new HexField(name, lowerOnly);

    public static Field Int(string name, int min, int max, bool nullable = false) => new IntField(name, min, max, nullable);

    public static Field Long(string name, long min, long max) => new LongField(name, min, max);

    public static Field Decimal(string name, decimal min, decimal max) => new DecimalField(name, min, max);

    public static Field Date(string name, Func<DateOnly> min, DateOnly max, string? notBefore = null, int? withinDaysOf = null) =>
        new DateField(name, min, max, notBefore, withinDaysOf);

    public static Field Enum<T>(string name, bool nullable = false, params T[] allowed) where T : struct, System.Enum =>
        new EnumField<T>(name, nullable, allowed.Length == 0 ? System.Enum.GetValues<T>() : allowed);

    /// <summary>An identifier; <paramref name="required"/> when the validator refuses the empty one, else a wrong id is the authorization's 404.</summary>
    public static Field Id(string name, bool required = false, bool nullable = false) => new IdField(name, required, nullable);

    public static Field Version(string name = "ExpectedVersion") => new ConstantField(name, Gen.Long[0, 5].Select(v => (object?)v).OrNull(0.5));

    public static Field Flag(string name) => new ConstantField(name, Gen.Bool.Select(b => (object?)b));

    public static Field Null(string name) => new ConstantField(name, Gen.Const((object?)null));

    /// <summary>One valid value, always; the invalid ones of a nested object come as the spec's extra mutations.</summary>
    public static Field Fixed(string name, object value) => new ConstantField(name, Gen.Const((object?)value));

    /// <summary>A password: any text up to 256 characters; missing, empty or longer is refused.</summary>
    public static Field Password(string name) => new PasswordField(name);

    /// <summary>A mail address: required, with an "@", at most 320 characters.</summary>
    public static Field Email(string name) => new EmailField(name);

    /// <summary>One of a few texts (a language); missing or any other text is refused.</summary>
    public static Field OneOf(string name, params string[] values) => new OneOfField(name, values);

    public static Field IdList(string name, int? maxCount, bool nullable = true) => new IdListField(name, maxCount, nullable);

    public static Field Records<T>(string name, int? maxCount, params Field[] item) => new RecordListField(name, typeof(T), maxCount, item);

    /// <summary>The file of an upload form: missing, or with a name that is a path or empty, is refused on the form's field.</summary>
    public static Field Upload(string name) => new UploadField(name);

    private static Gen<string> TextOf(string chars, int min, int max) =>
        Gen.Frequency(
            (6, Gen.String[Gen.Char[chars], min, Math.Min(max, 24)]),
            (1, Gen.Const(new string(chars[0], max))));

    private sealed record TextField(string Name, int Max, bool Required, Func<Body, bool>? RequiredWhen, bool Code) : Field(Name)
    {
        public bool Nullable { get; init; }

        private bool MustHaveText(Body body) => Required || (RequiredWhen?.Invoke(body) ?? false);

        public override Gen<object?> Valid(Body earlier)
        {
            // A code, when given, has at least one character: the empty code is not "no code".
            var text = TextOf(Code ? CodeChars : Chars, Required || Code ? 1 : 0, Max).Select(s => (object?)s);
            // Whether a conditionally required text is present is chosen with the other fields, so a body stays valid either way.
            return RequiredWhen is not null && RequiredWhen(earlier) ? TextOf(Chars, 1, Max).Select(s => (object?)s)
                : Nullable ? text.OrNull(0.3) : text;
        }

        public override IEnumerable<Mutation> Invalid(Body body)
        {
            if (MustHaveText(body))
            {
                yield return new Mutation("empty", "", Name);
                yield return new Mutation("blank", "   ", Name);
            }

            yield return new Mutation($"too long ({Max + 1} characters)", new string(Code ? 'A' : '整', Max + 1), Name);
            if (Code)
            {
                yield return new Mutation("characters a code may not hold", "代码 1", Name);
            }
        }
    }

    private sealed record HexField(string Name, bool LowerOnly) : Field(Name)
    {
        public override Gen<object?> Valid(Body earlier) =>
            Gen.String[Gen.Char[LowerOnly ? "0123456789abcdef" : "0123456789abcdefABCDEF"], 64, 64].Select(s => (object?)s);

        public override IEnumerable<Mutation> Invalid(Body body)
        {
            yield return new Mutation("empty", "", Name);
            yield return new Mutation("63 digits", new string('a', 63), Name);
            yield return new Mutation("not hexadecimal", new string('g', 64), Name);
            if (LowerOnly)
            {
                yield return new Mutation("upper case", new string('A', 64), Name);
            }
        }
    }

    private sealed record IntField(string Name, int Min, int Max, bool Nullable) : Field(Name)
    {
        public override Gen<object?> Valid(Body earlier)
        {
            var value = Gen.Frequency((4, Gen.Int[Min, Max]), (1, Gen.OneOf(Min, Max))).Select(v => (object?)v);
            return Nullable ? value.OrNull(0.3) : value;
        }

        public override IEnumerable<Mutation> Invalid(Body body)
        {
            yield return new Mutation("below the range", Min - 1, Name);
            yield return new Mutation("above the range", Max + 1, Name);
            yield return new Mutation("far below", int.MinValue, Name);
            yield return new Mutation("far above", int.MaxValue, Name);
        }
    }

    private sealed record LongField(string Name, long Min, long Max) : Field(Name)
    {
        public override Gen<object?> Valid(Body earlier) => Gen.Long[Min, Math.Min(Max, 1L << 40)].Select(v => (object?)v);

        public override IEnumerable<Mutation> Invalid(Body body)
        {
            yield return new Mutation("below the range", Min - 1, Name);
            yield return new Mutation("far below", long.MinValue, Name);
        }
    }

    private sealed record DecimalField(string Name, decimal Min, decimal Max) : Field(Name)
    {
        public override Gen<object?> Valid(Body earlier) =>
            Gen.Frequency((4, Gen.Int[0, 10_000].Select(i => Min + (Max - Min) * i / 10_000m)), (1, Gen.OneOf(Min, Max))).Select(v => (object?)Math.Round(v, 2));

        public override IEnumerable<Mutation> Invalid(Body body)
        {
            yield return new Mutation("below the range", Min - 0.01m, Name);
            yield return new Mutation("above the range", Max + 0.01m, Name);
            yield return new Mutation("far above", decimal.MaxValue, Name);
        }
    }

    private sealed record DateField(string Name, Func<DateOnly> Min, DateOnly Max, string? NotBefore, int? WithinDaysOf) : Field(Name)
    {
        private DateOnly Lowest(Body body) => NotBefore is null ? Min() : (DateOnly)body[NotBefore]!;

        private DateOnly Highest(Body body) => WithinDaysOf is { } days && Lowest(body).AddDays(days) < Max ? Lowest(body).AddDays(days) : Max;

        public override Gen<object?> Valid(Body earlier)
        {
            var (low, high) = (Lowest(earlier), Highest(earlier));
            return Gen.Frequency((4, Gen.Int[0, high.DayNumber - low.DayNumber].Select(d => low.AddDays(d))), (1, Gen.OneOf(low, high))).Select(d => (object?)d);
        }

        public override IEnumerable<Mutation> Invalid(Body body)
        {
            yield return new Mutation("far past", DateOnly.MinValue, Name);
            yield return new Mutation("far future", DateOnly.MaxValue, Name);
            yield return new Mutation("the day before the earliest", Lowest(body).AddDays(-1), Name);
            yield return new Mutation("the day after the latest", Highest(body).AddDays(1), Name);
        }
    }

    private sealed record EnumField<T>(string Name, bool Nullable, T[] Allowed) : Field(Name) where T : struct, System.Enum
    {
        public override Gen<object?> Valid(Body earlier)
        {
            var value = Gen.OneOf(Allowed).Select(v => (object?)v);
            return Nullable ? value.OrNull(0.3) : value;
        }

        public override IEnumerable<Mutation> Invalid(Body body)
        {
            yield return new Mutation("a number no member has", (T)System.Enum.ToObject(typeof(T), 99), Name);
            foreach (var other in System.Enum.GetValues<T>().Where(v => !Allowed.Contains(v)).Take(2))
            {
                yield return new Mutation($"{other}, which has no deadline", other, Name);
            }
        }
    }

    private sealed record IdField(string Name, bool Required, bool Nullable) : Field(Name)
    {
        public override Gen<object?> Valid(Body earlier)
        {
            var id = Gen.Guid.Where(g => g != Guid.Empty).Select(g => (object?)g);
            return Nullable ? id.OrNull(0.5) : id;
        }

        public override IEnumerable<Mutation> Invalid(Body body) =>
            Required ? [new Mutation("the empty id", Guid.Empty, Name)] : [];
    }

    private sealed record PasswordField(string Name) : Field(Name)
    {
        public override Gen<object?> Valid(Body earlier) => Gen.Int[100_000, 999_999].Select(n => (object?)$"Pw-{n}-整改");

        public override IEnumerable<Mutation> Invalid(Body body) =>
            [new("missing", null, Name), new("empty", "", Name), new("too long (257 characters)", new string('p', 257), Name)];
    }

    private sealed record EmailField(string Name) : Field(Name)
    {
        public override Gen<object?> Valid(Body earlier) => Gen.Int[1, 99_999].Select(n => (object?)$"user{n}@example.gov.cn");

        public override IEnumerable<Mutation> Invalid(Body body) =>
            [new("missing", null, Name), new("blank", "  ", Name), new("without an @", "user.example.gov.cn", Name), new("too long", new string('a', 310) + "@example.cn", Name)];
    }

    private sealed record OneOfField(string Name, string[] Values) : Field(Name)
    {
        public override Gen<object?> Valid(Body earlier) => Gen.OneOf(Values).Select(v => (object?)v);

        public override IEnumerable<Mutation> Invalid(Body body) => [new("missing", null, Name), new("another value", "fr", Name)];
    }

    private sealed record UploadField(string Name) : Field(Name)
    {
        public override Gen<object?> Valid(Body earlier) => Gen.Int[1, 99_999].Select(n => (object?)new TestUpload($"佐证材料{n}.pdf", EvidenceTests.PdfBytes(n)));

        public override IEnumerable<Mutation> Invalid(Body body)
        {
            yield return new Mutation("missing", null, Name);
            yield return new Mutation("a path for a name", new TestUpload("../../etc/passwd.txt", EvidenceTests.PdfBytes(1)), Name);
            yield return new Mutation("no name", new TestUpload("", EvidenceTests.PdfBytes(1)), Name);
        }
    }

    private sealed record ConstantField(string Name, Gen<object?> Values) : Field(Name)
    {
        public override Gen<object?> Valid(Body earlier) => Values;
    }

    private sealed record IdListField(string Name, int? MaxCount, bool Nullable) : Field(Name)
    {
        public override Gen<object?> Valid(Body earlier)
        {
            var list = Gen.Guid.List[0, 3].Select(l => (object?)l);
            return Nullable ? list.OrNull(0.3) : list;
        }

        public override IEnumerable<Mutation> Invalid(Body body) =>
            MaxCount is { } max ? [new Mutation($"{max + 1} entries", Enumerable.Range(0, max + 1).Select(_ => Guid.NewGuid()).ToList(), Name)] : [];
    }

    /// <summary>A list of records (evidence, line comments): too many of them, or one field of the first made wrong, named by its index.</summary>
    private sealed record RecordListField(string Name, Type ItemType, int? MaxCount, Field[] Item) : Field(Name)
    {
        public override Gen<object?> Valid(Body earlier) =>
            ItemBody().List[1, 3].Select(items => (object?)ToList(items.Select(Build)));

        public Gen<Body> ItemBody() => CommandSpec.BodyOf(Item);

        private object Build(Body item) => CommandSpec.Construct(ItemType, item);

        private IList ToList(IEnumerable<object> items)
        {
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(ItemType))!;
            foreach (var item in items)
            {
                list.Add(item);
            }

            return list;
        }

        public override IEnumerable<Mutation> Invalid(Body body)
        {
            var items = ((IEnumerable)body[Name]!).Cast<object>().ToList();
            var first = CommandSpec.Deconstruct(items[0]);
            if (MaxCount is { } max)
            {
                yield return new Mutation($"{max + 1} entries", ToList(Enumerable.Repeat(items[0], max + 1)), Name);
            }

            foreach (var field in Item)
            {
                foreach (var wrong in field.Invalid(first))
                {
                    var changed = Build(first.With(field.Name, wrong.Value));
                    yield return new Mutation($"first entry's {field.Name}: {wrong.What}", ToList(items.Skip(1).Prepend(changed)), $"{Name}[0].{wrong.Path}");
                }
            }
        }
    }
}

/// <summary>The fields of one command, in its constructor's order, and the mutations that only make sense for the whole body.</summary>
public sealed record CommandSpec(Type Command, IReadOnlyList<Field> Fields)
{
    public Func<Body, bool> Consistent { get; init; } = _ => true;

    public IReadOnlyList<Func<Body, Mutation?>> Extra { get; init; } = [];

    public Gen<object> Valid => BodyOf(Fields).Where(Consistent).Select(b => Construct(Command, b));

    public static Gen<Body> BodyOf(IReadOnlyList<Field> fields)
    {
        var gen = Gen.Const(new Body());
        foreach (var field in fields)
        {
            gen = gen.SelectMany(body => field.Valid(body).Select(value => body.With(field.Name, value)));
        }

        return gen;
    }

    public IEnumerable<Mutation> Mutations(Body body) =>
        Fields.SelectMany(f => f.Invalid(body)).Concat(Extra.Select(e => e(body)).OfType<Mutation>());

    public IReadOnlyList<string> AllowedAlongside(string path) =>
        Fields.FirstOrDefault(f => f.Name == path)?.Dependents ?? [];

    public static ConstructorInfo ConstructorOf(Type type) =>
        type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();

    public static object Construct(Type type, Body body)
    {
        var constructor = ConstructorOf(type);
        return constructor.Invoke(constructor.GetParameters().Select(p => body.TryGetValue(p.Name!, out var v) ? v : p.DefaultValue).ToArray());
    }

    public static Body Deconstruct(object value)
    {
        var body = new Body();
        foreach (var parameter in ConstructorOf(value.GetType()).GetParameters())
        {
            body[parameter.Name!] = value.GetType().GetProperty(parameter.Name!)!.GetValue(value);
        }

        return body;
    }
}
