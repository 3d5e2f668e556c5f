package cn.egov.projects.domain.deadline;

import cn.egov.projects.domain.policy.PolicyPacks;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("期限的说明按项目所适用政策包的期限写出")
class DeadlineTextTest {

    @Test
    @DisplayName("合同报送期限：太仓办法写7个工作日，示例政策包写5个工作日，绝不写死")
    void theFilingPeriodIsThePacks() {
        assertThat(DeadlineKind.CONTRACT_FILING.descriptionZh(PolicyPacks.taicang()))
                .isEqualTo("项目合同签订后7个工作日内将合同报送市大数据管理局");
        assertThat(DeadlineKind.CONTRACT_FILING.descriptionZh(PolicyPacks.example()))
                .isEqualTo("项目合同签订后5个工作日内将合同报送市大数据管理局");
        assertThat(DeadlineKind.FINAL_ACCOUNTS.descriptionZh(PolicyPacks.example())).contains("6个月内");
        assertThat(DeadlineKind.ACCEPTANCE_REPORT.descriptionZh(PolicyPacks.example())).contains("10个工作日内");
    }

    @Test
    @DisplayName("每个有期间的期限都写出了期间，没有留下占位符；按日期到期的两类照原文")
    void everyDescriptionIsComplete() {
        for (DeadlineKind kind : DeadlineKind.values()) {
            String text = kind.descriptionZh(PolicyPacks.example());
            assertThat(text).as(kind.name()).doesNotContain("{").isNotBlank();
            kind.termIn(PolicyPacks.example()).ifPresent(t -> assertThat(text).contains(t.toChinese()));
        }
        assertThat(DeadlineKind.WARRANTY_END.termIn(PolicyPacks.taicang())).isEmpty();
    }
}
