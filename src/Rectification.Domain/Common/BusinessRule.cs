namespace Rectification.Domain.Common;

/// <summary>A named domain rule; a broken rule is an expected outcome (409), never an exception.</summary>
public interface IBusinessRule
{
    string Code { get; }
    bool IsBroken();
    IReadOnlyDictionary<string, object?> Args { get; }
}

public static class Rules
{
    public static Error? Check(params IBusinessRule[] rules)
    {
        foreach (var rule in rules)
        {
            if (rule.IsBroken())
            {
                return new Error(ErrorKind.RuleBroken, rule.Code, rule.Args);
            }
        }

        return null;
    }
}
