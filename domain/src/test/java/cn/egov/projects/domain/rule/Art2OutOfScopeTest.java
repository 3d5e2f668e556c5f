package cn.egov.projects.domain.rule;

import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.project.Journey;
import cn.egov.projects.domain.project.ProjectProfile;
import cn.egov.projects.domain.project.ProjectState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static cn.egov.projects.domain.project.Fixtures.line;
import static cn.egov.projects.domain.project.Fixtures.profile;
import static cn.egov.projects.domain.rule.RuleAssertions.assertClean;
import static cn.egov.projects.domain.rule.RuleAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("第二条 适用范围")
class Art2OutOfScopeTest {

    private static Journey journey(ProjectProfile profile, PolicyPack pack) {
        return Journey.of(profile, pack);
    }

    private static Outcome declare(Journey j) {
        return j.project.declare(LocalDate.of(2024, 9, 15), Optional.of(j.window()), false, j.pack);
    }

    @Test
    @DisplayName("预算明细含采购打印机的申报不属于本办法所称项目，提示中列明该明细")
    void printerLineIsOutOfScopeAndNamed() {
        Journey j = journey(profile().lines(line("平台软件开发", "400000.00"), line("采购打印机10台", "20000.00"))
                .build(), PolicyPacks.taicang());

        Outcome outcome = declare(j);

        Violation v = assertRefused(outcome, RuleCode.ART2_OUT_OF_SCOPE, "第二条",
                "不属于本办法项目的预算明细：采购打印机10台");
        assertThat(v.messageZh()).doesNotContain("平台软件开发");
        assertThat(j.project.state()).isEqualTo(ProjectState.DRAFT);
    }

    @Test
    @DisplayName("多条范围外的预算明细都在提示中列明")
    void everyOutOfScopeLineIsNamed() {
        Journey j = journey(profile().lines(line("政务数据共享平台", "300000.00"), line("会议系统改造", "80000.00"),
                line("门禁系统更新", "50000.00")).build(), PolicyPacks.taicang());

        assertRefused(declare(j), RuleCode.ART2_OUT_OF_SCOPE, "第二条", "预算明细：会议系统改造、门禁系统更新");
    }

    @Test
    @DisplayName("预算明细均属电子政务建设内容的申报不触发范围检查")
    void eGovernmentLinesPass() {
        Journey j = journey(profile().lines(line("政务数据共享平台", "300000.00"), line("网络安全等级保护测评", "50000.00"))
                .build(), PolicyPacks.taicang());

        Outcome outcome = declare(j);

        assertClean(outcome);
        assertThat(j.project.state()).isEqualTo(ProjectState.DECLARED);
    }

    @Test
    @DisplayName("照相机在太仓办法下不属于本办法项目，在未列照相机的示例政策包下可以申报")
    void exclusionsComeFromThePack() {
        ProjectProfile p = profile().lines(line("平台软件开发", "400000.00"), line("采购照相机2台", "12000.00")).build();

        assertRefused(declare(journey(p, PolicyPacks.taicang())), RuleCode.ART2_OUT_OF_SCOPE, "第二条", "采购照相机2台");
        assertClean(declare(journey(p, PolicyPacks.example())));
    }
}
