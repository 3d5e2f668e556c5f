package cn.egov.projects.domain.declaration;

import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.project.Journey;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.rule.Outcome;
import cn.egov.projects.domain.rule.RuleCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static cn.egov.projects.domain.project.Fixtures.profile;
import static cn.egov.projects.domain.rule.RuleAssertions.assertClean;
import static cn.egov.projects.domain.rule.RuleAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("第七条 年度集中申报期")
class DeclarationWindowTest {

    /** The window for plan year 2025: 2024-07-01 to 2024-09-30, both inclusive. */
    private static final DeclarationWindow WINDOW_2025 =
            new DeclarationWindow(2025, LocalDate.of(2024, 7, 1), LocalDate.of(2024, 9, 30));

    @Nested
    @DisplayName("申报期内外的申报")
    class Declaring {

        private Journey journey() {
            return Journey.of(profile().planYear(2025).build(), PolicyPacks.taicang());
        }

        @Test
        @DisplayName("申报期最后一天2024-09-30申报的予以受理")
        void closingDayIsInside() {
            Journey j = journey();

            assertClean(j.project.declare(LocalDate.of(2024, 9, 30), Optional.of(WINDOW_2025), j.pack));
            assertThat(j.project.state()).isEqualTo(ProjectState.DECLARED);
            assertThat(j.project.declaredOn()).isEqualTo(LocalDate.of(2024, 9, 30));
        }

        @Test
        @DisplayName("申报期截止次日2024-10-01申报的不予受理，并提示追加申报途径")
        void dayAfterClosingIsRefused() {
            Journey j = journey();

            Outcome outcome = j.project.declare(LocalDate.of(2024, 10, 1), Optional.of(WINDOW_2025), j.pack);

            assertRefused(outcome, RuleCode.ART7_WINDOW_CLOSED, "第七条", "电子政务建设项目实行年度计划管理",
                    "2025年度集中申报期为2024-07-01至2024-09-30", "不在申报期内", "请按第十条追加申报");
            assertThat(j.project.state()).isEqualTo(ProjectState.DRAFT);
            assertThat(j.project.declaredOn()).isNull();
        }

        @Test
        @DisplayName("申报期首日2024-07-01申报的予以受理，前一天不予受理")
        void openingDayIsInside() {
            Journey j = journey();
            assertRefused(j.project.declare(LocalDate.of(2024, 6, 30), Optional.of(WINDOW_2025), j.pack),
                    RuleCode.ART7_WINDOW_CLOSED, "第七条");

            assertClean(j.project.declare(LocalDate.of(2024, 7, 1), Optional.of(WINDOW_2025), j.pack));
        }

        @Test
        @DisplayName("尚未启动集中申报时申报的不予受理")
        void noWindowIsRefused() {
            Journey j = journey();

            assertRefused(j.project.declare(LocalDate.of(2024, 8, 1), Optional.empty(), j.pack),
                    RuleCode.ART7_WINDOW_CLOSED, "第七条", "2025年度集中申报尚未启动");
        }

        @Test
        @DisplayName("以其他计划年度的申报期申报的不予受理")
        void windowOfAnotherPlanYearIsRefused() {
            Journey j = Journey.of(profile().planYear(2026).build(), PolicyPacks.taicang());

            Outcome outcome = j.project.declare(LocalDate.of(2024, 8, 1), Optional.of(WINDOW_2025), j.pack);

            assertRefused(outcome, RuleCode.ART7_WINDOW_CLOSED, "第七条", "2026年度");
            assertThat(j.project.state()).isEqualTo(ProjectState.DRAFT);
        }
    }

    @Nested
    @DisplayName("申报期的设置")
    class Opening {

        @Test
        @DisplayName("太仓办法下于上一年第三季度启动的申报期符合第七条")
        void thirdQuarterIsAllowed() {
            assertClean(WINDOW_2025.checkAgainst(PolicyPacks.taicang()));
            assertClean(new DeclarationWindow(2025, LocalDate.of(2024, 9, 30), LocalDate.of(2024, 11, 15))
                    .checkAgainst(PolicyPacks.taicang()));
        }

        @Test
        @DisplayName("于6月30日启动的申报期不符合第七条")
        void juneIsRefused() {
            Outcome outcome = new DeclarationWindow(2025, LocalDate.of(2024, 6, 30), LocalDate.of(2024, 9, 30))
                    .checkAgainst(PolicyPacks.taicang());

            assertRefused(outcome, RuleCode.ART7_WINDOW_CLOSED, "第七条",
                    "计划年度2025的集中申报应在2024年7月、8月、9月启动");
        }

        @Test
        @DisplayName("于10月1日启动的申报期不符合太仓办法，却符合示例政策包")
        void octoberDiffersBetweenPacks() {
            DeclarationWindow october = new DeclarationWindow(2025, LocalDate.of(2024, 10, 1), LocalDate.of(2024, 10, 31));

            assertRefused(october.checkAgainst(PolicyPacks.taicang()), RuleCode.ART7_WINDOW_CLOSED, "第七条");
            assertClean(october.checkAgainst(PolicyPacks.example()));
        }

        @Test
        @DisplayName("示例政策包下7月启动的申报期不符合，提示应在9月、10月启动")
        void julyIsRefusedByTheExamplePack() {
            assertRefused(WINDOW_2025.checkAgainst(PolicyPacks.example()), RuleCode.ART7_WINDOW_CLOSED, "第七条",
                    "应在2024年9月、10月启动");
        }

        @Test
        @DisplayName("计划年度当年第三季度启动的申报期不符合第七条")
        void sameYearIsRefused() {
            assertRefused(new DeclarationWindow(2025, LocalDate.of(2025, 7, 1), LocalDate.of(2025, 9, 30))
                    .checkAgainst(PolicyPacks.taicang()), RuleCode.ART7_WINDOW_CLOSED, "第七条", "应在2024年");
        }

        @Test
        @DisplayName("跨入计划年度才截止的申报期不符合第七条")
        void closingInThePlanYearIsRefused() {
            assertRefused(new DeclarationWindow(2025, LocalDate.of(2024, 9, 1), LocalDate.of(2025, 1, 5))
                    .checkAgainst(PolicyPacks.taicang()), RuleCode.ART7_WINDOW_CLOSED, "第七条", "申报期应在2024年内截止");
        }

        @Test
        @DisplayName("截止日期早于开始日期的申报期不能设置")
        void closingBeforeOpeningIsInvalid() {
            assertThatThrownBy(() -> new DeclarationWindow(2025, LocalDate.of(2024, 9, 1), LocalDate.of(2024, 8, 31)))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        @DisplayName("开始、截止两日都在申报期内，其前后各一日不在")
        void bothEndsAreInclusive() {
            assertThat(WINDOW_2025.isOpenOn(LocalDate.of(2024, 6, 30))).isFalse();
            assertThat(WINDOW_2025.isOpenOn(LocalDate.of(2024, 7, 1))).isTrue();
            assertThat(WINDOW_2025.isOpenOn(LocalDate.of(2024, 9, 30))).isTrue();
            assertThat(WINDOW_2025.isOpenOn(LocalDate.of(2024, 10, 1))).isFalse();
        }

        @Test
        @DisplayName("开始日期早于今天的申报期不能设置（不能倒签），今天开始的可以")
        void aWindowIsNeverBackdated() {
            LocalDate today = LocalDate.of(2024, 8, 15);

            assertRefused(new DeclarationWindow(2025, LocalDate.of(2024, 8, 14), LocalDate.of(2024, 9, 30))
                            .checkOpening(PolicyPacks.taicang(), today, Optional.empty()),
                    RuleCode.ART7_WINDOW_CLOSED, "第七条", "申报开始日期2024-08-14早于今天（2024-08-15）", "不能倒签");
            assertClean(new DeclarationWindow(2025, today, LocalDate.of(2024, 9, 30))
                    .checkOpening(PolicyPacks.taicang(), today, Optional.empty()));
        }

        @Test
        @DisplayName("已开始的申报期可以延长截止日期，但不能把开始日期提前或把截止日期改到过去")
        void anOpenWindowMayBeExtendedButNotMovedIntoThePast() {
            LocalDate today = LocalDate.of(2024, 9, 10);
            Optional<DeclarationWindow> saved = Optional.of(WINDOW_2025);

            assertClean(new DeclarationWindow(2025, LocalDate.of(2024, 7, 1), LocalDate.of(2024, 10, 31))
                    .checkOpening(PolicyPacks.taicang(), today, saved));
            assertRefused(new DeclarationWindow(2025, LocalDate.of(2024, 8, 1), LocalDate.of(2024, 9, 30))
                            .checkOpening(PolicyPacks.taicang(), today, saved),
                    RuleCode.ART7_WINDOW_CLOSED, "第七条", "申报开始日期2024-08-01早于今天");
            assertRefused(new DeclarationWindow(2025, LocalDate.of(2024, 7, 1), LocalDate.of(2024, 9, 9))
                            .checkOpening(PolicyPacks.taicang(), today, saved),
                    RuleCode.ART7_WINDOW_CLOSED, "第七条", "申报截止日期2024-09-09早于今天");
        }
    }
}