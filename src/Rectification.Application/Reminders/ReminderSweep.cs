using Rectification.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Rectification.Application.Abstractions;
using Rectification.Application.Behaviors;
using Rectification.Application.Messaging;
using Rectification.Domain.Organization;
using Rectification.Domain.Reminders;

namespace Rectification.Application.Reminders;

public sealed record SweepReport(int StepsTaken, int StepsSkipped, int Messages, int TasksOpened, int Conflicts);

/// <summary>
/// The one recurring job that chases every deadline. For each ladder step it selects, with an indexed query,
/// the running cases whose due date puts the step at or before today and for which (case, step, due date) is not
/// recorded yet; each batch records the steps, writes their messages to the outbox and opens their tasks in one
/// transaction. A scheduler that was down for hours catches up in one sweep with one message per step; two
/// servers sweeping at once collide on the unique key, and the loser's batch is rolled back and re-selected.
/// </summary>
public sealed class ReminderSweep(IAppDbContext db, IReminderCatalog reminders, IVisibilityCatalog visibility, TimeProvider clock, WorkingCalendar calendar,
    AtomicSave save, ILogger<ReminderSweep> log)
{
    /// <summary>Cases recorded per write transaction: small enough that a command waits at most a few milliseconds for the write lock.</summary>
    public const int DefaultBatchSize = 50;

    /// <summary>Due cases selected at once; bounds the sweep's memory when a scheduler that was down catches up.</summary>
    public const int SelectionWindow = 5_000;

    public async Task<SweepReport> RunAsync(int batchSize = DefaultBatchSize, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = OfficeTime.DayOf(now);
        var directory = await RecipientDirectory.LoadAsync(db, today, ct);
        var report = new SweepReport(0, 0, 0, 0, 0);
        foreach (var ladder in reminders.Settings.AllLadders)
        {
            foreach (var step in ladder.Steps)
            {
                report = await SweepStepAsync(ladder, step, directory, now, batchSize, report, ct);
            }
        }

        if (report.StepsTaken + report.StepsSkipped > 0)
        {
            log.LogInformation("Reminder sweep took {Taken} steps, skipped {Skipped}, wrote {Messages} messages, opened {Tasks} tasks ({Conflicts} batches lost to another server)",
                report.StepsTaken, report.StepsSkipped, report.Messages, report.TasksOpened, report.Conflicts);
        }

        return report;
    }

    private async Task<SweepReport> SweepStepAsync(ReminderLadder ladder, ReminderStepDefinition step, RecipientDirectory directory, DateTime now,
        int batchSize, SweepReport report, CancellationToken ct)
    {
        var today = OfficeTime.DayOf(now);
        var latestDue = step.LatestDueDateFiringBy(today);
        while (true)
        {
            // One selection feeds many small write transactions: selecting per batch would sort the due cases again
            // for every batch, and one big transaction would hold the (SQLite) write lock for the whole window.
            var window = await DueCases.Query(db, ladder, step.Name, latestDue).Take(SelectionWindow).ToListAsync(ct);
            if (window.Count == 0)
            {
                return report;
            }

            foreach (var batch in window.Chunk(batchSize))
            {
                var outcome = Record(ladder, step, batch, directory, now, today);
                if (!await SaveBatchAsync(ct))
                {
                    // Another server took some of these steps first: what is left of the window is stale, select again.
                    report = report with { Conflicts = report.Conflicts + 1 };
                    break;
                }

                report = report with
                {
                    StepsTaken = report.StepsTaken + outcome.Taken, StepsSkipped = report.StepsSkipped + outcome.Skipped,
                    Messages = report.Messages + outcome.Messages, TasksOpened = report.TasksOpened + outcome.Tasks,
                };
            }
        }
    }

    private (int Taken, int Skipped, int Messages, int Tasks) Record(ReminderLadder ladder, ReminderStepDefinition step, DueCase[] batch,
        RecipientDirectory directory, DateTime now, DateOnly today)
    {
        var (taken, skipped, messages, tasks) = (0, 0, 0, 0);
        foreach (var due in batch)
        {
            if (step.IsBeforeDue && due.Due < today)
            {
                db.ReminderSteps.Add(ReminderStepRecord.Take(ladder.Lifecycle, due.Id, due.UnitId, step.Name, due.Due, now, skipped: true));
                skipped++;
                continue;
            }

            messages += Notify(ladder, step, due, directory, now, today);
            if (step.Task is not null)
            {
                db.Tasks.Add(SupervisionTask.Open(Enum.Parse<SupervisionTaskKind>(step.Task), ladder.Lifecycle, due.Id, due.UnitId, Role.UnitLeader, today.AddDays(7), now));
                tasks++;
            }

            if (step.RequiresReceipt && Receipts.ReceiptIssuer.Make(reminders, calendar, Domain.Receipts.ReceiptKind.Escalation, ladder.Lifecycle, due.Id,
                    due.UnitId, step.Name, now) is { } receipt)
            {
                db.Receipts.Add(receipt);
            }

            db.ReminderSteps.Add(ReminderStepRecord.Take(ladder.Lifecycle, due.Id, due.UnitId, step.Name, due.Due, now, skipped: false));
            taken++;
        }

        return (taken, skipped, messages, tasks);
    }

    private int Notify(ReminderLadder ladder, ReminderStepDefinition step, DueCase due, RecipientDirectory directory, DateTime now, DateOnly today)
    {
        var model = new MailModel(ladder.Lifecycle, due.Id, due.UnitId)
        {
            Step = step.Name, Due = due.Due, DaysOverdue = TrafficLights.DaysOverdue(due.Due, today, running: true),
        };
        var written = 0;
        var seen = new HashSet<Guid>();
        foreach (var spec in step.To)
        {
            var users = directory.Resolve(spec, due.UnitId, visibility.Rules, ladder.SubjectKind);
            if (users.Count == 0)
            {
                log.LogWarning("Reminder step {Step} of {Lifecycle} {CaseId}: nobody holds role {Role} ({Scope})", step.Name, ladder.Lifecycle, due.Id, spec.Role, spec.Scope);
            }

            foreach (var user in users.Where(u => seen.Add(u.Id)))
            {
                db.Queue(model, step.Name, step.Template, spec, user, now);
                written++;
            }
        }

        return written;
    }

    /// <summary>Saves one batch atomically; false when another server recorded some of its steps first (or won a deadlock over them).</summary>
    private async Task<bool> SaveBatchAsync(CancellationToken ct)
    {
        var saved = (await save.SaveAsync(ct)).Saved;
        // The batch's rows are not read again: keep the change tracker from growing over a long catch-up.
        db.ChangeTracker.Clear();
        if (saved)
        {
            return true;
        }

        // Two servers inserting the same (case, step) keys in different orders can deadlock instead of colliding; either way the
        // other server's batch stands and this one selects again.
        log.LogInformation("Reminder batch lost to a concurrent sweep; selecting again");
        return false;
    }
}
