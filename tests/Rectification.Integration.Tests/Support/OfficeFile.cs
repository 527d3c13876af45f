using System.IO.Compression;
using System.Text;

namespace Rectification.Integration.Tests;

/// <summary>
/// A Word or Excel package written entry by entry, the way a hostile or careless tool might: the parts Office needs, plus
/// whatever a test adds (a content type, a relationship of the main part, an entry, the same entry twice, megabytes of zeros
/// streamed), in the order added.
/// </summary>
public sealed class OfficeFile
{
    public const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    public const string OfficeRelationships = "http://schemas.microsoft.com/office/2006/relationships/";

    private readonly string mainPart;
    private readonly string mainType;
    private readonly string mainXml;
    private readonly List<string> types = [];
    private readonly List<string> relationships = [];
    private readonly List<(string Name, Action<Stream> Write)> entries = [];

    private OfficeFile(string mainPart, string mainType, string mainXml) => (this.mainPart, this.mainType, this.mainXml) = (mainPart, mainType, mainXml);

    public static OfficeFile Word(string text = "整改报告正文") => new("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        $"""<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>""");

    public static OfficeFile Excel() => new("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        """<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>""");

    public OfficeFile WithOverride(string partName, string contentType)
    {
        types.Add($"""<Override PartName="{partName}" ContentType="{contentType}"/>""");
        return this;
    }

    public OfficeFile WithDefault(string extension, string contentType)
    {
        types.Add($"""<Default Extension="{extension}" ContentType="{contentType}"/>""");
        return this;
    }

    /// <summary>A relationship of the main part (word/document.xml or xl/workbook.xml).</summary>
    public OfficeFile WithRelationship(string type, string target, bool external = false)
    {
        relationships.Add($"""<Relationship Id="rIdT{relationships.Count}" Type="{type}" Target="{target}"{(external ? " TargetMode=\"External\"" : "")}/>""");
        return this;
    }

    public OfficeFile WithEntry(string name, byte[] bytes)
    {
        entries.Add((name, s => s.Write(bytes)));
        return this;
    }

    public OfficeFile WithEntry(string name, string text) => WithEntry(name, Encoding.UTF8.GetBytes(text));

    /// <summary>An entry of <paramref name="count"/> zero bytes, written in chunks so a test never holds them all.</summary>
    public OfficeFile WithZeros(string name, long count)
    {
        entries.Add((name, s =>
        {
            var chunk = new byte[64 * 1024];
            for (var left = count; left > 0; left -= chunk.Length)
            {
                s.Write(chunk, 0, (int)Math.Min(chunk.Length, left));
            }
        }));
        return this;
    }

    public byte[] Build()
    {
        var mainRels = $"{Path.GetDirectoryName(mainPart)}/_rels/{Path.GetFileName(mainPart)}.rels";
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml", Text($"""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/{mainPart}" ContentType="{mainType}"/>{string.Concat(types)}</Types>
                """));
            Write(zip, "_rels/.rels", Text($"""<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{Relationships}officeDocument" Target="{mainPart}"/></Relationships>"""));
            Write(zip, mainPart, Text(mainXml));
            Write(zip, mainRels, Text($"""<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{string.Concat(relationships)}</Relationships>"""));
            foreach (var (name, write) in entries)
            {
                Write(zip, name, write);
            }
        }

        return stream.ToArray();
    }

    private static Action<Stream> Text(string text) => s => s.Write(Encoding.UTF8.GetBytes(text));

    private static void Write(ZipArchive zip, string name, Action<Stream> write)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        write(entry);
    }
}
