using Rectification.Domain.Clues;
using Rectification.Domain.Organization;

namespace Rectification.Demo;

internal enum DepartmentKind { Office, Party, Finance, Personnel, Business }

/// <summary>
/// A kind of finding with the words an inspection group uses for it. Details may hold {n}, {m}, {amount}
/// and {year}, filled with plausible figures; Levels limits a theme to the units where it occurs.
/// </summary>
internal sealed record DemoTheme(string Category, DepartmentKind Department, string Basis, double Weight, string[] Titles, string[] Details,
    string[] Measures, UnitLevel[] Levels, double LevelWeight = 0)
{
    public bool AppliesTo(UnitLevel level) => Levels.Length == 0 || Levels.Contains(level);

    /// <summary>A theme meant for a kind of unit weighs more there (hospitals: medical insurance, villages: collective assets).</summary>
    public double WeightFor(UnitLevel level) => Levels.Length > 0 && Levels.Contains(level) && LevelWeight > 0 ? LevelWeight : Weight;
}

internal sealed record DemoClueStory(string Summary, UnitLevel[] Levels);

internal sealed record DemoOutcome(string Summary, int CasesFiled, int PeopleDisciplined, int TransferredToJudicial, bool RecoversMoney, double Weight);

/// <summary>The wording of the demo, patterned on the inspection reports in the domain seeds.</summary>
internal static class DemoTexts
{
    public static readonly DemoTheme[] Themes =
    [
        new("党的领导弱化", DepartmentKind.Party, "《中国共产党章程》《中国共产党党组工作条例》", 12,
            [
                "贯彻落实党中央决策部署和上级党委工作要求不够坚决，重点任务推进缓慢",
                "党组（党委）理论学习中心组学习流于形式，学用结合不紧",
                "“三重一大”事项未严格执行集体决策制度",
                "意识形态工作责任制落实不到位，阵地管理存在薄弱环节",
                "聚焦主责主业不够，推动高质量发展措施不实",
                "落实优化营商环境部署打折扣，政策兑现不及时",
            ],
            [
                "{year}年以来党组会议研究“三重一大”事项{n}项，其中{m}项未经集体讨论即由主要负责人签批。",
                "{year}年理论学习中心组学习{n}次，其中{m}次仅集体诵读文件，未开展研讨交流。",
                "市委部署的{n}项年度重点任务中，有{m}项未按时间节点完成。",
            ],
            ["召开党组（党委）专题会议，深入学习领会上级决策部署，逐项对照查摆", "修订完善“三重一大”决策制度实施细则，明确议事范围和程序", "建立重点任务清单化、项目化推进机制，每月调度通报"],
            []),
        new("全面从严治党责任落实", DepartmentKind.Party, "《党委（党组）落实全面从严治党主体责任规定》", 9,
            [
                "全面从严治党主体责任压得不实，“一岗双责”落实不到位",
                "监督执纪“四种形态”运用不充分，日常监督偏松偏软",
                "廉政风险防控机制不健全，重点岗位轮岗交流不到位",
                "对上级巡视巡察、审计发现问题整改不彻底",
            ],
            [
                "班子成员{year}年度仅{m}人按要求开展廉政谈话，{n}个重点岗位人员任职均超过{m}年未轮岗。",
                "近三年运用第一种形态处理{m}人次，对{n}起苗头性问题未及时提醒纠正。",
            ],
            ["制定全面从严治党主体责任清单，层层签订责任书", "对重点岗位开展廉政风险排查，完成轮岗交流", "建立日常监督台账，常态化开展提醒谈话"],
            []),
        new("落实中央八项规定精神", DepartmentKind.Finance, "《中共中央政治局贯彻落实中央八项规定实施细则》《党政机关厉行节约反对浪费条例》", 12,
            [
                "违规发放津贴补贴",
                "公务接待管理不规范，存在无公函接待、超标准接待",
                "公务用车管理不严，存在公车私用现象",
                "以会议费、培训费名义列支其他费用",
                "违规收受管理服务对象礼品礼金",
                "节假日期间违规发放福利",
            ],
            [
                "{year}年以来以加班补助等名义违规发放津贴补贴{n}人次，共计{amount}万元。",
                "抽查公务接待{n}批次，其中{m}批次无公函、无接待清单，超标准列支{amount}万元。",
                "调阅公务用车派车单和加油记录，发现{m}台车辆在节假日存在{n}次无派车单使用记录。",
            ],
            ["立即清退违规发放的津贴补贴，收缴资金上缴国库", "修订公务接待、公务用车管理办法，严格审批报销", "对相关责任人进行批评教育并责令作出书面检查"],
            []),
        new("作风建设", DepartmentKind.Office, "《关于整治形式主义为基层减负若干规定》《中国共产党纪律处分条例》", 10,
            [
                "形式主义、官僚主义问题仍然存在，文山会海现象突出",
                "服务群众意识不强，群众诉求办理不及时",
                "干部担当作为不够，遇事推诿扯皮",
                "调查研究走过场，解决实际问题不多",
                "工作纪律松弛，上班期间脱岗离岗",
            ],
            [
                "{year}年印发文件{n}件，召开会议{m}次，部分会议以会议落实会议。",
                "12345热线转办件{n}件中有{m}件超期办结，群众满意度偏低。",
                "随机暗访{n}次，发现{m}名干部工作时间脱岗。",
            ],
            ["开展作风纪律专项整顿，建立文件会议精简清单", "完善群众诉求首问负责和限时办结制度", "对脱岗离岗人员进行通报批评"],
            []),
        new("选人用人", DepartmentKind.Personnel, "《党政领导干部选拔任用工作条例》《干部人事档案工作条例》", 10,
            [
                "干部选拔任用程序不规范，动议酝酿不充分",
                "干部档案管理不规范，“三龄两历一身份”认定存在差错",
                "领导干部个人有关事项报告不如实，查核结果处理不到位",
                "超职数配备中层干部",
                "年轻干部培养选拔力度不够，干部队伍结构不优",
                "编外人员招聘管理不规范",
            ],
            [
                "抽查干部档案{n}卷，发现{m}卷存在材料缺失、信息不一致等问题。",
                "{year}年以来提拔调整中层干部{n}名，其中{m}名未按规定进行任前公示。",
                "个人有关事项报告抽查核实中发现{m}人漏报房产、投资等事项，未按规定处理。",
            ],
            ["对照条例逐项规范干部选拔任用程序", "开展干部人事档案专项审核，补齐缺失材料", "对漏报瞒报人员按规定作出处理"],
            []),
        new("基层党组织建设", DepartmentKind.Party, "《中国共产党支部工作条例（试行）》《中国共产党发展党员工作细则》", 10,
            [
                "“三会一课”制度落实不严格，组织生活不规范",
                "发展党员程序不规范",
                "党费收缴、使用和管理不规范",
                "基层党组织换届不及时",
                "民主生活会批评与自我批评“辣味”不足",
            ],
            [
                "抽查{n}个党支部{year}年会议记录，其中{m}个支部未按规定召开支委会和党小组会。",
                "抽查发展党员档案{n}份，{m}份存在培养考察时间不足、政审材料缺失等问题。",
                "{m}名党员未按规定标准足额缴纳党费，少缴{amount}万元。",
            ],
            ["开展“三会一课”落实情况专项检查", "规范发展党员全流程纪实管理", "补缴党费并建立按月收缴台账"],
            []),
        new("财务管理", DepartmentKind.Finance, "《中华人民共和国预算法》《中华人民共和国会计法》《行政事业单位内部控制规范（试行）》", 12,
            [
                "财务报销审核不严，存在白条入账、票据不合规",
                "往来款项长期挂账未及时清理",
                "专项资金使用不规范，存在挤占挪用",
                "预算执行进度缓慢，财政资金沉淀",
                "非税收入未及时足额上缴",
                "内部控制制度不健全，不相容岗位未分离",
            ],
            [
                "抽查{year}年记账凭证{n}份，发现{m}份以白条或不合规票据入账，金额{amount}万元。",
                "截至检查日，往来款项中挂账三年以上{n}笔，金额{amount}万元。",
                "专项资金{amount}万元中有部分用于弥补日常公用经费。",
            ],
            ["对不合规票据逐笔核查，补齐手续或追回资金", "开展往来款项清理，分类处置长期挂账", "修订财务报销和内部控制制度，落实不相容岗位分离"],
            []),
        new("工程建设与政府采购", DepartmentKind.Business, "《中华人民共和国招标投标法》《中华人民共和国政府采购法》", 7,
            [
                "工程项目未按规定公开招标",
                "化整为零规避政府采购",
                "工程变更签证管理不规范，结算审核把关不严",
                "项目竣工验收和决算滞后",
            ],
            [
                "{year}年以来{n}个工程项目中有{m}个应招标未招标，合同金额{amount}万元。",
                "同一年度内将同类采购拆分为{n}次，每次金额均低于采购限额，合计{amount}万元。",
            ],
            ["对相关项目开展专项审计，厘清责任", "修订工程建设和采购内控制度，实行采购需求集体研究", "对相关责任人进行追责问责"],
            []),
        new("国有资产管理", DepartmentKind.Finance, "《行政事业性国有资产管理条例》《中华人民共和国企业国有资产法》", 5,
            [
                "国有资产底数不清，账实不符",
                "资产出租出借未履行审批程序",
                "对外投资决策不审慎，存在国有资产流失风险",
                "应收租金长期未收缴",
            ],
            [
                "资产清查发现账实不符资产{n}项，账面价值{amount}万元。",
                "{m}处房产未经审批出租，应收未收租金{amount}万元。",
            ],
            ["开展资产全面清查，建立资产台账", "规范资产出租出借审批和公开招租", "依法催缴欠缴租金"],
            [UnitLevel.Enterprise, UnitLevel.Bureau, UnitLevel.Institution], LevelWeight: 12),
        new("群众身边不正之风和腐败问题", DepartmentKind.Business, "《社会救助暂行办法》《农村集体经济组织财务制度》", 5,
            [
                "惠民惠农资金发放不精准，存在优亲厚友",
                "村级集体“三资”管理不规范",
                "征地拆迁补偿款管理不规范",
                "低保等民生救助审核把关不严",
            ],
            [
                "比对{year}年补贴发放名单，发现{m}户不符合条件人员领取补贴{amount}万元。",
                "集体资产发包{n}项中有{m}项未经村民代表会议表决。",
            ],
            ["逐户核查补贴和救助对象，追回违规资金", "规范集体资产发包和“四议两公开”程序", "健全村务监督委员会监督机制"],
            [UnitLevel.Village, UnitLevel.Township], LevelWeight: 16),
        new("医疗卫生行业作风", DepartmentKind.Business, "《医疗保障基金使用监督管理条例》《医疗机构工作人员廉洁从业九项准则》", 0,
            [
                "医保基金使用不规范，存在违规收费、过度诊疗",
                "药品耗材采购管理不规范，“带金销售”风险防控不到位",
                "医德医风建设不力，收受“红包”问题时有发生",
            ],
            [
                "抽查{year}年住院病历{n}份，发现{m}份存在重复收费、超标准收费，涉及医保基金{amount}万元。",
                "{n}种高值耗材未经院内集体遴选即采购使用，采购金额{amount}万元。",
            ],
            ["开展医保基金使用自查自纠，退回违规费用", "完善药品耗材遴选和采购监管制度", "开展医德医风专项教育，建立“红包”拒收登记制度"],
            [UnitLevel.Institution], LevelWeight: 16),
        new("巡察整改落实", DepartmentKind.Office, "《中国共产党巡视工作条例》", 5,
            [
                "上轮巡察反馈问题整改不到位",
                "整改责任压得不实，存在“纸面整改”",
            ],
            ["上轮巡察反馈的{n}个问题中，有{m}个问题整改未完成即报销号。"],
            ["对上轮巡察反馈问题逐项“回头看”", "建立整改销号复核机制", "对敷衍整改的责任人进行约谈"],
            []),
    ];

    public static string DepartmentFor(UnitLevel level, bool county, DepartmentKind kind) => (level, kind) switch
    {
        (UnitLevel.Township, DepartmentKind.Office) => county ? "党政办公室" : "党政综合办公室",
        (UnitLevel.Township, DepartmentKind.Party) => "党建工作办公室",
        (UnitLevel.Township, DepartmentKind.Finance) => county ? "财政所" : "财政办",
        (UnitLevel.Township, DepartmentKind.Personnel) => "组织人事办公室",
        (UnitLevel.Township, _) => "经济发展办公室",
        (UnitLevel.Enterprise, DepartmentKind.Office) => "综合办公室",
        (UnitLevel.Enterprise, DepartmentKind.Party) => "党群工作部",
        (UnitLevel.Enterprise, DepartmentKind.Finance) => "财务管理部",
        (UnitLevel.Enterprise, DepartmentKind.Personnel) => "人力资源部",
        (UnitLevel.Enterprise, _) => "投资发展部",
        (UnitLevel.Institution, DepartmentKind.Office) => "院办公室",
        (UnitLevel.Institution, DepartmentKind.Party) => "党委办公室",
        (UnitLevel.Institution, DepartmentKind.Finance) => "财务科",
        (UnitLevel.Institution, DepartmentKind.Personnel) => "人事科",
        (UnitLevel.Institution, _) => "医务科",
        (UnitLevel.Village, DepartmentKind.Finance) => county ? "村务监督委员会" : "社区居务监督委员会",
        (UnitLevel.Village, DepartmentKind.Party) => county ? "村党支部" : "社区党委",
        (UnitLevel.Village, _) => county ? "村民委员会" : "社区居民委员会",
        (_, DepartmentKind.Office) => "办公室",
        (_, DepartmentKind.Party) => "机关党委",
        (_, DepartmentKind.Finance) => "计划财务科",
        (_, DepartmentKind.Personnel) => "人事科",
        _ => "政策法规科",
    };

    public static readonly string[] DeputyTitles = ["分管副职", "党组成员、副局长", "班子成员", "纪检监察负责人"];

    public static readonly string[] Explanations =
    [
        "对问题事实无异议",
        "对部分情节作了说明，巡察组复核后维持原定性",
        "表示诚恳接受并立即组织整改",
    ];

    public static readonly string[] EvidenceFiles =
    [
        "专题会议纪要.pdf", "整改工作方案.pdf", "制度文件（印发稿）.pdf", "资金清退凭证.pdf", "现场整改照片.jpg",
        "谈话提醒记录.pdf", "培训签到表.pdf", "自查自纠报告.docx", "整改前后对比说明.pdf", "财务凭证复印件.pdf",
    ];

    public static readonly string[] ImmediateReports =
    [
        "已立行立改：召开专题会议逐项研究，对照问题完成纠正，相关资金和手续已处理到位。",
        "已立行立改：对相关人员进行批评教育，责令作出书面检查，并完成问题纠正。",
    ];

    public static readonly (int Percent, string Milestone, string Text)[] InterimReports =
    [
        (30, "制定整改方案", "已召开专题会议研究部署，制定整改工作方案，明确责任领导、责任部门和完成时限。"),
        (50, "完成排查清理", "已完成问题起底排查，建立问题清单，正在逐项推进整改。"),
        (70, "建章立制", "具体问题已基本整改到位，正在修订完善相关制度，建立长效机制。"),
    ];

    public const string FinalMilestone = "整改完成";
    public const string FinalReport = "整改任务已全部完成：{measure}。相关制度已印发实施，佐证材料已上传，申请审核销号。";
    public const string LongTermReport = "长期坚持事项定期报告：本阶段{measure}，下一阶段将持续巩固整改成果。";
    public const string ReworkReport = "根据审核意见补充整改：已补齐相关凭证和佐证材料，对遗留问题完成纠正。";
    public const string ReopenedReport = "回头看后深化整改：已重新制定整改措施，对反弹问题完成纠正并追加问责。";

    public static readonly string[] PlanReturnComments =
    [
        "整改措施不够具体，部分问题缺少时间节点和量化指标，请修改完善后重新报送。",
        "责任分工不明确，部分问题未落实到具体责任领导和责任部门。",
        "对问题根源剖析不深，存在以建章立制代替具体问题整改的倾向，防止把实的问题弄虚。",
        "部分问题整改时限设置过长，立行立改事项应即知即改。",
    ];

    public static readonly string[] LineComments =
    [
        "措施过于原则，请细化到具体事项和时间节点。",
        "请明确对相关责任人的处理意见。",
        "整改时限偏长，请压缩。",
        "责任部门与问题性质不匹配，请调整。",
    ];

    public const string RevisedMeasureSuffix = "（已按审核意见细化措施、明确时间节点和量化指标）";

    public static readonly string[] PlanAcceptComments =
    [
        "经过筛式审核，整改方案问题覆盖全面、措施具体可行，同意实施。",
        "同意。请严格按台账推进整改，按期报送整改进展。",
    ];

    public static string ApprovalComment(Role party) => party switch
    {
        Role.UnitLeader => "整改已按台账完成，本人审核同意提交销号。",
        Role.DisciplineCommission => "经核查佐证材料，整改到位，同意销号。",
        Role.OrganizationDepartment => "同意销号。",
        Role.InspectionOffice => "经会审，整改到位，同意销号。",
        _ => "同意。",
    };

    public static readonly string[] RejectionComments =
    [
        "佐证材料不足以证明整改到位，请补充相关凭证后重新提交。",
        "整改仅停留在制度层面，具体问题尚未纠正到位。",
        "违规资金尚未全部清退，暂不同意销号。",
    ];

    public static readonly string[] ReopenReasons =
    [
        "回头看发现：相关制度虽已印发，但执行不到位，同类问题出现反弹。",
        "回头看发现：违规发放的资金尚未全部清退到位，存在“纸面整改”。",
        "回头看发现：台账记载的整改措施与实际情况不符，需深化整改。",
        "回头看发现：对相关责任人的处理未落实到位，追加问责。",
    ];

    public static readonly DemoClueStory[] ClueStories =
    [
        new("反映{unit}原主要负责人违规收受管理服务对象礼金问题", []),
        new("反映{unit}某科室负责人利用职务便利在项目审批中为他人谋取利益问题", [UnitLevel.Bureau, UnitLevel.Township]),
        new("反映{unit}有关人员违规插手政府采购、工程项目问题", []),
        new("反映{unit}干部违规经商办企业问题", [UnitLevel.Bureau, UnitLevel.Township, UnitLevel.Enterprise]),
        new("反映{unit}有关人员违规公款吃喝、报销个人费用问题", []),
        new("反映{unit}村（居）干部虚报冒领惠农补贴问题", [UnitLevel.Village]),
        new("反映{unit}村（居）干部在集体资产发包中优亲厚友问题", [UnitLevel.Village]),
        new("反映{unit}个别医生收受医药代表回扣问题", [UnitLevel.Institution]),
        new("反映{unit}原负责人在对外投资中造成国有资产损失问题", [UnitLevel.Enterprise]),
    ];

    public static readonly DemoOutcome[] Outcomes =
    [
        new("经初步核实，反映问题不属实，予以了结。", 0, 0, 0, false, 20),
        new("经初步核实，反映问题部分属实，对相关人员进行谈话提醒、批评教育。", 0, 1, 0, false, 32),
        new("经立案审查，给予相关责任人党内警告处分，收缴违纪款项{amount}万元。", 1, 1, 0, true, 30),
        new("经立案审查，给予{people}人党纪政务处分，责令退赔违规资金{amount}万元。", 1, 2, 0, true, 12),
        new("经审查调查，相关人员涉嫌职务犯罪，已移送检察机关依法审查起诉，追缴涉案款{amount}万元。", 1, 1, 1, true, 6),
    ];

    public static string Group(int number) => $"市委第{Chinese(number)}巡察组";

    public static string SpecialTheme(UnitLevel level) => level switch
    {
        UnitLevel.Institution => "医保基金管理使用",
        UnitLevel.Village => "村级集体“三资”管理",
        UnitLevel.Enterprise => "国有企业投资经营",
        UnitLevel.Township => "乡村振兴政策落实",
        _ => "行政审批与执法监管",
    };

    public static string Chinese(int number) => number switch
    {
        <= 10 => "〇一二三四五六七八九十"[number].ToString(),
        < 20 => "十" + "〇一二三四五六七八九"[number - 10],
        _ => number.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public const string ChangedMeasureSuffix = "（经研判调整：增加阶段性目标和复核环节）";

    public static readonly string[] LineChangeReasons =
    [
        "涉及历史遗留问题，需协调市直相关部门共同处置，原定时限内难以完成，申请延长整改时限并补充措施。",
        "整改中发现问题涉及面比原认定的更广，需扩大排查范围，申请调整整改措施和时限。",
        "相关资金追缴涉及司法程序，需待法院判决后执行，申请延长整改时限。",
        "责任领导岗位调整，需明确新的责任人并相应调整整改措施。",
    ];

    public static readonly string[] LineChangeAcceptComments =
    [
        "理由充分，同意调整，请按新的时限和措施推进，不得再次延期。",
        "同意。请在整改进展中说明阶段性目标完成情况。",
    ];

    public static readonly string[] LineChangeRefuseComments =
    [
        "申请理由不充分，问题属于可立即整改事项，请按原定时限完成。",
        "不同意延期。请加大工作力度，必要时提请上级协调。",
    ];

    public static readonly string[] CommonProblemNotes =
    [
        "该问题在本轮巡察中多个单位均有发现，请各单位对照开展自查，做到未巡先改、对号入座。",
        "请各单位举一反三，认真对照检查，如实报告自查情况。",
    ];

    public static readonly string[] NotPresentStatements =
    [
        "经{unit}党组（党委）会议研究，组织相关科室对照逐项自查，未发现类似问题，今后将持续加强日常监督。",
        "{unit}对照推送问题查阅近三年相关资料和台账，经核查不存在该问题，特此说明。",
        "经自查，{unit}不存在该问题；已将相关要求纳入内部管理制度，防止类似问题发生。",
    ];

    public static readonly string[] EvaluationComments =
    [
        "整改责任落实到位，问题整改基本完成，建章立制有成效。",
        "整改总体推进有力，个别问题整改成效有待巩固。",
        "群众反映较好，长效机制建设仍需加强。",
        "整改措施针对性较强，佐证材料齐全。",
    ];

    public static string Date(DateOnly day) => $"{day.Year}年{day.Month}月{day.Day}日";

    public static SheetColour[] Colours => [SheetColour.Red, SheetColour.Yellow, SheetColour.Blue];
}
