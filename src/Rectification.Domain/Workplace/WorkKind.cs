namespace Rectification.Domain.Workplace;

/// <summary>What waits for a user on the my-tasks page (我的待办): the next step of an item that this user's role takes.</summary>
public enum WorkKind
{
    SignReceipt,
    DraftPlan,
    RevisePlan,
    ScreenPlan,
    FeedBack,
    ReportProgress,
    SubmitForReview,
    SignOff,
    CloseProblem,
    ReminderTalk,
    DecideExtension,
}
