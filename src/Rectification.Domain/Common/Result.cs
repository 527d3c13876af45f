namespace Rectification.Domain.Common;

/// <summary>Lets generic pipeline behaviors build a failed response of any result type without reflection.</summary>
public interface IResult<TSelf> where TSelf : IResult<TSelf>
{
    bool IsSuccess { get; }
    Error? Error { get; }
    static abstract TSelf Fail(Error error);
}

public readonly record struct Unit
{
    public static readonly Unit Value;
}

public sealed class Result<T> : IResult<Result<T>>
{
    private readonly T? value;

    private Result(T? value, Error? error)
    {
        this.value = value;
        Error = error;
    }

    public bool IsSuccess => Error is null;
    public Error? Error { get; }
    public T Value => IsSuccess ? value! : throw new InvalidOperationException($"Result failed with {Error!.Code}; there is no value.");

    public static Result<T> Ok(T value) => new(value, null);
    public static Result<T> Fail(Error error) => new(default, error);

    public static implicit operator Result<T>(T value) => Ok(value);
    public static implicit operator Result<T>(Error error) => Fail(error);
}
