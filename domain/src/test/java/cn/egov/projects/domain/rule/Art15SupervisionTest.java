package cn.egov.projects.domain.rule;

import cn.egov.projects.domain.catalog.Nature;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.project.Journey;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.ProjectProfile;
import cn.egov.projects.domain.project.ProjectState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static cn.egov.projects.domain.project.Fixtures.line;
import static cn.egov.projects.domain.project.Fixtures.profile;
import static cn.egov.projects.domain.project.Fixtures.supervisionLine;
import static cn.egov.projects.domain.rule.RuleAssertions.assertClean;
import static cn.egov.projects.domain.rule.RuleAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("第十五条 项目监理制")
class Art15SupervisionTest {

    private static final LocalDate DECLARED_ON = LocalDate.of(2024, 9, 15);

    private static Outcome declare(ProjectProfile profile, PolicyPack pack, boolean supervisedNeedsOwn) {
        Journey j = Journey.of(profile, pack);
        return j.project.declare(DECLARED_ON, Optional.of(j.window()), pack);
    }

    private static Outcome declare(ProjectProfile profile, PolicyPack pack) {
        return declare(profile, pack, false);
    }

    @Test
    @DisplayName("新建项目总投资799,999.99元未列监理费用可以申报")
    void newProjectJustBelowThresholdNeedsNoSupervision() {
        Outcome outcome = declare(profile().lines(line("平台软件开发", "799999.99")).build(), PolicyPacks.taicang());

        assertClean(outcome);
    }

    @Test
    @DisplayName("新建项目总投资达到80万元须实行监理")
    void newProjectAtThresholdWithoutSupervisionIsRefused() {
        Journey j = Journey.of(profile().lines(line("平台软件开发", "800000.00")).build(), PolicyPacks.taicang());

        Outcome outcome = j.project.declare(DECLARED_ON, Optional.of(j.window()), j.pack);

        assertRefused(outcome, RuleCode.ART15_SUPERVISION_REQUIRED, "第十五条",
                "总投资在80万元(含)以上的新建项目应实行项目监理制", "新建项目", "总投资800,000.00元", "未列监理费用");
        assertThat(j.project.state()).isEqualTo(ProjectState.DRAFT);
    }

    @Test
    @DisplayName("多条预算明细合计达到80万元的新建项目同样须实行监理")
    void thresholdAppliesToTheSumOfTheLines() {
        Outcome outcome = declare(profile().lines(line("平台软件开发", "500000.00"), line("数据治理", "300000.00"))
                .build(), PolicyPacks.taicang());

        assertRefused(outcome, RuleCode.ART15_SUPERVISION_REQUIRED, "第十五条", "总投资800,000.00元");
    }

    @Test
    @DisplayName("新建项目总投资80万元且预算中列有监理费用的可以申报")
    void newProjectAtThresholdWithSupervisionLinePasses() {
        Outcome outcome = declare(profile().lines(line("平台软件开发", "760000.00"), supervisionLine("40000.00"))
                .build(), PolicyPacks.taicang());

        assertClean(outcome);
    }

    @Test
    @DisplayName("太仓办法下续建项目总投资90万元无需监理")
    void continuationIsNotCoveredInTaicang() {
        Outcome outcome = declare(profile().nature(Nature.CONTINUATION).lines(line("平台二期开发", "900000.00"))
                .build(), PolicyPacks.taicang());

        assertClean(outcome);
    }

    @Test
    @DisplayName("太仓办法下续建项目总投资100万元也无需监理")
    void continuationAtAMillionIsNotCoveredInTaicang() {
        Outcome outcome = declare(profile().nature(Nature.CONTINUATION).lines(line("平台二期开发", "1000000.00"))
                .build(), PolicyPacks.taicang());

        assertClean(outcome);
    }

    @Test
    @DisplayName("示例政策包下续建项目总投资达到100万元须实行监理")
    void continuationAtExampleThresholdIsRefused() {
        Outcome outcome = declare(profile().nature(Nature.CONTINUATION).lines(line("平台二期开发", "1000000.00"))
                .build(), PolicyPacks.example());

        assertRefused(outcome, RuleCode.ART15_SUPERVISION_REQUIRED, "第十五条",
                "总投资在100万元(含)以上的新建、续建项目应实行项目监理制", "续建项目", "总投资1,000,000.00元");
    }

    @Test
    @DisplayName("示例政策包下续建项目总投资999,999.99元无需监理")
    void continuationJustBelowExampleThresholdPasses() {
        Outcome outcome = declare(profile().nature(Nature.CONTINUATION).lines(line("平台二期开发", "999999.99"))
                .build(), PolicyPacks.example());

        assertClean(outcome);
    }

    @Test
    @DisplayName("示例政策包下新建项目总投资90万元无需监理，而太仓办法下须监理")
    void newProjectAtNineHundredThousandDiffersBetweenPacks() {
        ProjectProfile p = profile().lines(line("平台软件开发", "900000.00")).build();

        assertClean(declare(p, PolicyPacks.example()));
        assertRefused(declare(p, PolicyPacks.taicang()), RuleCode.ART15_SUPERVISION_REQUIRED, "第十五条");
    }

    @Test
    @DisplayName("运维项目总投资200万元在两个政策包下都无需监理")
    void operationsAreNotCovered() {
        ProjectProfile p = profile().nature(Nature.OPERATIONS).lines(line("系统运维服务", "2000000.00")).build();

        assertClean(declare(p, PolicyPacks.taicang()));
        assertClean(declare(p, PolicyPacks.example()));
    }

    @Test
    @DisplayName("单独申报监理服务项目一律不予受理，无论所指项目是否达到80万元、是否存在、是否本单位")
    void separateSupervisionDeclarationIsAlwaysRefused() {
        ProjectProfile forSomeProject = profile().supervisionServiceFor(ProjectId.random())
                .scope("项目监理").lines(line("监理服务", "40000.00")).build();
        ProjectProfile forNone = profile().supervisionServiceFor(null)
                .scope("项目监理").lines(line("监理服务", "40000.00")).build();

        Violation some = assertRefused(declare(forSomeProject, PolicyPacks.taicang()),
                RuleCode.ART15_SUPERVISION_REQUIRED, "第十五条", "不得单独申报监理项目");
        Violation none = assertRefused(declare(forNone, PolicyPacks.taicang()),
                RuleCode.ART15_SUPERVISION_REQUIRED, "第十五条", "不得单独申报监理项目");
        assertThat(some.messageZh()).isEqualTo(none.messageZh());
    }

    @Test
    @DisplayName("金额为零的监理明细不算实行监理，且单独提示须列明实际金额")
    void aSupervisionLineOfZeroIsNoSupervision() {
        Outcome outcome = declare(profile().lines(line("平台软件开发", "900000.00"), supervisionLine("0.00"))
                .build(), PolicyPacks.taicang());

        assertThat(outcome.refusals()).extracting(Violation::messageZh)
                .anySatisfy(m -> assertThat(m).contains("第十五条", "监理费用须列明实际金额"))
                .anySatisfy(m -> assertThat(m).contains("第十五条", "总投资900,000.00元", "未列监理费用"));
    }

    @Test
    @DisplayName("80万元以下的项目列了零元监理明细同样不予受理")
    void aZeroSupervisionLineIsRefusedBelowTheThresholdToo() {
        Outcome outcome = declare(profile().lines(line("平台软件开发", "500000.00"), supervisionLine("0.00"))
                .build(), PolicyPacks.taicang());

        assertRefused(outcome, RuleCode.ART15_SUPERVISION_REQUIRED, "第十五条", "监理费用须列明实际金额");
    }

    @Test
    @DisplayName("一分钱以上的监理明细即满足监理要求")
    void anyRealSupervisionMoneyCounts() {
        assertClean(declare(profile().lines(line("平台软件开发", "900000.00"), supervisionLine("0.01"))
                .build(), PolicyPacks.taicang()));
    }
}
