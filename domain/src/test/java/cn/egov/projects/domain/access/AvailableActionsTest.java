package cn.egov.projects.domain.access;

import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.project.Fixtures;
import cn.egov.projects.domain.project.Journey;
import cn.egov.projects.domain.project.UnitId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static cn.egov.projects.domain.project.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;

class AvailableActionsTest {

    private final AvailableActions actions = new AvailableActions(new AccessPolicy(PolicyPacks.taicang()));
    private final Actor staff = Actor.of("s", Role.UNIT_STAFF, Fixtures.UNIT);
    private final Actor otherStaff = Actor.of("o", Role.UNIT_STAFF, Fixtures.OTHER_UNIT);
    private final Actor bureau = Actor.of("b", Role.BDB_OFFICER, new UnitId("TC-DSJ"));
    private final Actor audit = Actor.of("a", Role.AUDIT, new UnitId("TC-SJJ"));
    private final Actor finance = Actor.of("f", Role.FINANCE, new UnitId("TC-CZJ"));

    private static Journey journey() {
        return Journey.of(Fixtures.profile().build(), PolicyPacks.taicang());
    }

    @Test
    @DisplayName("草稿只向本单位人员提供修改和申报；大数据局和审计局没有可办事项")
    void aDraftOffersItsUnitToDeclare() {
        Journey j = journey();
        assertThat(actions.of(j.project, staff)).containsExactlyInAnyOrder(Action.EDIT_DRAFT, Action.DECLARE,
                Action.DECLARE_SUPPLEMENTARY, Action.ATTACH_DOCUMENT);
        assertThat(actions.of(j.project, bureau)).isEmpty();
        assertThat(actions.of(j.project, audit)).isEmpty();
        assertThat(actions.of(j.project, otherStaff)).isEmpty();
    }

    @Test
    @DisplayName("评审通过的项目由财政局提出资金安排意见，实施单位此时无事可办（只能上传文档）")
    void aReviewedProjectWaitsForFinance() {
        Journey j = journey().reviewed();
        assertThat(actions.of(j.project, finance)).contains(Action.PROPOSE_FUNDING)
                .doesNotContain(Action.RECORD_APPROVAL);
        assertThat(actions.of(j.project, staff)).containsExactlyInAnyOrder(Action.ATTACH_DOCUMENT);
        assertThat(actions.of(j.project, bureau)).contains(Action.ATTACH_DOCUMENT).doesNotContain(Action.PROPOSE_FUNDING);
    }

    @Test
    @DisplayName("已签合同的项目：本单位可报送合同、报进度、上线试运行；大数据局可终止和豁免期限")
    void aContractedProjectOffersWhatItsLifeNeeds() {
        Journey j = journey().contracted();
        assertThat(actions.of(j.project, staff)).contains(Action.FILE_CONTRACT, Action.REPORT_PROGRESS,
                Action.START_TRIAL_RUN, Action.REQUEST_CHANGE, Action.REPORT_SITUATION)
                .doesNotContain(Action.TERMINATE, Action.RECORD_ACCEPTANCE, Action.DECLARE);
        assertThat(actions.of(j.project, bureau)).contains(Action.TERMINATE, Action.WAIVE_DEADLINE)
                .doesNotContain(Action.FILE_CONTRACT);
        Journey.ok(j.project.fileContract("HT-2025-001", d("2025-03-18"), j.pack));
        assertThat(actions.of(j.project, staff)).doesNotContain(Action.FILE_CONTRACT);
    }

    @Test
    @DisplayName("待验收的项目由本单位录入验收结果；验收通过后可投入使用、报送验收报告和决算")
    void acceptanceThenOperation() {
        Journey j = journey().onTrial(d("2025-04-01")).awaitingAcceptance(d("2025-05-20")).cybersecReviewed(d("2025-05-21"));
        assertThat(actions.of(j.project, staff)).contains(Action.RECORD_ACCEPTANCE).doesNotContain(Action.PUT_INTO_OPERATION);
        Journey.ok(j.project.recordAcceptance(j.acceptance(d("2025-06-03"), true), j.calc));
        assertThat(AvailableActions.openedByState(j.project)).containsAll(Set.of(Action.PUT_INTO_OPERATION,
                Action.FILE_ACCEPTANCE_REPORT, Action.FILE_FINAL_ACCOUNTS));
        assertThat(actions.of(j.project, finance)).contains(Action.FILE_FINAL_ACCOUNTS)
                .doesNotContain(Action.PUT_INTO_OPERATION);
    }
}
