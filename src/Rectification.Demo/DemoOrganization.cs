using Rectification.Domain.Organization;

namespace Rectification.Demo;

/// <summary>The city-level accounts: the inspection office and groups, the supervising bodies, leadership, the administrator.</summary>
internal sealed record DemoDesk(UserAccount Office, UserAccount Group, UserAccount Discipline, UserAccount Organization, UserAccount Leadership, UserAccount Admin);

/// <summary>
/// An inspectable unit with the people who act for it: its own leader and liaison, and its district's
/// discipline commission and organization department, who screen, sign and take clues for it.
/// </summary>
internal sealed record DemoTarget(Unit Unit, Unit District, bool InCounty, string LeaderName, string LeaderTitle,
    UserAccount Leader, UserAccount Liaison, UserAccount Discipline, UserAccount Organization);

internal sealed record DemoOrganization(Unit Root, IReadOnlyList<Unit> Units, IReadOnlyList<UserAccount> Users, DemoDesk City, IReadOnlyList<DemoTarget> Targets)
{
    /// <summary>
    /// The same city with the units as CreateUnit saved them (their ids are the handler's): every user and target points at
    /// the saved unit of the same place.
    /// </summary>
    public DemoOrganization WithUnits(IReadOnlyDictionary<Guid, Guid> ids, IReadOnlyDictionary<Guid, Unit> saved)
    {
        Unit UnitOf(Unit planned) => saved[ids[planned.Id]];
        var users = Users.ToDictionary(u => u.Id,
            u => u.UnitId == Root.Id ? u : UserAccount.Create(u.Id, u.UserName, u.DisplayName, u.Email, u.Role, ids[u.UnitId], u.PreferredLanguage));
        UserAccount UserOf(UserAccount planned) => users[planned.Id];
        var city = new DemoDesk(UserOf(City.Office), UserOf(City.Group), UserOf(City.Discipline), UserOf(City.Organization), UserOf(City.Leadership), UserOf(City.Admin));
        var targets = Targets.Select(t => t with
        {
            Unit = UnitOf(t.Unit), District = UnitOf(t.District), Leader = UserOf(t.Leader), Liaison = UserOf(t.Liaison),
            Discipline = UserOf(t.Discipline), Organization = UserOf(t.Organization),
        }).ToList();
        return new DemoOrganization(UnitOf(Root), Units.Select(UnitOf).ToList(), Users.Select(UserOf).ToList(), city, targets);
    }
}

/// <summary>
/// Builds a fictional city, 西明市 (code XM), with eight districts and counties and about ten units under each.
/// Fictional on purpose: the demo attributes misconduct to units, which must not read as a claim about a real body.
/// </summary>
internal sealed class DemoOrganizationBuilder(DemoRandom random, DateTime createdAt)
{
    public const string RootCode = "XM";
    public const string EmailDomain = "demo.rectification.local";

    private static readonly (string Code, string Name, bool County)[] Districts =
    [
        ("SM", "思明区", false), ("HB", "湖滨区", false), ("JB", "江北区", false), ("HX", "海新区", false),
        ("LJ", "临江区", false), ("TX", "同兴县", true), ("QS", "青山县", true), ("YT", "云台县", true),
    ];

    private static readonly string[] Bureaus =
    [
        "发展和改革局", "财政局", "教育局", "卫生健康局", "自然资源局", "住房和城乡建设局", "农业农村局", "市场监督管理局",
        "民政局", "人力资源和社会保障局", "交通运输局", "水利局", "文化和旅游局", "应急管理局", "城市管理局", "审计局",
    ];

    private static readonly string[] Streets = ["城东", "城西", "滨海", "莲花", "金山", "新桥", "江头", "梧桐", "嘉禾", "鹭港", "白鹭", "湖畔"];
    private static readonly string[] Towns = ["城关", "马坪", "石门", "白沙", "青石", "柳溪", "桃源", "龙泉", "清水", "凤凰", "大坪", "溪口"];
    private static readonly string[] Villages = ["后坑", "东坑", "上李", "下洋", "岭头", "溪边", "田中", "湖头", "山后", "林前", "坂头", "新厝"];
    private static readonly string[] Communities = ["莲坂", "东渡", "湖光", "滨北", "松柏", "振兴", "新村", "槟榔", "仙岳", "金鸡亭"];
    private static readonly string[] Enterprises = ["城市建设投资集团有限公司", "国有资产投资经营有限公司", "水务集团有限公司", "交通发展集团有限公司", "文旅发展集团有限公司"];
    private static readonly string[] Hospitals = ["人民医院", "中医院", "妇幼保健院", "第二医院"];

    private readonly List<Unit> units = [];
    private readonly List<UserAccount> users = [];
    private readonly List<DemoTarget> targets = [];

    public DemoOrganization Build()
    {
        var root = AddUnit(RootCode, "西明市", UnitLevel.City, null);
        var city = new DemoDesk(
            AddUser("office", "市委巡察办", Role.InspectionOffice, root),
            AddUser("group", "市委第一巡察组", Role.InspectionGroup, root),
            AddUser("discipline", "市纪委监委", Role.DisciplineCommission, root),
            AddUser("organization", "市委组织部", Role.OrganizationDepartment, root),
            AddUser("leader", "市委领导", Role.Leadership, root),
            AddUser("admin", "系统管理员", Role.Administrator, root));

        foreach (var (code, name, county) in Districts)
        {
            AddDistrict(root, code, name, county);
        }

        return new DemoOrganization(root, units, users, city, targets);
    }

    private void AddDistrict(Unit root, string code, string name, bool county)
    {
        var district = AddUnit($"{root.Code}-{code}", name, UnitLevel.County, root);
        var discipline = AddUser(null, $"{name}纪委监委", Role.DisciplineCommission, district);
        var organization = AddUser(null, $"{name}委组织部", Role.OrganizationDepartment, district);
        // The district's own leader and liaison see everything below them, as a higher authority (上级主管部门) does.
        AddUser(null, $"{name}委主要负责人", Role.UnitLeader, district);
        AddUser(null, $"{name}委整改联络员", Role.UnitLiaison, district);

        var number = 0;
        foreach (var (unitName, level, title) in UnitsOf(name, county))
        {
            var unit = AddUnit($"{district.Code}-{++number:000}", unitName, level, district);
            var leaderName = DemoNames.Person(random);
            var leader = AddUser(null, $"{unitName}{title}", Role.UnitLeader, unit, leaderName);
            var liaison = AddUser(null, $"{unitName}整改联络员", Role.UnitLiaison, unit);
            targets.Add(new DemoTarget(unit, district, county, leaderName, title, leader, liaison, discipline, organization));
        }
    }

    /// <summary>Four to six bureaus, two townships (streets in a district, towns in a county), an enterprise, a hospital and two villages.</summary>
    private IEnumerable<(string Name, UnitLevel Level, string LeaderTitle)> UnitsOf(string district, bool county)
    {
        foreach (var bureau in random.Sample(Bureaus, random.Between(4, 6)))
        {
            yield return ($"{district}{bureau}", UnitLevel.Bureau, "党组书记、局长");
        }

        var townships = random.Sample(county ? Towns : Streets, 2);
        foreach (var township in townships)
        {
            yield return county
                ? ($"{district}{township}镇", UnitLevel.Township, "镇党委书记")
                : ($"{district}{township}街道", UnitLevel.Township, "街道党工委书记");
        }

        yield return ($"{district}{random.Pick(Enterprises)}", UnitLevel.Enterprise, "党委书记、董事长");
        yield return ($"{district}{random.Pick(Hospitals)}", UnitLevel.Institution, "党委书记");

        foreach (var village in random.Sample(county ? Villages : Communities, 2))
        {
            var township = random.Pick(townships);
            yield return county
                ? ($"{district}{township}镇{village}村", UnitLevel.Village, "村党支部书记、村委会主任")
                : ($"{district}{township}街道{village}社区", UnitLevel.Village, "社区党委书记、居委会主任");
        }
    }

    private Unit AddUnit(string code, string name, UnitLevel level, Unit? parent)
    {
        var unit = Unit.Create(random.NewId(createdAt), code, name, level, parent);
        units.Add(unit);
        return unit;
    }

    /// <summary>
    /// Demo logins: fixed names at city level, and otherwise the unit code plus the role
    /// (xm-sm-001-leader, xm-sm-001-liaison, xm-sm-discipline, xm-sm-organization).
    /// </summary>
    private UserAccount AddUser(string? userName, string post, Role role, Unit unit, string? person = null)
    {
        userName ??= $"{unit.Code.ToLowerInvariant()}-{RoleSuffix(role)}";
        var displayName = $"{person ?? DemoNames.Person(random)}（{post}）";
        var user = UserAccount.Create(random.NewId(createdAt), userName, displayName, $"{userName}@{EmailDomain}", role, unit.Id, "zh-CN");
        users.Add(user);
        return user;
    }

    private static string RoleSuffix(Role role) => role switch
    {
        Role.UnitLeader => "leader",
        Role.UnitLiaison => "liaison",
        Role.DisciplineCommission => "discipline",
        Role.OrganizationDepartment => "organization",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "No demo login pattern for this role below city level."),
    };
}

internal static class DemoNames
{
    private static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高",
        "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "潘", "袁", "蔡", "蒋", "叶",
    ];

    private static readonly string[] GivenNames =
    [
        "建国", "志强", "海燕", "丽华", "文斌", "晓东", "春梅", "国庆", "明辉", "伟", "敏", "静", "军", "磊", "洋", "勇", "艳",
        "杰", "娟", "涛", "超", "秀英", "霞", "平", "刚", "建华", "玉兰", "振华", "立新", "卫东", "红梅", "俊杰", "晓燕", "思远",
        "志明", "雅琴", "国栋", "文华", "宏伟", "丽娜", "海涛", "永红", "建平", "淑芬", "春生", "金龙",
    ];

    public static string Person(DemoRandom random) => random.Pick(Surnames) + random.Pick(GivenNames);
}
