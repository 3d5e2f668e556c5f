package cn.egov.projects.domain.project;

import cn.egov.projects.domain.calendar.PeriodArithmetic;
import cn.egov.projects.domain.calendar.WorkingDayCalendar;
import cn.egov.projects.domain.catalog.Category;
import cn.egov.projects.domain.catalog.FundingSource;
import cn.egov.projects.domain.catalog.Nature;
import cn.egov.projects.domain.catalog.ServiceKind;
import cn.egov.projects.domain.deadline.DeadlineCalculator;
import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.policy.PolicyPack;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Test data shared by the domain tests: people, profiles, calculators and documents written out by hand. */
public final class Fixtures {

    public static final UnitId UNIT = new UnitId("TC-GAJ");
    public static final UnitId OTHER_UNIT = new UnitId("TC-JYJ");

    /** The three experts of a Taicang panel (Art. 24: at least 3). */
    public static final List<String> THREE_EXPERTS = List.of("张明", "李华", "王芳");
    /** The five experts of the example pack's panel. */
    public static final List<String> FIVE_EXPERTS = List.of("张明", "李华", "王芳", "赵强", "陈静");

    /** Taicang's acceptance documents (Art. 24), as listed in the pack. */
    public static final List<String> TAICANG_DOCUMENTS =
            List.of("项目合同", "实施方案", "项目自查报告", "测试报告", "用户使用报告");
    /** The example pack's acceptance documents. */
    public static final List<String> EXAMPLE_DOCUMENTS =
            List.of("项目合同", "实施方案", "项目自查报告", "测试报告", "第三方测评报告");

    private Fixtures() {
    }

    public static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    public static DeadlineCalculator calculator(PolicyPack pack) {
        return new DeadlineCalculator(pack, new PeriodArithmetic(WorkingDayCalendar.official()));
    }

    public static AccountablePeople people() {
        return new AccountablePeople(
                new Person("周建国", "13912345678", "zhoujg@taicang.gov.cn"),
                new Person("吴晓梅", "13812345678", "wuxm@taicang.gov.cn"));
    }

    public static ProfileBuilder profile() {
        return new ProfileBuilder();
    }

    public static BudgetLine line(String item, String yuan) {
        return new BudgetLine(item, Money.yuan(yuan), false);
    }

    public static BudgetLine supervisionLine(String yuan) {
        return new BudgetLine("项目监理", Money.yuan(yuan), true);
    }

    /** The performance goal of the default profile: a benefit indicator with a numeric target. */
    public static final PerformanceGoal GOAL = PerformanceGoal.of("办件时间缩短比例", GoalKind.BENEFIT, "≥30%");

    /** A self-inspection of the default profile's project, its goal met (Art. 23). */
    public static SelfInspection completeSelfInspection(LocalDate on) {
        return new SelfInspection(on, "建设内容已全部完成", "资源目录已整理并挂接", "绩效目标均已达成",
                List.of(GoalAchievement.reported(GOAL.indicator(), "32%", Attainment.MET, null)));
    }

    public static Contract contract(String number, String yuan, LocalDate signedOn) {
        return new Contract(number, "苏州某信息技术有限公司", Money.yuan(yuan), signedOn, null, null);
    }

    /**
     * A profile of a new business system, plan year 2025, two budget lines totalling 600,000.00 yuan (below the
     * supervision threshold), with its accountable people.
     */
    public static final class ProfileBuilder {
        private String name = "太仓市智慧警务平台";
        private int planYear = 2025;
        private Category category = Category.BUSINESS_SYSTEM;
        private Nature nature = Nature.NEW;
        private ServiceKind serviceKind;
        private ProjectId supervisedProject;
        private boolean softwareDevelopment;
        private FundingSource funding = FundingSource.MUNICIPAL;
        private boolean classified;
        private boolean usesCryptography;
        private List<String> scopeItems = List.of("平台软件开发", "数据治理");
        private List<PerformanceGoal> performanceGoals = List.of(GOAL);
        private List<BudgetLine> budgetLines = List.of(line("平台软件开发", "400000.00"), line("数据治理", "200000.00"));
        private AccountablePeople people = Fixtures.people();

        public ProfileBuilder planYear(int year) {
            this.planYear = year;
            return this;
        }

        public ProfileBuilder name(String name) {
            this.name = name;
            return this;
        }

        public ProfileBuilder category(Category category) {
            this.category = category;
            return this;
        }

        public ProfileBuilder nature(Nature nature) {
            this.nature = nature;
            return this;
        }

        public ProfileBuilder supervisionServiceFor(ProjectId supervised) {
            this.nature = Nature.IT_SERVICE;
            this.serviceKind = ServiceKind.SUPERVISION;
            this.supervisedProject = supervised;
            return this;
        }

        public ProfileBuilder software(boolean softwareDevelopment) {
            this.softwareDevelopment = softwareDevelopment;
            return this;
        }

        public ProfileBuilder funding(FundingSource funding) {
            this.funding = funding;
            return this;
        }

        public ProfileBuilder classified(boolean classified) {
            this.classified = classified;
            return this;
        }

        public ProfileBuilder usesCryptography(boolean uses) {
            this.usesCryptography = uses;
            return this;
        }

        public ProfileBuilder scope(String... items) {
            this.scopeItems = List.of(items);
            return this;
        }

        public ProfileBuilder goals(PerformanceGoal... goals) {
            this.performanceGoals = List.of(goals);
            return this;
        }

        public ProfileBuilder lines(BudgetLine... lines) {
            this.budgetLines = List.of(lines);
            return this;
        }

        public ProfileBuilder plusLine(BudgetLine extra) {
            List<BudgetLine> all = new ArrayList<>(budgetLines);
            all.add(extra);
            this.budgetLines = List.copyOf(all);
            return this;
        }

        public ProfileBuilder people(AccountablePeople people) {
            this.people = people;
            return this;
        }

        public ProjectProfile build() {
            return new ProjectProfile(name, planYear, category, nature, serviceKind, supervisedProject,
                    softwareDevelopment, funding, classified, usesCryptography, scopeItems, performanceGoals,
                    budgetLines, people);
        }
    }
}
