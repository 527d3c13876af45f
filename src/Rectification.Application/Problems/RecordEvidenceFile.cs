using System.Globalization;
using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Rectification.Application.Abstractions;
using Rectification.Application.Localization;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;
using Rectification.Domain.Problems;

namespace Rectification.Application.Problems;

/// <summary>
/// Stores an uploaded evidence file (佐证材料) of a problem: checked by its content, kept under a name made from its id with its
/// SHA-256, and recorded (name, detected type, size, hash) in the same transaction as its audit entry. The host only reads the
/// form; field errors name the form's field, <c>file</c>.
/// </summary>
[AllowedRoles(Role.UnitLiaison, Role.UnitLeader)]
public sealed record RecordEvidenceFile(Guid ProblemId, [property: JsonIgnore] IUploadedFile? File) : IAppCommand<EvidenceFileDto>, IScoped
{
    /// <summary>The form field of the file, as the client names it (and as <see cref="FieldNames"/> names <see cref="File"/>).</summary>
    public const string FileField = "file";

    public ScopeTarget Target => new(TargetKind.Problem, ProblemId);

    /// <summary>What was received and recorded, set by the handler: the audit entry's payload then says which bytes (their SHA-256) it was.</summary>
    public ReceivedFile? Received { get; internal set; }
}

public sealed record ReceivedFile(Guid FileId, string FileName, string ContentType, long Length, string Sha256);

/// <summary>The refusals of an upload, by the message catalog's codes; the host answers those of the content with 415 and a file too large with 413.</summary>
public static class EvidenceRefusals
{
    public const string NoFile = "evidence.no-file";
    public const string NameInvalid = "evidence.name-invalid";
    public const string TooLarge = "evidence.too-large";
    public const string PackageTooLarge = "evidence.package-too-large";

    public static readonly IReadOnlySet<string> OfContent = new HashSet<string>(StringComparer.Ordinal)
    {
        "evidence.type-not-allowed", "evidence.active-content", "evidence.external-reference", PackageTooLarge, "evidence.package-malformed", "evidence.active-markup",
    };

    /// <summary>The refusal as a field error on <c>file</c>, in the user's language, keeping its own code and arguments.</summary>
    public static Error Refusal(string code, params (string Key, object? Value)[] args)
    {
        var values = args.ToDictionary(a => a.Key, a => a.Value);
        return new Error(ErrorKind.Validation, code, values)
        {
            FieldErrors = new Dictionary<string, string[]> { [RecordEvidenceFile.FileField] = [Messages.Format(code, values, CultureInfo.CurrentUICulture)] },
        };
    }

    /// <summary>A name quoted back to its sender is cut short: it may be anything a hostile client sends.</summary>
    public static string Shorten(string? text) => text is null ? "" : text.Length > 80 ? text[..80] + "…" : text;
}

public sealed class RecordEvidenceFileValidator : AbstractValidator<RecordEvidenceFile>
{
    private static readonly IReadOnlyDictionary<string, object?> NoArguments = new Dictionary<string, object?>();

    public RecordEvidenceFileValidator()
    {
        RuleFor(c => c.File).NotNull()
            .WithErrorCode(EvidenceRefusals.NoFile)
            .WithMessage(_ => Messages.Format(EvidenceRefusals.NoFile, NoArguments, CultureInfo.CurrentUICulture));
        // A name that tries to be a path is refused, not guessed at: a client that sends one is broken or hostile.
        RuleFor(c => c.File).Must(f => EvidenceFileName.Sanitize(f!.GivenName) is not null).When(c => c.File is not null)
            .WithErrorCode(EvidenceRefusals.NameInvalid)
            .WithState(c => NameArguments(c.File!))
            .WithMessage(c => Messages.Format(EvidenceRefusals.NameInvalid, NameArguments(c.File!), CultureInfo.CurrentUICulture));
    }

    private static IReadOnlyDictionary<string, object?> NameArguments(IUploadedFile file) =>
        new Dictionary<string, object?> { ["name"] = EvidenceRefusals.Shorten(file.GivenName) };
}

public sealed class RecordEvidenceFileHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock, IEvidenceStore store, ILogger<RecordEvidenceFileHandler> log)
    : ICommandHandler<RecordEvidenceFile, Result<EvidenceFileDto>>
{
    public async ValueTask<Result<EvidenceFileDto>> Handle(RecordEvidenceFile command, CancellationToken ct)
    {
        var upload = command.File!;
        var name = EvidenceFileName.Sanitize(upload.GivenName)!;
        using var received = await ReceiveAsync(upload, ct);
        if (received is null)
        {
            return Refuse(command, EvidenceRefusals.NoFile);
        }

        if (received.TooLarge)
        {
            return Refuse(command, EvidenceRefusals.TooLarge, ("limit", store.Limits.MaxFileBytes));
        }

        if (!await upload.IsOnlyFileAsync(ct))
        {
            // One file per upload, so each gets its own audit entry and nothing is half-accepted.
            return Refuse(command, EvidenceRefusals.NoFile);
        }

        if (received.ContentType is not { } contentType)
        {
            log.LogWarning("The content of {Name} uploaded to problem {Problem} is refused: {Reason}", name, command.ProblemId, received.RefusalReason);
            var code = received.RefusalCode!;
            return code == EvidenceRefusals.PackageTooLarge
                ? Refuse(command, code, ("name", name), ("maxEntries", store.Limits.MaxPackageEntries), ("maxBytes", store.Limits.MaxUnpackedBytes))
                : Refuse(command, code, ("name", name));
        }

        var unitId = await db.Problems.Where(p => p.Id == command.ProblemId).Select(p => p.UnitId).FirstAsync(ct);
        var fileId = Guid.CreateVersion7();
        received.Keep(fileId);
        var file = EvidenceFile.Record(fileId, command.ProblemId, unitId, name, contentType, received.Length, received.Sha256,
            EvidenceFile.StoredNameFor(fileId), clock.GetUtcNow().UtcDateTime, user.UserId ?? Guid.Empty);
        db.EvidenceFiles.Add(file);
        command.Received = new ReceivedFile(fileId, name, contentType, received.Length, received.Sha256);
        return EvidenceFileDto.From(file);
    }

    /// <summary>The file received into the store, or null when the form turned out malformed while it was read.</summary>
    private async Task<IReceivedEvidence?> ReceiveAsync(IUploadedFile upload, CancellationToken ct)
    {
        try
        {
            return await store.ReceiveAsync(upload.Content, ct);
        }
        catch (UnreadableUploadException e)
        {
            log.LogInformation("An evidence upload's form could not be read: {Reason}", e.InnerException?.Message ?? e.Message);
            return null;
        }
    }

    private Error Refuse(RecordEvidenceFile command, string code, params (string Key, object? Value)[] args)
    {
        log.LogWarning("Refused an evidence upload to problem {Problem}: {Code} {Args}", command.ProblemId, code, string.Join(", ", args.Select(a => $"{a.Key}={a.Value}")));
        return EvidenceRefusals.Refusal(code, args);
    }
}
