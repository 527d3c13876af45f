namespace Rectification.Web.Pages;

/// <summary>The pages' one stylesheet, served from the host itself (the page policy allows styles from 'self' only).</summary>
public static class UiStyles
{
    public const string Path = "/ui.css";

    public const string Css = """
        body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", system-ui, sans-serif; margin: 0; color: #222; background: #f7f7f5; }
        header { display: flex; justify-content: space-between; align-items: center; padding: .6rem 1.2rem; background: #a4161a; color: #fff; }
        header a { color: #fff; text-decoration: none; }
        .brand { font-weight: bold; font-size: 1.1rem; }
        nav { display: flex; gap: .8rem; align-items: center; }
        form.inline { display: inline; }
        main { padding: 1rem 1.2rem; }
        table { border-collapse: collapse; width: 100%; background: #fff; }
        th, td { border: 1px solid #ddd; padding: .35rem .5rem; text-align: left; font-size: .92rem; }
        th { background: #eee; }
        .light { display: inline-block; padding: 0 .5rem; border-radius: .6rem; color: #fff; }
        .light-red { background: #c62828; } .light-yellow { background: #f9a825; color: #222; } .light-green { background: #2e7d32; } .light-none { color: #888; }
        .sign-in { max-width: 22rem; margin: 3rem auto; background: #fff; padding: 1.5rem; border: 1px solid #ddd; }
        .sign-in label { display: block; margin: .6rem 0; } .sign-in input { width: 100%; box-sizing: border-box; padding: .4rem; }
        .error { color: #c62828; }
        .total { margin-left: 1rem; color: #555; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; }
        dt { font-weight: bold; }
        """;
}
