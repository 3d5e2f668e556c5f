package cn.egov.projects.application.service;

import cn.egov.projects.application.error.ForbiddenException;
import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.application.error.NotFoundException;
import cn.egov.projects.application.error.RefusedException;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.RecordReuseOpinionCommand;
import cn.egov.projects.application.port.in.RecordReviewCommand;
import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.application.view.ReuseOpinionView;
import cn.egov.projects.domain.catalog.Category;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.resource.ReuseVerdict;
import cn.egov.projects.domain.resource.SimilarReference;
import cn.egov.projects.domain.rule.RuleCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static cn.egov.projects.application.fake.People.audit;
import static cn.egov.projects.application.fake.People.bureau;
import static cn.egov.projects.application.fake.People.bureauAssigned;
import static cn.egov.projects.application.fake.People.finance;
import static cn.egov.projects.application.service.ResourceWorld.CITY;
import static cn.egov.projects.application.service.ResourceWorld.EDUCATION;
import static cn.egov.projects.application.service.ResourceWorld.POLICE;
import static cn.egov.projects.application.service.ResourceWorld.data;
import static cn.egov.projects.application.service.ResourceWorld.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("复用与重复建设审查意见：市大数据管理局在评审时录入，列明相似项目或资源（第一条、第六条）")
class ReuseOpinionServiceTest {

    private final ResourceWorld r = new ResourceWorld();
    private ProjectId reviewed;
    private ProjectId sharing;
    private UUID sharingApi;
    private ProjectId secret;

    @BeforeEach
    void setUp() {
        sharing = r.declared(CITY, "公安数据共享平台", "公安数据汇聚");
        sharingApi = r.register(CITY, sharing, data("公安数据共享交换接口", null)).entries().get(0).id();
        secret = r.declared(EDUCATION, ResourceWorld.profile("公安数据汇聚分析平台", Category.BUSINESS_SYSTEM, true,
                "数据汇聚平台"));
        reviewed = r.underReview(POLICE, "智慧公安数据平台", "数据汇聚平台", "警情分析系统");
    }

    private ReuseOpinionView record(Caller caller, ReuseVerdict verdict, RecordReuseOpinionCommand.Similar... similar) {
        return r.w.reuseOpinions.record(caller, new RecordReuseOpinionCommand(reviewed, verdict,
                "与已建项目部分重复，数据汇聚部分应复用现有平台", List.of(similar)));
    }

    private static RecordReuseOpinionCommand.Similar project(ProjectId id) {
        return new RecordReuseOpinionCommand.Similar(id, null);
    }

    @Test
    @DisplayName("录入后在项目上显示结论、意见和列明的相似项目、资源（名称取录入时的），并有操作记录")
    void recordedAndShown() {
        ReuseOpinionView view = record(bureau(), ReuseVerdict.PARTIAL_REUSE, project(sharing),
                new RecordReuseOpinionCommand.Similar(sharing, sharingApi));

        assertThat(view.open()).isTrue();
        assertThat(view.mayRecord()).isTrue();
        ReuseOpinionView.Shown shown = view.latest().orElseThrow();
        assertThat(shown.verdict()).isEqualTo(ReuseVerdict.PARTIAL_REUSE);
        assertThat(shown.comment()).startsWith("与已建项目部分重复");
        assertThat(shown.similar()).extracting(SimilarReference::name)
                .containsExactly("公安数据共享平台", "公安数据共享交换接口");
        assertThat(shown.similar().get(1).projectName()).isEqualTo("公安数据共享平台");
        assertThat(shown.recordedBy()).isEqualTo("bdb-officer");

        ReuseOpinionView unit = r.w.reuseOpinions.opinion(staff(POLICE), reviewed);
        assertThat(unit.mayRecord()).isFalse();
        assertThat(unit.latest().orElseThrow().verdict()).isEqualTo(ReuseVerdict.PARTIAL_REUSE);

        AuditRecord last = r.w.world.audit.forProject(reviewed.toString()).get(
                r.w.world.audit.forProject(reviewed.toString()).size() - 1);
        assertThat(last.action()).isEqualTo("RECORD_REUSE_OPINION");
        assertThat(last.article()).isEqualTo("第六条");
        assertThat(last.summary()).isEqualTo("复用与重复建设审查意见：部分重复（可复用已有项目或资源），列明相似项目或资源2项");
        assertThat(last.fromState()).isEqualTo(ProjectState.UNDER_REVIEW);
    }

    @Test
    @DisplayName("再次录入的意见取代前一份，前一份仍有记录")
    void laterReplacesEarlier() {
        record(bureau(), ReuseVerdict.PARTIAL_REUSE, project(sharing));
        ReuseOpinionView view = record(bureau(), ReuseVerdict.NO_DUPLICATION);
        assertThat(view.latest().orElseThrow().verdict()).isEqualTo(ReuseVerdict.NO_DUPLICATION);
        assertThat(view.earlier()).isEqualTo(1);
    }

    @Test
    @DisplayName("列明的涉密项目只在知悉范围内显示，操作记录也不写相似项目的名称")
    void classifiedReferencesStayInside() {
        ReuseOpinionView view = record(bureauAssigned(secret), ReuseVerdict.DUPLICATE, project(secret),
                project(sharing));
        assertThat(view.latest().orElseThrow().similar()).extracting(SimilarReference::name)
                .containsExactly("公安数据汇聚分析平台", "公安数据共享平台");

        for (Caller outside : List.of(bureau(), audit(), staff(POLICE))) {
            assertThat(r.w.reuseOpinions.opinion(outside, reviewed).latest().orElseThrow().similar())
                    .as(outside.actor().role().name())
                    .noneMatch(s -> s.project().equals(secret));
        }
        // the police unit does not see the city's project either: it lies outside its scope
        assertThat(r.w.reuseOpinions.opinion(staff(POLICE), reviewed).latest().orElseThrow().similar()).isEmpty();
        assertThat(r.w.world.audit.all()).noneMatch(a -> a.summary() != null && a.summary().contains("公安数据汇聚分析平台"));
    }

    @Test
    @DisplayName("只能列明本人可见的项目和资源：涉密项目、不存在的项目或资源、本项目都指出是哪一项（400），不留记录")
    void referencesMustBeVisible() {
        int trail = r.w.world.audit.all().size();
        assertField(() -> record(bureau(), ReuseVerdict.DUPLICATE, project(secret)), "similar[0].projectId");
        assertField(() -> record(bureau(), ReuseVerdict.DUPLICATE, project(sharing), project(ProjectId.random())),
                "similar[1].projectId");
        assertField(() -> record(bureau(), ReuseVerdict.DUPLICATE,
                new RecordReuseOpinionCommand.Similar(sharing, UUID.randomUUID())), "similar[0].resourceId");
        assertField(() -> record(bureau(), ReuseVerdict.DUPLICATE, project(reviewed)), "similar[0].projectId");
        assertField(() -> record(bureau(), ReuseVerdict.DUPLICATE), "similar");
        assertField(() -> r.w.reuseOpinions.record(bureau(), new RecordReuseOpinionCommand(reviewed,
                ReuseVerdict.NO_DUPLICATION, " ", List.of())), "comment");
        assertThat(r.w.reuseOpinions.opinion(bureau(), reviewed).latest()).isEmpty();
        assertThat(r.w.world.audit.all()).hasSize(trail);
    }

    @Test
    @DisplayName("评审意见形成后不再录入（第六条）；实施单位、财政局无权录入（403）；其他单位视为不存在（404）")
    void refusals() {
        assertThatThrownBy(() -> record(staff(POLICE), ReuseVerdict.NO_DUPLICATION))
                .isInstanceOfSatisfying(ForbiddenException.class,
                        e -> assertThat(e.violation().messageZh()).contains("「录入复用与重复建设审查意见」由市大数据管理局办理"));
        assertThatThrownBy(() -> record(finance(), ReuseVerdict.NO_DUPLICATION)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> r.w.reuseOpinions.opinion(staff(CITY), reviewed)).isInstanceOf(NotFoundException.class);

        r.w.world.approvals.recordReview(bureau(), new RecordReviewCommand(reviewed, null, true,
                List.of("甲", "乙", "丙"), "同意"));
        int trail = r.w.world.audit.all().size();
        assertThatThrownBy(() -> record(bureau(), ReuseVerdict.NO_DUPLICATION))
                .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.violations()).singleElement()
                        .satisfies(v -> {
                            assertThat(v.code()).isEqualTo(RuleCode.ART6_REUSE_REVIEW_CLOSED);
                            assertThat(v.article()).isEqualTo("第六条");
                            assertThat(v.messageZh()).contains("本项目评审通过");
                        }));
        ReuseOpinionView closed = r.w.reuseOpinions.opinion(bureau(), reviewed);
        assertThat(closed.open()).isFalse();
        assertThat(closed.mayRecord()).isFalse();
        assertThat(r.w.world.audit.all()).hasSize(trail);

        // a draft is its unit's own: to the Bureau it does not exist yet (RULES.md §1)
        ProjectId draft = r.draft(POLICE, "草稿项目", "数据汇聚");
        assertThatThrownBy(() -> r.w.reuseOpinions.record(bureau(), new RecordReuseOpinionCommand(draft,
                ReuseVerdict.NO_DUPLICATION, "无重复", List.of())))
                .isInstanceOf(cn.egov.projects.application.error.NotFoundException.class);
    }

    private static void assertField(Runnable action, String field) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(InvalidCommandException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
