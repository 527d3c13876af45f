using Microsoft.Extensions.Logging;
using MimeKit;

namespace Rectification.Infrastructure.Email;

/// <summary>
/// Writes each message as an .eml file into a pickup folder (development, or a mail server that collects from a
/// folder). The file is named after the Message-ID, so a resend replaces the file instead of adding a second one.
/// </summary>
public sealed class PickupMailTransport(EmailPaths paths, ILogger<PickupMailTransport> logger) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var folder = paths.PickupFolder;
        Directory.CreateDirectory(folder);
        var name = message.MessageId is { Length: > 0 } id ? FileNameFor(id) : Guid.NewGuid().ToString("N");
        var target = Path.Combine(folder, name + ".eml");
        // Written under another name and renamed: a collector polling the folder never sees half a message.
        var partial = Path.Combine(folder, $".{name}.{Guid.NewGuid():N}.tmp");
        try
        {
            await message.WriteToAsync(partial, cancellationToken);
            File.Move(partial, target, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }

        logger.LogDebug("Wrote {File} for {Recipients}", target, message.To.ToString());
    }

    private static string FileNameFor(string messageId)
    {
        var invalid = Path.GetInvalidFileNameChars();
        return new string(messageId.Select(c => invalid.Contains(c) || c is '<' or '>' or ':' or '*' or '?' or '"' or '|' or '\\' ? '_' : c).ToArray());
    }
}
