package cn.egov.projects.domain.resource;

import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.rule.Outcome;
import cn.egov.projects.domain.rule.RuleCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("复用与重复建设审查意见（第一条、第六条）")
class ReuseOpinionTest {

    private final ProjectId project = ProjectId.random();
    private final SimilarReference other = new SimilarReference(ProjectId.random(), null, "公安数据共享平台",
            "公安数据共享平台");

    private ReuseOpinion opinion(ReuseVerdict verdict, String comment, List<SimilarReference> similar) {
        return new ReuseOpinion(UUID.randomUUID(), project, verdict, comment, similar, "bdb-officer", Resources.AT);
    }

    @Test
    @DisplayName("仅在项目申报后、评审意见形成前录入；其他状态引第六条拒绝")
    void onlyWhileUnderReview() {
        for (ProjectState state : ProjectState.values()) {
            Outcome outcome = ReuseOpinion.mayBeRecordedIn(state, PolicyPacks.taicang());
            boolean open = state == ProjectState.DECLARED || state == ProjectState.UNDER_REVIEW;
            assertThat(outcome.isRefused()).as(state.name()).isEqualTo(!open);
            if (!open) {
                assertThat(outcome.refusals()).singleElement().satisfies(v -> {
                    assertThat(v.code()).isEqualTo(RuleCode.ART6_REUSE_REVIEW_CLOSED);
                    assertThat(v.article()).isEqualTo("第六条");
                    assertThat(v.messageZh()).startsWith("第六条：项目实施应以政务信息资源开发、整合和利用为主线")
                            .endsWith("（本项目" + state.zh() + "）");
                });
            }
        }
    }

    @Test
    @DisplayName("部分重复、重复建设须列明相似的项目或资源；无重复可不列")
    void duplicationNamesWhat() {
        assertThat(opinion(ReuseVerdict.NO_DUPLICATION, "与现有项目无重复", null).similar()).isEmpty();
        assertThat(opinion(ReuseVerdict.DUPLICATE, "与公安数据共享平台重复", List.of(other)).similar())
                .containsExactly(other);
        for (ReuseVerdict verdict : List.of(ReuseVerdict.PARTIAL_REUSE, ReuseVerdict.DUPLICATE)) {
            assertThatThrownBy(() -> opinion(verdict, "意见", List.of()))
                    .isInstanceOfSatisfying(ResourceFieldException.class, e -> {
                        assertThat(e.field()).isEqualTo("similar");
                        assertThat(e.messageZh()).contains("须列明相似的项目或资源").contains(verdict.zh());
                    });
        }
    }

    @Test
    @DisplayName("结论、意见必填且有长度上限；不能列本项目或其资源，不能重复列明，至多20项")
    void fieldsAreChecked() {
        assertField(() -> opinion(null, "意见", List.of()), "verdict");
        assertField(() -> opinion(ReuseVerdict.NO_DUPLICATION, " ", List.of()), "comment");
        assertField(() -> opinion(ReuseVerdict.NO_DUPLICATION, "意".repeat(2001), List.of()), "comment");
        assertField(() -> opinion(ReuseVerdict.DUPLICATE, "意见",
                List.of(new SimilarReference(project, null, "本项目", "本项目"))), "similar[0].projectId");
        assertField(() -> opinion(ReuseVerdict.DUPLICATE, "意见", List.of(other, other)), "similar[1]");
        SimilarReference[] many = new SimilarReference[21];
        Arrays.setAll(many, i -> new SimilarReference(ProjectId.random(), null, "项目" + i, "项目" + i));
        assertField(() -> opinion(ReuseVerdict.DUPLICATE, "意见", List.of(many)), "similar");
        assertField(() -> opinion(ReuseVerdict.PARTIAL_REUSE, "可复用",
                List.of(new SimilarReference(project, UUID.randomUUID(), "警情库", "本项目"))), "similar[0].projectId");
    }

    private static void assertField(Runnable make, String field) {
        assertThatThrownBy(make::run).isInstanceOfSatisfying(ResourceFieldException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
