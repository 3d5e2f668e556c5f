package cn.egov.projects.domain.rule;

import cn.egov.projects.domain.catalog.PurchaseKind;
import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.project.BudgetLine;
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
        return j.project.declare(LocalDate.of(2024, 9, 15), Optional.of(j.window()), j.pack);
    }

    @Test
    @DisplayName("预算明细含采购打印机的申报不属于本办法所称项目，提示中列明该明细")
    void printerLineIsOutOfScopeAndNamed() {
        Journey j = journey(profile().lines(line("平台软件开发", "400000.00"), line("采购打印机10台", "20000.00"))
                .build(), PolicyPacks.taicang());

        Outcome outcome = declare(j);

        Violation v = assertRefused(outcome, RuleCode.ART2_OUT_OF_SCOPE, "第二条",
                "不属于本办法项目的预算明细：采购打印机10台（属打印机）");
        assertThat(v.messageZh()).doesNotContain("平台软件开发");
        assertThat(j.project.state()).isEqualTo(ProjectState.DRAFT);
    }

    @Test
    @DisplayName("多条范围外的预算明细都在提示中列明")
    void everyOutOfScopeLineIsNamed() {
        Journey j = journey(profile().lines(line("政务数据共享平台", "300000.00"), line("会议系统改造", "80000.00"),
                line("门禁系统更新", "50000.00")).build(), PolicyPacks.taicang());

        assertRefused(declare(j), RuleCode.ART2_OUT_OF_SCOPE, "第二条", "预算明细：会议系统改造（属会议系统）、门禁系统更新（属门禁系统）");
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

    @Test
    @DisplayName("视频会议系统对接接口开发是软件开发工作，不因含“会议系统”而被拒")
    void softwareWorkThatTouchesAnExcludedKindIsInScope() {
        Journey j = journey(profile().lines(line("视频会议系统对接接口开发", "120000.00")).build(),
                PolicyPacks.taicang());

        assertClean(declare(j));
    }

    @Test
    @DisplayName("明细注明为软件开发的门禁数据对接开发属于本办法项目；注明为硬件设备的同名明细不属于")
    void theStatedKindDecidesWithTheWords() {
        ProjectProfile work = profile().lines(new BudgetLine("门禁数据对接开发", Money.yuan("60000.00"), false,
                PurchaseKind.SOFTWARE_DEVELOPMENT)).build();
        ProjectProfile goods = profile().lines(new BudgetLine("门禁数据对接开发", Money.yuan("60000.00"), false,
                PurchaseKind.HARDWARE)).build();

        assertClean(declare(journey(work, PolicyPacks.taicang())));
        assertRefused(declare(journey(goods, PolicyPacks.taicang())), RuleCode.ART2_OUT_OF_SCOPE, "第二条",
                "门禁数据对接开发（属门禁系统）");
    }

    @Test
    @DisplayName("按用词识别同类采购：笔记本电脑属个人电脑，硒鼓属耗材，不必与办法原文字面相同")
    void kindsAreRecognisedByTheirWordsNotOnlyTheirNames() {
        Journey j = journey(profile().lines(line("笔记本电脑20台", "120000.00"), line("硒鼓", "5000.00"),
                line("政务服务平台开发", "300000.00")).build(), PolicyPacks.taicang());

        Violation v = assertRefused(declare(j), RuleCode.ART2_OUT_OF_SCOPE, "第二条",
                "笔记本电脑20台（属个人电脑及所需软件）", "硒鼓（属耗材）");
        assertThat(v.messageZh()).doesNotContain("政务服务平台开发");
    }

    @Test
    @DisplayName("标为软件开发但用词不含开发、接口等工作内容的打印机明细仍不属于本办法项目")
    void aLabelAloneDoesNotBringGoodsIntoScope() {
        ProjectProfile p = profile().lines(new BudgetLine("彩色激光打印机", Money.yuan("8000.00"), false,
                PurchaseKind.SOFTWARE_DEVELOPMENT)).build();

        assertRefused(declare(journey(p, PolicyPacks.taicang())), RuleCode.ART2_OUT_OF_SCOPE, "第二条",
                "彩色激光打印机（属打印机）");
    }
}
