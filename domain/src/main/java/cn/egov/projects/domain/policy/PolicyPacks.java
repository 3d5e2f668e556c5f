package cn.egov.projects.domain.policy;

import cn.egov.projects.domain.calendar.Term;
import cn.egov.projects.domain.catalog.Nature;
import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.rule.Provision;
import cn.egov.projects.domain.rule.RuleCode;

import java.time.LocalDate;
import java.time.Month;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The packs the product ships: Taicang's (the default) and two fictional municipalities' as examples of what a pack
 * may change — {@link #example()} its numbers, {@link #twoStage()} the shape of the acceptance and the articles'
 * numbering.
 */
public final class PolicyPacks {

    private PolicyPacks() {
    }

    /** 《太仓市级电子政务项目管理办法》(太政办〔2021〕40号), in force from 2021-03-31. An immutable value, built once. */
    public static PolicyPack taicang() {
        return Taicang.PACK;
    }

    /** Holds Taicang's pack, built on first use. */
    private static final class Taicang {
        private static final PolicyPack PACK = buildTaicang();
    }

    private static PolicyPack buildTaicang() {
        return new PolicyPack(
                "taicang-2021",
                "太仓市级电子政务项目管理办法（太政办〔2021〕40号）",
                LocalDate.of(2021, 3, 31),
                Set.of(Month.JULY, Month.AUGUST, Month.SEPTEMBER),
                Term.months(1),
                Term.workingDays(7),
                Term.months(3),
                Term.years(1),
                Term.months(1),
                Term.months(2),
                Term.years(1),
                Term.workingDays(7),
                Term.months(3),
                Money.yuan("800000"),
                Set.of(Nature.NEW),
                3,
                List.of("项目合同", "实施方案", "项目自查报告", "测试报告", "用户使用报告"),
                Gate.ACCEPTANCE,
                Gate.ACCEPTANCE,
                List.of(7, 3, 1, 0),
                7,
                taicangExclusions(),
                10,
                false,
                taicangWording(),
                List.of(),
                taicangArticles(),
                taicangDeadlineWording());
    }

    /**
     * What each statutory deadline asks, as Taicang's measures word it (Art. 7, 13, 14, 16, 17, 20, 22, 25, 26),
     * {@code {期限}} standing for the pack's period.
     */
    static Map<String, String> taicangDeadlineWording() {
        Map<String, String> w = new java.util.LinkedHashMap<>();
        w.put("IMPL_PLAN", "市级电子政务项目实施计划下达（或追加列入）后{期限}内编制项目实施方案并报送");
        w.put("CONTRACT_FILING", "项目合同签订后{期限}内将合同报送市大数据管理局");
        w.put("PROGRESS_REPORT", "定期（每{期限}）报送项目实施进度报告");
        w.put("SUBSTANTIVE_START", "列入实施计划后{期限}内实质性启动（签订首份合同或记录开工）");
        w.put("ACCEPTANCE_LIMIT", "试运行至完成项目验收的时间不得超过{期限}");
        w.put("ACCEPTANCE_REPORT", "项目验收结束后{期限}内报送验收报告");
        w.put("FINAL_ACCOUNTS", "项目竣工验收后{期限}内完成竣工决算并备案");
        w.put("WARRANTY_END", "合同约定的免费维保期届满，应保障系统正常运行并申报运维");
        w.put("WINDOW_CLOSING", "年度集中申报期截止前提交项目申报");
        return w;
    }

    /** Which article of Taicang's measures holds each provision the kernel refers to. */
    static Map<Provision, Integer> taicangArticles() {
        Map<Provision, Integer> a = new EnumMap<>(Provision.class);
        a.put(Provision.SCOPE, 2);
        a.put(Provision.UNIT_RESPONSIBILITY, 3);
        a.put(Provision.AUTHORITIES, 4);
        a.put(Provision.CATEGORY, 5);
        a.put(Provision.RESOURCE_REUSE, 6);
        a.put(Provision.DECLARATION, 7);
        a.put(Provision.REVIEW_AND_APPROVAL, 8);
        a.put(Provision.ANNUAL_PLAN, 9);
        a.put(Provision.SUPPLEMENTARY, 10);
        a.put(Provision.HIGHER_LEVEL_FUNDING, 11);
        a.put(Provision.NO_START_OUTSIDE_PLAN, 12);
        a.put(Provision.IMPLEMENTATION_PLAN, 13);
        a.put(Provision.CONTRACT, 14);
        a.put(Provision.SUPERVISION, 15);
        a.put(Provision.PROGRESS_REPORT, 16);
        a.put(Provision.START_AND_TERMINATION, 17);
        a.put(Provision.CHANGE, 18);
        a.put(Provision.ACCOUNTABILITY, 19);
        a.put(Provision.OPERATION_AND_MAINTENANCE, 20);
        a.put(Provision.USE_AFTER_ACCEPTANCE, 21);
        a.put(Provision.TRIAL_RUN, 22);
        a.put(Provision.SELF_INSPECTION, 23);
        a.put(Provision.ACCEPTANCE, 24);
        a.put(Provision.ACCEPTANCE_REPORT, 25);
        a.put(Provision.FINAL_ACCOUNTS, 26);
        a.put(Provision.CLASSIFIED, 27);
        return a;
    }

    /**
     * A second municipality's pack, to show that the kernel judges the same project differently with no code
     * change: a 1,000,000-yuan supervision threshold that also covers continuations, 5 working days to file a
     * contract, a 3-month trial minimum for every project, and a panel of 5 experts.
     */
    public static PolicyPack example() {
        Map<RuleCode, RuleText> wording = taicangWording();
        wording.put(RuleCode.ART14_CONTRACT_OVER_BUDGET,
                new RuleText(14, "项目合同签订后，实施单位应在五个工作日内将合同报送主管部门，合同金额不得超出批复预算"));
        wording.put(RuleCode.ART15_SUPERVISION_REQUIRED,
                new RuleText(15, "总投资在100万元(含)以上的新建、续建项目应实行项目监理制，监理费用应包含在项目资金中"));
        wording.put(RuleCode.ART22_TRIAL_TOO_SHORT,
                new RuleText(22, "项目的验收应在上线试运行不少于三个月后进行"));
        wording.put(RuleCode.ART24_EXPERTS,
                new RuleText(24, "项目竣工验收应由不少于五名专家组成的专家组进行，并提供真实完整的验收文档"));
        return new PolicyPack(
                "example-2024",
                "示例市政务信息化项目管理办法（政策包示例）",
                LocalDate.of(2024, 1, 1),
                Set.of(Month.SEPTEMBER, Month.OCTOBER),
                Term.months(1),
                Term.workingDays(5),
                Term.months(1),
                Term.years(1),
                Term.months(3),
                Term.months(3),
                Term.years(1),
                Term.workingDays(10),
                Term.months(6),
                Money.yuan("1000000"),
                Set.of(Nature.NEW, Nature.CONTINUATION),
                5,
                List.of("项目合同", "实施方案", "项目自查报告", "测试报告", "第三方测评报告"),
                Gate.TRIAL_RUN,
                Gate.ACCEPTANCE,
                List.of(10, 5, 1, 0),
                3,
                taicangExclusions().stream().filter(e -> List.of("个人电脑及所需软件", "打印机", "复印机", "耗材",
                        "会议系统", "门禁系统").contains(e.kindZh())).toList(),
                10,
                false,
                wording);
    }

    /**
     * A fictional municipality's measures of a different shape (not a real city's law): the acceptance is held in
     * two stages — a preliminary acceptance (初步验收) organised by the implementing unit, then the final acceptance
     * (竣工验收) organised — and recorded in the system — by the Bureau with a larger panel — the contract is filed within 15 working days, the
     * acceptance report within 10, and the articles are numbered differently from Taicang's (the measures give
     * their duties to more articles), so that every rule a refusal cites has the pack's own number.
     */
    public static PolicyPack twoStage() {
        Map<Integer, Integer> renumbered = Map.ofEntries(Map.entry(2, 2), Map.entry(3, 3), Map.entry(4, 5),
                Map.entry(5, 6), Map.entry(6, 7), Map.entry(7, 8), Map.entry(8, 9), Map.entry(9, 10), Map.entry(10, 11),
                Map.entry(11, 12), Map.entry(12, 13), Map.entry(13, 14), Map.entry(14, 15), Map.entry(15, 16),
                Map.entry(16, 17), Map.entry(17, 18), Map.entry(18, 19), Map.entry(19, 20), Map.entry(20, 21),
                Map.entry(21, 22), Map.entry(22, 23), Map.entry(23, 24), Map.entry(24, 26), Map.entry(25, 27), Map.entry(26, 28), Map.entry(27, 29));
        Map<RuleCode, RuleText> wording = new EnumMap<>(RuleCode.class);
        taicangWording().forEach((code, text) ->
                wording.put(code, new RuleText(renumbered.get(text.article()), text.wording())));
        RuleText preliminary = new RuleText(25, "项目建设内容完成并经试运行后，由实施单位组织不少于三名专家进行初步验收，"
                + "并提供项目合同、实施方案、项目自查报告和测试报告");
        RuleText fin = new RuleText(26, "初步验收合格后，由主管部门组织不少于五名专家进行竣工验收，"
                + "并提供初步验收报告、第三方测评报告和用户使用报告");
        wording.put(RuleCode.ART24_EXPERTS, fin);
        Map<Provision, Integer> articles = new EnumMap<>(Provision.class);
        taicangArticles().forEach((provision, article) -> articles.put(provision, renumbered.get(article)));
        List<String> finalDocuments = List.of("初步验收报告", "第三方测评报告", "用户使用报告");
        return new PolicyPack(
                "example-two-stage",
                "示例市政务信息化项目建设管理办法（两阶段验收政策包示例）",
                LocalDate.of(2025, 1, 1),
                Set.of(Month.JULY, Month.AUGUST, Month.SEPTEMBER),
                Term.months(1),
                Term.workingDays(15),
                Term.months(3),
                Term.years(1),
                Term.months(1),
                Term.months(2),
                Term.years(1),
                Term.workingDays(10),
                Term.months(3),
                Money.yuan("800000"),
                Set.of(Nature.NEW),
                5,
                finalDocuments,
                Gate.ACCEPTANCE,
                Gate.ACCEPTANCE,
                List.of(7, 3, 1, 0),
                7,
                taicangExclusions(),
                10,
                false,
                wording,
                List.of(new AcceptanceStage("PRELIMINARY", "初步验收", preliminary, "实施单位", 3,
                                List.of("项目合同", "实施方案", "项目自查报告", "测试报告")),
                        new AcceptanceStage(AcceptanceStage.FINAL, "竣工验收", fin, "主管部门（示例市大数据管理局）", 5,
                                finalDocuments, AcceptanceStage.RecordedBy.BUREAU)),
                articles,
                twoStageDeadlineWording());
    }

    private static Map<String, String> twoStageDeadlineWording() {
        Map<String, String> w = taicangDeadlineWording();
        w.put("IMPL_PLAN", "年度项目计划下达（或追加列入）后{期限}内编制项目实施方案并报主管部门");
        w.put("CONTRACT_FILING", "项目合同签订后{期限}内将合同报主管部门备案");
        w.put("ACCEPTANCE_LIMIT", "试运行开始至竣工验收完成不得超过{期限}");
        w.put("ACCEPTANCE_REPORT", "竣工验收结束后{期限}内报送竣工验收报告");
        w.put("FINAL_ACCOUNTS", "竣工验收后{期限}内完成竣工决算并报财政部门备案");
        return w;
    }

    /** Art. 2 para. 3 of Taicang's measures: what it names, with the words a budget line uses for each. */
    private static List<ScopeExclusion> taicangExclusions() {
        List<String> work = ScopeExclusion.DEFAULT_IN_SCOPE_WORDS;
        return List.of(
                new ScopeExclusion("个人电脑及所需软件", List.of("个人电脑", "台式电脑", "台式机", "笔记本电脑", "办公电脑",
                        "一体机电脑", "办公软件", "正版化软件"), work),
                new ScopeExclusion("照相机", List.of("相机", "摄像机"), work),
                new ScopeExclusion("打印机", List.of("打印机", "多功能一体机"), work),
                new ScopeExclusion("复印机", List.of("复印机"), work),
                new ScopeExclusion("扫描仪", List.of("扫描仪", "高拍仪"), work),
                new ScopeExclusion("投影仪", List.of("投影仪", "投影机"), work),
                new ScopeExclusion("移动存储设备", List.of("移动硬盘", "U盘", "优盘"), work),
                new ScopeExclusion("耗材", List.of("硒鼓", "墨盒", "碳粉", "打印纸"), work),
                new ScopeExclusion("专业领域设备", List.of("专业设备"), work),
                new ScopeExclusion("建筑弱电工程", List.of("弱电工程", "弱电改造"), work),
                new ScopeExclusion("室内监控", List.of("监控摄像头", "室内摄像头"), work),
                new ScopeExclusion("会议系统", List.of("视频会议终端", "会议室音视频", "会议话筒", "会议大屏"), work),
                new ScopeExclusion("门禁系统", List.of("门禁"), work));
    }

    private static Map<RuleCode, RuleText> taicangWording() {
        Map<RuleCode, RuleText> w = new EnumMap<>(RuleCode.class);
        w.put(RuleCode.ART2_OUT_OF_SCOPE, new RuleText(2,
                "日常办公使用的个人电脑及所需的软件、照相机、打印机、复印机、扫描仪、投影仪、移动存储设备、耗材，专业领域设备的采购"
                        + "以及建筑弱电工程、室内监控、会议系统、门禁系统等，不属于本办法所称的项目"));
        w.put(RuleCode.ART3_OWN_UNIT, new RuleText(3, "项目实施单位负责本单位项目的申报、设计、建设、验收和运维，只能办理本单位的项目"));
        w.put(RuleCode.ART4_ROLE, new RuleText(4, "此项工作不属于您所在部门的职责"));
        w.put(RuleCode.ART4_CYBERSEC_REVIEW, new RuleText(4, "市委网信办负责市级项目的网络安全审查和监管，须先取得网络安全审查意见"));
        w.put(RuleCode.ART4_CRYPTO_REVIEW, new RuleText(4, "项目中的密码应用须经市国家密码管理局指导、检查，须先取得密码应用审查意见"));
        w.put(RuleCode.ART6_REUSE_REVIEW_CLOSED, new RuleText(6, "项目实施应以政务信息资源开发、整合和利用为主线，复用与重复建设审查意见在项目申报后、专家评审意见形成前提出"));
        w.put(RuleCode.ART4_PERFORMANCE_EVALUATION, new RuleText(4,
                "市大数据管理局负责市级项目的绩效考核，考核对象为列入年度实施计划的项目及其实施单位"));
        w.put(RuleCode.ART7_WINDOW_CLOSED, new RuleText(7, "电子政务建设项目实行年度计划管理，项目应在市大数据管理局启动的年度集中申报期内申报"));
        w.put(RuleCode.ART8_REVIEW_REQUIRED, new RuleText(8, "市财政局根据专家评审形成的审核意见提出资金安排意见，报市政府审定"));
        w.put(RuleCode.ART8_REVIEW_EXPERTS, new RuleText(8,
                "评审专家由市大数据管理局从专家库中抽取，实行回避制度；项目单位不得指定、更换评审专家，评审结束前不得知悉评审专家名单"));
        w.put(RuleCode.ART9_NOT_FUNDED, new RuleText(9, "只有已落实财政预算的项目方可列入年度市级电子政务项目实施计划"));
        w.put(RuleCode.ART10_SUPPLEMENTARY, new RuleText(10,
                "集中申报期外原则上不再受理项目申报；追加项目须有国家、省、市明确建设要求并报送可行性研究方案，经评审和市政府同意后追加列入计划"));
        w.put(RuleCode.ART11_REPORT_FIRST, new RuleText(11, "凡属国家、省、市统筹安排并全额拨付资金的项目，应在项目实施前将相关情况报送市大数据管理局"));
        w.put(RuleCode.ART12_NOT_IN_PLAN, new RuleText(12, "未列入市级电子政务项目实施计划的项目，不得开工建设"));
        w.put(RuleCode.ART13_PLAN_INCONSISTENT, new RuleText(13, "实施方案内容应与项目申报内容相一致，不得擅自变更"));
        w.put(RuleCode.ART13_PRE_PROCUREMENT, new RuleText(13, "市大数据管理局对政府采购的项目进行实施前评审，出具项目评审意见后，方可转入政府采购流程"));
        w.put(RuleCode.ART14_CONTRACT_OVER_BUDGET, new RuleText(14, "实施单位不得擅自变更采购需求及合同内容，合同金额不得超出批复预算"));
        w.put(RuleCode.ART15_SUPERVISION_REQUIRED, new RuleText(15, "总投资在80万元(含)以上的新建项目应实行项目监理制，项目监理费用应包含在项目资金中，不得单独申报"));
        w.put(RuleCode.ART17_NO_SUBSTANTIVE_START, new RuleText(17, "列入市级电子政务项目实施计划后一年内未能实质性启动的项目，原则上终止项目实施，收回项目资金，并予以通报"));
        w.put(RuleCode.ART17_DELAY_REPORT, new RuleText(17, "不能按期完成或中止、终止项目实施的，应及时向市大数据管理局、市财政局报送书面报告，说明理由"));
        w.put(RuleCode.ART18_CHANGE_BEFORE_TENDER, new RuleText(18, "项目招标前变更实施目标、实施内容但不涉及资金预算追加的，须经市大数据管理局同意；追加预算须重新申报"));
        w.put(RuleCode.ART18_CHANGE_AFTER_TENDER, new RuleText(18, "项目招标后，涉及项目变更的应按照《中华人民共和国政府采购法》等相关规定执行："
                + "所有补充合同的采购金额不得超过原合同采购金额的百分之十"));
        w.put(RuleCode.ART19_RESPONSIBLE_PEOPLE, new RuleText(19, "实施单位应明确项目的分管领导、责任人"));
        w.put(RuleCode.ART21_NOT_ACCEPTED, new RuleText(21, "未经验收或验收不合格的项目不得投入使用，也不得以延长试运行期等方式变相投入使用"));
        w.put(RuleCode.ART22_TRIAL_TOO_SHORT, new RuleText(22, "项目的验收应在上线试运行不少于一个月后进行，其中软件开发项目的验收应在上线试运行不少于两个月后进行"));
        w.put(RuleCode.ART22_TRIAL_TOO_LONG, new RuleText(22, "试运行至完成项目验收的时间不得超过一年"));
        w.put(RuleCode.ART23_SELF_INSPECTION, new RuleText(23, "实施单位在项目验收前应报送项目自查报告，说明实施内容完成情况、资源目录整理情况、绩效目标达成情况"));
        w.put(RuleCode.ART23_CATALOGUE_CLOSED, new RuleText(23, "资源目录由实施单位在项目办结前整理登记；项目已办结、终止或评审未通过的，资源目录不再修改"));
        w.put(RuleCode.ART23_CATALOGUE_NAME_TAKEN, new RuleText(23, "同一项目资源目录中的资源名称不得重复"));
        w.put(RuleCode.ART23_CATALOGUE_FULL, new RuleText(23, "每个项目的资源目录条目数有上限，请合并同类资源后登记"));
        w.put(RuleCode.ART23_PERFORMANCE_GOALS, new RuleText(23,
                "实施单位在项目验收前应报告绩效目标达成情况，申报项目时应明确绩效目标，每项目标须有指标名称、指标类别和目标值"));
        w.put(RuleCode.ART24_EXPERTS, new RuleText(24, "实施单位应组织专家对项目进行竣工验收，项目有关各方必须提供真实完整的验收文档及相关材料"));
        w.put(RuleCode.ART27_CLASSIFIED, new RuleText(27, "涉密项目申报、实施、验收应按照有关保密规定执行"));
        return w;
    }
}
