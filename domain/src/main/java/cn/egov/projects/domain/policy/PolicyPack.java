package cn.egov.projects.domain.policy;

import cn.egov.projects.domain.calendar.Term;
import cn.egov.projects.domain.catalog.Nature;
import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.rule.Articles;
import cn.egov.projects.domain.rule.Provision;
import cn.egov.projects.domain.rule.RuleCode;
import cn.egov.projects.domain.rule.Violation;

import java.time.LocalDate;
import java.time.Month;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything numeric or worded in a municipality's measures, as one value (RULES.md §6). Taicang's pack is the
 * default ({@link PolicyPacks#taicang()}); another municipality supplies its own without touching code.
 * A pack has an effective date (Art. 28); a project is judged by the pack in force when it was declared.
 *
 * @param id                    stable identifier, e.g. {@code taicang-2021}
 * @param nameZh                the measures' title as published
 * @param effectiveFrom         the day the measures took effect
 * @param windowOpenMonths      months of the year before the plan year in which the declaration window may open (Art. 7: Q3)
 * @param implementationPlan    Art. 13: plan issued → implementation plan submitted
 * @param contractFiling        Art. 14: contract signed → contract filed with the Bureau
 * @param progressInterval      Art. 16: interval of progress reports
 * @param substantiveStart      Art. 17: plan inclusion → substantive start
 * @param trialMinimum          Art. 22: minimum trial run before acceptance
 * @param softwareTrialMinimum  Art. 22: minimum trial run of a software development project
 * @param acceptanceLimit       Art. 22: trial start → acceptance completed
 * @param acceptanceReport      Art. 25: acceptance held → acceptance report filed
 * @param finalAccounts         Art. 26: acceptance held → final accounts filed with Finance
 * @param supervisionThreshold  Art. 15: total investment from which (inclusive) supervision is required
 * @param supervisionNatures    Art. 15: natures the threshold applies to
 * @param expertPanelMinimum    Art. 24: smallest acceptance expert panel
 * @param acceptanceDocuments   Art. 24: the documents an acceptance must have
 * @param cybersecReviewGate    Art. 4: the Cyberspace office's review is on record before this gate
 * @param cryptoReviewGate      Art. 4: the crypto review (projects using cryptography) is on record before this gate
 * @param reminderOffsetsDays   days before the due day on which reminders go out (0 = on the day)
 * @param overdueRepeatDays     interval of repeated escalations while a deadline stays overdue
 * @param scopeExclusions       Art. 2 para. 3: the kinds of purchase that are not e-government projects
 * @param contractAdditionPercent Art. 18: after the tender, the most a change may add to the contracts, in percent of
 *                              their amount (政府采购法第四十九条: 10)
 * @param acceptanceExpertsDrawn Art. 24: whether acceptance experts are drawn from the expert pool with avoidance, as
 *                              the Bureau draws reviewers, by whoever records the stage (Taicang: no, the unit
 *                              organises them)
 * @param rules                 each rule's article and wording
 * @param acceptanceStages      the stages of acceptance in the order they are held (Art. 24); when none are given,
 *                              one stage, 竣工验收, with the pack's {@code expertPanelMinimum},
 *                              {@code acceptanceDocuments} and its wording of {@link RuleCode#ART24_EXPERTS}
 * @param articles              the article of the pack's measures that holds each provision the kernel refers to
 *                              (a step refused for the project's state, a deadline, an audit record cite it); every
 *                              {@link Provision} must be numbered
 * @param deadlineWording       what each statutory deadline asks, as the measures word it, keyed by the deadline's
 *                              code ({@code CONTRACT_FILING} …), with {@value #PERIOD} where the pack's period goes
 *                              ("项目合同签订后{期限}内将合同报送市大数据管理局"); a deadline the pack does not word takes
 *                              Taicang's wording
 */
public record PolicyPack(
        String id,
        String nameZh,
        LocalDate effectiveFrom,
        Set<Month> windowOpenMonths,
        Term implementationPlan,
        Term contractFiling,
        Term progressInterval,
        Term substantiveStart,
        Term trialMinimum,
        Term softwareTrialMinimum,
        Term acceptanceLimit,
        Term acceptanceReport,
        Term finalAccounts,
        Money supervisionThreshold,
        Set<Nature> supervisionNatures,
        int expertPanelMinimum,
        List<String> acceptanceDocuments,
        Gate cybersecReviewGate,
        Gate cryptoReviewGate,
        List<Integer> reminderOffsetsDays,
        int overdueRepeatDays,
        List<ScopeExclusion> scopeExclusions,
        int contractAdditionPercent,
        boolean acceptanceExpertsDrawn,
        Map<RuleCode, RuleText> rules,
        List<AcceptanceStage> acceptanceStages,
        Map<Provision, Integer> articles,
        Map<String, String> deadlineWording) {

    /** Where a deadline's wording takes the pack's period. */
    public static final String PERIOD = "{期限}";

    /** A pack worded as Taicang's measures word their deadlines (see {@link #deadlineWording}). */
    public PolicyPack(String id, String nameZh, LocalDate effectiveFrom, Set<Month> windowOpenMonths,
                      Term implementationPlan, Term contractFiling, Term progressInterval, Term substantiveStart,
                      Term trialMinimum, Term softwareTrialMinimum, Term acceptanceLimit, Term acceptanceReport,
                      Term finalAccounts, Money supervisionThreshold, Set<Nature> supervisionNatures,
                      int expertPanelMinimum, List<String> acceptanceDocuments, Gate cybersecReviewGate,
                      Gate cryptoReviewGate, List<Integer> reminderOffsetsDays, int overdueRepeatDays,
                      List<ScopeExclusion> scopeExclusions, int contractAdditionPercent, boolean acceptanceExpertsDrawn,
                      Map<RuleCode, RuleText> rules, List<AcceptanceStage> acceptanceStages,
                      Map<Provision, Integer> articles) {
        this(id, nameZh, effectiveFrom, windowOpenMonths, implementationPlan, contractFiling, progressInterval,
                substantiveStart, trialMinimum, softwareTrialMinimum, acceptanceLimit, acceptanceReport, finalAccounts,
                supervisionThreshold, supervisionNatures, expertPanelMinimum, acceptanceDocuments, cybersecReviewGate,
                cryptoReviewGate, reminderOffsetsDays, overdueRepeatDays, scopeExclusions, contractAdditionPercent,
                acceptanceExpertsDrawn, rules, acceptanceStages, articles, PolicyPacks.taicangDeadlineWording());
    }

    /**
     * A pack with one acceptance stage, 竣工验收 (see {@link #acceptanceStages}), whose provisions are numbered as
     * Taicang's measures number them.
     */
    public PolicyPack(String id, String nameZh, LocalDate effectiveFrom, Set<Month> windowOpenMonths,
                      Term implementationPlan, Term contractFiling, Term progressInterval, Term substantiveStart,
                      Term trialMinimum, Term softwareTrialMinimum, Term acceptanceLimit, Term acceptanceReport,
                      Term finalAccounts, Money supervisionThreshold, Set<Nature> supervisionNatures,
                      int expertPanelMinimum, List<String> acceptanceDocuments, Gate cybersecReviewGate,
                      Gate cryptoReviewGate, List<Integer> reminderOffsetsDays, int overdueRepeatDays,
                      List<ScopeExclusion> scopeExclusions, int contractAdditionPercent, boolean acceptanceExpertsDrawn,
                      Map<RuleCode, RuleText> rules) {
        this(id, nameZh, effectiveFrom, windowOpenMonths, implementationPlan, contractFiling, progressInterval,
                substantiveStart, trialMinimum, softwareTrialMinimum, acceptanceLimit, acceptanceReport, finalAccounts,
                supervisionThreshold, supervisionNatures, expertPanelMinimum, acceptanceDocuments, cybersecReviewGate,
                cryptoReviewGate, reminderOffsetsDays, overdueRepeatDays, scopeExclusions, contractAdditionPercent,
                acceptanceExpertsDrawn, rules, List.of(), PolicyPacks.taicangArticles());
    }

    public PolicyPack {
        requireText(id, "id");
        requireText(nameZh, "nameZh");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        if (windowOpenMonths == null || windowOpenMonths.isEmpty()) {
            throw new IllegalArgumentException("windowOpenMonths must name at least one month");
        }
        windowOpenMonths = Set.copyOf(EnumSet.copyOf(windowOpenMonths));
        for (Term t : new Term[]{implementationPlan, contractFiling, progressInterval, substantiveStart, trialMinimum,
                softwareTrialMinimum, acceptanceLimit, acceptanceReport, finalAccounts}) {
            Objects.requireNonNull(t, "every period of the pack must be set");
        }
        Objects.requireNonNull(supervisionThreshold, "supervisionThreshold");
        supervisionNatures = supervisionNatures.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(supervisionNatures));
        if (expertPanelMinimum < 1) {
            throw new IllegalArgumentException("expertPanelMinimum must be at least 1: " + expertPanelMinimum);
        }
        acceptanceDocuments = List.copyOf(acceptanceDocuments);
        Objects.requireNonNull(cybersecReviewGate, "cybersecReviewGate");
        Objects.requireNonNull(cryptoReviewGate, "cryptoReviewGate");
        reminderOffsetsDays = List.copyOf(reminderOffsetsDays);
        for (int offset : reminderOffsetsDays) {
            if (offset < 0 || offset > 366) {
                throw new IllegalArgumentException("reminder offsets must be 0..366 days: " + offset);
            }
        }
        if (overdueRepeatDays < 1) {
            throw new IllegalArgumentException("overdueRepeatDays must be at least 1: " + overdueRepeatDays);
        }
        scopeExclusions = List.copyOf(scopeExclusions);
        if (contractAdditionPercent < 0 || contractAdditionPercent > 100) {
            throw new IllegalArgumentException("contractAdditionPercent must be 0..100: " + contractAdditionPercent);
        }
        EnumMap<RuleCode, RuleText> copy = new EnumMap<>(RuleCode.class);
        copy.putAll(rules);
        for (RuleCode code : RuleCode.values()) {
            if (!code.citesAction() && !copy.containsKey(code)) {
                throw new IllegalArgumentException("the pack words no rule " + code);
            }
        }
        rules = Map.copyOf(copy);
        if (acceptanceStages == null || acceptanceStages.isEmpty()) {
            acceptanceStages = List.of(new AcceptanceStage(AcceptanceStage.FINAL, "竣工验收",
                    rules.get(RuleCode.ART24_EXPERTS), "实施单位", expertPanelMinimum, acceptanceDocuments));
        }
        acceptanceStages = List.copyOf(acceptanceStages);
        if (acceptanceStages.stream().map(AcceptanceStage::key).distinct().count() != acceptanceStages.size()) {
            throw new IllegalArgumentException("two acceptance stages share one key");
        }
        EnumMap<Provision, Integer> numbers = new EnumMap<>(Provision.class);
        numbers.putAll(Objects.requireNonNull(articles, "articles"));
        for (Provision provision : Provision.values()) {
            Integer article = numbers.get(provision);
            if (article == null) {
                throw new IllegalArgumentException("the pack numbers no article for the provision " + provision
                        + " (" + provision.zh() + ")");
            }
            if (article < 1 || article > 99) {
                throw new IllegalArgumentException("the article of " + provision + " must be 1..99: " + article);
            }
        }
        articles = Map.copyOf(numbers);
        deadlineWording = Map.copyOf(deadlineWording == null || deadlineWording.isEmpty()
                ? PolicyPacks.taicangDeadlineWording() : deadlineWording);
        for (Map.Entry<String, String> e : deadlineWording.entrySet()) {
            if (e.getValue() == null || e.getValue().isBlank()) {
                throw new IllegalArgumentException("the wording of the deadline " + e.getKey() + " must not be blank");
            }
        }
    }

    /** What a deadline asks under this pack, {@value #PERIOD} standing for its period; empty if the pack has none. */
    public java.util.Optional<String> deadlineWording(String deadline) {
        return java.util.Optional.ofNullable(deadlineWording.get(deadline));
    }

    /** The article of the pack's measures that holds a provision, e.g. 14 for Taicang's contracts. */
    public int article(Provision provision) {
        return articles.get(provision);
    }

    /**
     * What the system is called on its pages and papers, from the measures' title: without its document number and
     * its closing word (太仓市级电子政务项目管理办法（太政办〔2021〕40号） → 太仓市级电子政务项目管理), so that each city's
     * deployment carries its own name.
     */
    public String systemNameZh() {
        return systemNameOf(nameZh);
    }

    /** {@link #systemNameZh} of a measures' title. */
    static String systemNameOf(String title) {
        String name = title;
        int number = name.indexOf('（') >= 0 ? name.indexOf('（') : name.indexOf('(');
        if (number > 0) {
            name = name.substring(0, number);
        }
        name = name.strip();
        for (String closing : List.of("实施办法", "暂行办法", "办法", "规定", "细则")) {
            if (name.endsWith(closing) && name.length() > closing.length()) {
                return name.substring(0, name.length() - closing.length());
            }
        }
        return name;
    }

    /** The title of a project's record (项目档案) under these measures, e.g. 太仓市级电子政务项目档案. */
    public String recordTitleZh() {
        String name = systemNameZh();
        return (name.endsWith("管理") && name.length() > 2 ? name.substring(0, name.length() - 2) : name) + "档案";
    }

    /** The article of a provision as the measures write it, e.g. "第十四条". */
    public String articleZh(Provision provision) {
        return Articles.chinese(article(provision));
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    /** The trial minimum that applies (Art. 22): longer for software development projects. */
    public Term trialMinimumFor(boolean softwareDevelopment) {
        return softwareDevelopment ? softwareTrialMinimum : trialMinimum;
    }

    /** Whether Art. 15 requires supervision for a project of this nature and total investment. */
    public boolean requiresSupervision(Nature nature, Money totalInvestment) {
        return supervisionNatures.contains(nature) && totalInvestment.isAtLeast(supervisionThreshold);
    }

    /** The kinds of purchase outside the measures that a budget line is (Art. 2), in the pack's order. */
    public List<ScopeExclusion> exclusionsOf(String item, cn.egov.projects.domain.catalog.PurchaseKind kind) {
        return scopeExclusions.stream().filter(e -> e.excludes(item, kind)).toList();
    }

    /** The most that changes after the tender may add to contracts of this amount (Art. 18), rounded down to the fen. */
    public Money contractAdditionLimit(Money contracted) {
        return Money.of(contracted.toBigDecimal().multiply(java.math.BigDecimal.valueOf(contractAdditionPercent))
                .divide(java.math.BigDecimal.valueOf(100), 2, java.math.RoundingMode.DOWN));
    }

    /** The stage of acceptance whose passing accepts the project (the last one). */
    public AcceptanceStage finalAcceptanceStage() {
        return acceptanceStages.get(acceptanceStages.size() - 1);
    }

    /** A stage by its key. */
    public java.util.Optional<AcceptanceStage> acceptanceStage(String key) {
        return acceptanceStages.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /**
     * A refusal of an acceptance stage (code {@link RuleCode#ART24_EXPERTS}): cites the stage's article with its
     * wording, followed by what was found. For a pack of one stage this is exactly
     * {@code violation(ART24_EXPERTS, detail)}.
     */
    public Violation violation(AcceptanceStage stage, String detail) {
        String article = Articles.chinese(stage.rule().article());
        return new Violation(RuleCode.ART24_EXPERTS, article, compose(article, stage.rule().wording(), detail));
    }

    /** The article that orders a stage of acceptance, as "第二十五条". */
    public String articleZh(AcceptanceStage stage) {
        return Articles.chinese(stage.rule().article());
    }

    /** The article a rule cites in this pack, as "第十五条". */
    public String articleOf(RuleCode code) {
        return Articles.chinese(rules.get(code).article());
    }

    /** A decision citing the rule's article with this pack's wording. */
    public Violation violation(RuleCode code) {
        return violation(code, null);
    }

    /**
     * A decision citing the rule's article with this pack's wording, followed by what was found, e.g.
     * "第十五条：总投资在80万元(含)以上的新建项目应实行项目监理制（本项目总投资800,000.00元，未列监理费用）".
     */
    public Violation violation(RuleCode code, String detail) {
        if (code.citesAction()) {
            throw new IllegalArgumentException(code + " cites the article of the action: use orderViolation");
        }
        RuleText text = rules.get(code);
        String article = Articles.chinese(text.article());
        return new Violation(code, article, compose(article, text.wording(), detail));
    }

    /**
     * A decision citing the rule's article in this pack, worded by what was found alone (the pack's wording of the
     * rule left out), e.g. {@code refusal(ART4_ROLE, "「备份数据库」由系统管理员办理")} →
     * "第四条：「备份数据库」由系统管理员办理" under Taicang's measures, "第五条：…" under a pack that numbers the
     * authorities' duties 5.
     */
    public Violation refusal(RuleCode code, String message) {
        if (code.citesAction()) {
            throw new IllegalArgumentException(code + " cites the article of the action: use orderViolation");
        }
        String article = articleOf(code);
        return new Violation(code, article, article + "：" + message);
    }

    /**
     * A refusal because the action is not open in the project's present state; cites the article that holds the
     * action's provision in this pack.
     */
    public Violation orderViolation(Provision provision, String detail) {
        String articleZh = articleZh(provision);
        return new Violation(RuleCode.LIFECYCLE_ORDER, articleZh, articleZh + "：" + detail);
    }

    /**
     * A refusal because a stage of acceptance cannot be held in the project's present state; cites the article that
     * orders the stage (a preliminary acceptance its own, not the final one's).
     */
    public Violation orderViolation(AcceptanceStage stage, String detail) {
        String articleZh = Articles.chinese(stage.rule().article());
        return new Violation(RuleCode.LIFECYCLE_ORDER, articleZh, articleZh + "：" + detail);
    }

    /** A refusal because the day a stage of acceptance was held precedes a step before it; cites the stage's article. */
    public Violation dateOrderViolation(AcceptanceStage stage, String detail) {
        String articleZh = Articles.chinese(stage.rule().article());
        return new Violation(RuleCode.DATES_OUT_OF_ORDER, articleZh, articleZh + "：" + detail);
    }

    /**
     * A refusal because the person's role does not record this stage of acceptance ({@link AcceptanceStage#recordedBy}
     * says who does); code {@link RuleCode#ART4_ROLE}, citing the article that orders the stage.
     */
    public Violation roleViolation(AcceptanceStage stage, String detail) {
        String articleZh = Articles.chinese(stage.rule().article());
        return new Violation(RuleCode.ART4_ROLE, articleZh, articleZh + "：" + detail);
    }

    /** A refusal because a stated day precedes a step that must come before it; cites the action's article. */
    public Violation dateOrderViolation(Provision provision, String detail) {
        String articleZh = articleZh(provision);
        return new Violation(RuleCode.DATES_OUT_OF_ORDER, articleZh, articleZh + "：" + detail);
    }

    private static String compose(String article, String wording, String detail) {
        String base = article + "：" + wording;
        return detail == null || detail.isBlank() ? base : base + "（" + detail + "）";
    }
}
