package cn.egov.projects.application.service;

import cn.egov.projects.application.error.ForbiddenException;
import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.application.error.NotFoundException;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.SimilarProjectsQuery;
import cn.egov.projects.application.view.SimilarityReport;
import cn.egov.projects.domain.catalog.Category;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.resource.SimilarItem;
import cn.egov.projects.domain.rule.RuleCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.egov.projects.application.fake.People.audit;
import static cn.egov.projects.application.fake.People.bureau;
import static cn.egov.projects.application.fake.People.bureauAssigned;
import static cn.egov.projects.application.fake.People.finance;
import static cn.egov.projects.application.fake.People.secrecy;
import static cn.egov.projects.application.service.ResourceWorld.CITY;
import static cn.egov.projects.application.service.ResourceWorld.EDUCATION;
import static cn.egov.projects.application.service.ResourceWorld.POLICE;
import static cn.egov.projects.application.service.ResourceWorld.data;
import static cn.egov.projects.application.service.ResourceWorld.expert;
import static cn.egov.projects.application.service.ResourceWorld.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("相似项目和资源：申报单位和评审人员在申报时看到相似的已有项目和已登记资源（第一条、第六条）")
class SimilarProjectsServiceTest {

    private final ResourceWorld r = new ResourceWorld();
    private ProjectId subject;
    private ProjectId sharing;
    private ProjectId analysis;
    private ProjectId secret;

    @BeforeEach
    void setUp() {
        sharing = r.declared(POLICE, "公安数据共享平台", "公安数据汇聚", "数据共享交换接口");
        r.register(POLICE, sharing, data("公安数据共享交换接口", "向各部门提供警情数据共享交换"));
        analysis = r.declared(CITY, "警务大数据分析系统", "警情分析", "数据汇聚平台");
        r.declared(CITY, "智慧城管综合指挥平台", "城管案件处置", "视频监控接入");
        r.declared(EDUCATION, "教育资源公共服务平台", "教学资源库", "在线课堂");
        secret = r.declared(EDUCATION, ResourceWorld.profile("公安数据汇聚分析平台", Category.BUSINESS_SYSTEM, true,
                "数据汇聚平台", "警情分析系统"));
        r.register(EDUCATION, secret, data("警情分析数据库", "涉密"));
        r.draft(CITY, "公安数据汇聚平台（城管局草稿）", "数据汇聚平台", "警情分析系统");
        subject = r.declared(POLICE, "智慧公安数据平台", "数据汇聚平台", "警情分析系统");
    }

    private SimilarityReport similar(Caller caller) {
        return r.w.similarProjects.similar(caller, new SimilarProjectsQuery(subject, null, null));
    }

    private static List<String> names(SimilarityReport report) {
        return report.items().stream().map(i -> i.isResource() ? "资源:" + i.resource().name() : i.projectName())
                .toList();
    }

    @Test
    @DisplayName("市大数据管理局看到按相似度排序的项目和资源，各带得分和匹配内容；涉密项目、其他单位草稿不在其中")
    void bureauSeesRankedResults() {
        SimilarityReport report = similar(bureau());

        assertThat(names(report)).startsWith("警务大数据分析系统", "公安数据共享平台")
                .contains("资源:公安数据共享交换接口")
                .doesNotContain("公安数据汇聚分析平台", "资源:警情分析数据库", "公安数据汇聚平台（城管局草稿）",
                        "教育资源公共服务平台", "智慧城管综合指挥平台");
        SimilarItem first = report.items().get(0);
        assertThat(first.project()).isEqualTo(analysis);
        assertThat(first.score()).isGreaterThanOrEqualTo(0.2);
        assertThat(first.terms()).contains("数据汇聚平台");
        assertThat(report.minScore()).isEqualTo(0.2);
        assertThat(report.limit()).isEqualTo(10);
        assertThat(report.projectsCompared()).isEqualTo(4);
        assertThat(report.resourcesCompared()).isEqualTo(1);
        assertThat(report.truncated()).isFalse();
    }

    @Test
    @DisplayName("申报单位只看到本单位的相似项目和资源；知悉范围内的人看得到涉密项目")
    void eachSeesTheirOwnScope() {
        assertThat(names(similar(staff(POLICE)))).containsExactly("公安数据共享平台", "资源:公安数据共享交换接口");
        assertThat(names(similar(bureauAssigned(secret)))).contains("公安数据汇聚分析平台", "资源:警情分析数据库");
    }

    @Test
    @DisplayName("指定的评审专家只看到指定给他的项目；未指定的专家看不到本项目（404）")
    void experts() {
        assertThat(names(similar(expert(subject, analysis)))).containsExactly("警务大数据分析系统");
        assertThatThrownBy(() -> similar(expert(analysis))).isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("财政、审计、网信、保密部门无权查看相似比对（403，第四条）；其他单位视为不存在（404）")
    void othersMayNot() {
        for (Caller other : List.of(finance(), audit(), secrecy())) {
            assertThatThrownBy(() -> similar(other)).as(other.actor().role().name())
                    .isInstanceOfSatisfying(ForbiddenException.class,
                            e -> assertThat(e.violation().code()).isEqualTo(RuleCode.ART4_ROLE));
        }
        assertThatThrownBy(() -> similar(staff(CITY))).isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("阈值和条数可调，超出范围指出是哪一项")
    void thresholdAndLimit() {
        SimilarityReport one = r.w.similarProjects.similar(bureau(), new SimilarProjectsQuery(subject, 0.2, 1));
        assertThat(names(one)).containsExactly("警务大数据分析系统");
        SimilarityReport strict = r.w.similarProjects.similar(bureau(), new SimilarProjectsQuery(subject, 0.9, 10));
        assertThat(strict.items()).isEmpty();
        assertThatThrownBy(() -> new SimilarProjectsQuery(subject, 0.01, null))
                .isInstanceOfSatisfying(InvalidCommandException.class, e -> assertThat(e.field()).isEqualTo("minScore"));
        assertThatThrownBy(() -> new SimilarProjectsQuery(subject, Double.NaN, null))
                .isInstanceOf(InvalidCommandException.class);
        assertThatThrownBy(() -> new SimilarProjectsQuery(subject, null, 51))
                .isInstanceOfSatisfying(InvalidCommandException.class, e -> assertThat(e.field()).isEqualTo("limit"));
    }

    @Test
    @DisplayName("查看相似比对不改变任何内容，不留操作记录")
    void readingChangesNothing() {
        int trail = r.w.world.audit.all().size();
        similar(bureau());
        assertThat(r.w.world.audit.all()).hasSize(trail);
    }
}
