using System.Globalization;
using Mediator;
using Rectification.Application.Localization;
using Rectification.Application.Problems;
using Rectification.Application.Receipts;
using Rectification.Domain.Common;
using Rectification.Web.Http;

namespace Rectification.Web.Endpoints;

/// <summary>
/// Several problems signed or closed, several receipts acknowledged, in one request: each item is its own command (its own rules, its own
/// transaction with its audit entry and notifications), and the answer gives each item's outcome, as the item alone would have had it.
/// </summary>
public static class BulkEndpoints
{
    public const int MaxItems = 200;

    public static RouteGroupBuilder MapBulk(this RouteGroupBuilder api)
    {
        api.MapPost("/problems/bulk/sign-off", (BulkSignOffBody b, ISender s, CancellationToken ct) =>
            RunAsync(b.Items, i => i.ProblemId, i => new SignOffProblem(i.ProblemId, i.Approve, i.Comment, i.ExpectedVersion), s, ct)).WithTags("Problems");
        api.MapPost("/problems/bulk/close", (BulkCloseBody b, ISender s, CancellationToken ct) =>
            RunAsync(b.Items, i => i.ProblemId, i => new CloseProblem(i.ProblemId, i.ExpectedVersion), s, ct)).WithTags("Problems");
        api.MapPost("/receipts/bulk/acknowledge", (BulkAcknowledgeBody b, ISender s, CancellationToken ct) =>
            RunAsync(b.ReceiptIds, id => id, id => new AcknowledgeReceipt(id), s, ct)).WithTags("Receipts");
        return api;
    }

    private static async Task<IResult> RunAsync<TItem, TValue>(IReadOnlyList<TItem>? items, Func<TItem, Guid> idOf, Func<TItem, Application.Messaging.IAppCommand<TValue>> command,
        ISender sender, CancellationToken ct)
    {
        if (items is not { Count: > 0 } || items.Count > MaxItems)
        {
            return ResultMapping.ToProblem(new Error(ErrorKind.Validation, "bulk.item-count", new Dictionary<string, object?> { ["max"] = MaxItems })
            {
                FieldErrors = new Dictionary<string, string[]> { ["items"] = [$"between 1 and {MaxItems} items"] },
            });
        }

        var culture = CultureInfo.CurrentUICulture;
        var results = new List<BulkItemResult>();
        foreach (var item in items)
        {
            var result = await sender.Send(command(item), ct);
            results.Add(result.IsSuccess
                ? new BulkItemResult(idOf(item), StatusCodes.Status200OK, result.Value, null)
                : new BulkItemResult(idOf(item), ResultMapping.StatusOf(result.Error!), null,
                    new BulkItemError(result.Error!.Code, Messages.Format(result.Error, culture),
                        result.Error.FieldErrors.ToDictionary(kv => Application.Messaging.FieldNames.Json(kv.Key), kv => kv.Value))));
        }

        return Results.Ok(new BulkResult(results.Count(r => r.Error is null), results.Count(r => r.Error is not null), results));
    }
}

public sealed record BulkSignOffItem(Guid ProblemId, bool Approve, string? Comment, long? ExpectedVersion);
public sealed record BulkSignOffBody(IReadOnlyList<BulkSignOffItem>? Items);
public sealed record BulkCloseItem(Guid ProblemId, long? ExpectedVersion);
public sealed record BulkCloseBody(IReadOnlyList<BulkCloseItem>? Items);
public sealed record BulkAcknowledgeBody(IReadOnlyList<Guid>? ReceiptIds);

/// <summary>One item's outcome: the status it would have answered alone, and the resource or the refusal.</summary>
public sealed record BulkItemResult(Guid Id, int Status, object? Value, BulkItemError? Error);

public sealed record BulkItemError(string Code, string Detail, IReadOnlyDictionary<string, string[]> Errors);

public sealed record BulkResult(int Succeeded, int Refused, IReadOnlyList<BulkItemResult> Items);
