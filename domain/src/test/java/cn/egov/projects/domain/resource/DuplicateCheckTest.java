package cn.egov.projects.domain.resource;

import cn.egov.projects.domain.access.AccessPolicy;
import cn.egov.projects.domain.access.Actor;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.catalog.Category;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.project.Fixtures;
import cn.egov.projects.domain.project.Journey;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.UnitId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("相似项目和资源的比对（第一条、第六条）")
class DuplicateCheckTest {

    private static final PolicyPack PACK = PolicyPacks.taicang();
    private static final AccessPolicy ACCESS = new AccessPolicy(PACK);
    private static final UnitId POLICE = Fixtures.UNIT;
    private static final UnitId CITY = new UnitId("TC-CGJ");
    private static final UnitId EDUCATION = Fixtures.OTHER_UNIT;
    private static final UnitId BUREAU = new UnitId("TC-DSJ");

    private static Project declared(UnitId unit, String name, Category category, boolean classified, String... scope) {
        return Journey.of(Fixtures.profile().name(name).category(category).classified(classified).scope(scope).build(),
                PACK, unit).declared().project;
    }

    private static Project declared(UnitId unit, String name, String... scope) {
        return declared(unit, name, Category.BUSINESS_SYSTEM, false, scope);
    }

    private static Project draft(UnitId unit, String name, String... scope) {
        return Project.draft(ProjectId.random(), unit,
                Fixtures.profile().name(name).scope(scope).build(), PACK.id(), LocalDate.of(2024, 8, 1));
    }

    private static Actor actor(Role role, UnitId unit, ProjectId... assigned) {
        return new Actor(role.name().toLowerCase(), role.zh(), role, unit, Set.of(assigned));
    }

    /** The police bureau's new draft, checked against what exists. */
    private final Project subject = draft(POLICE, "智慧公安数据平台", "数据汇聚平台", "警情分析系统");
    private final Project policeSharing = declared(POLICE, "公安数据共享平台", "公安数据汇聚", "数据共享交换接口");
    private final Project policeAnalysis = declared(CITY, "警务大数据分析系统", "警情分析", "数据汇聚平台");
    private final Project policeVideo = declared(POLICE, "智慧公安视频云平台", "视频汇聚", "人脸识别");
    private final Project cityCommand = declared(CITY, "智慧城管综合指挥平台", "城管案件处置", "视频监控接入");
    private final Project network = declared(CITY, "市级电子政务外网升级改造", Category.NETWORK_DATA_CENTRE, false,
            "核心交换机更换", "网络安全防护");
    private final Project school = declared(EDUCATION, "教育资源公共服务平台", "教学资源库", "在线课堂");
    private final Project secret = declared(EDUCATION, "公安数据汇聚分析平台", Category.BUSINESS_SYSTEM, true,
            "数据汇聚平台", "警情分析系统");
    private final ResourceEntry sharingApi = Resources.entry("公安数据共享交换接口", "向各部门提供人口、警情数据共享交换");
    private final ResourceEntry secretDb = Resources.entry("警情分析数据库", "涉密警情数据汇聚");

    private DuplicateCheck.Result check(Actor actor, List<Project> projects, double minScore, int limit) {
        DuplicateCheck check = new DuplicateCheck(ACCESS, actor, subject, List.of());
        projects.forEach(check::offer);
        check.offer(policeSharing.id(), sharingApi);
        check.offer(secret.id(), secretDb);
        return check.rank(minScore, limit);
    }

    private List<Project> everything() {
        return List.of(subject, policeSharing, policeAnalysis, policeVideo, cityCommand, network, school, secret);
    }

    private static List<String> names(DuplicateCheck.Result result) {
        return result.items().stream().map(i -> i.isResource() ? "资源:" + i.resource().name() : i.projectName())
                .toList();
    }

    @Test
    @DisplayName("按内容相似度排序：建设内容相同的警务大数据分析系统最前，其次公安数据共享平台及其共享接口；城管、教育、网络项目不列出")
    void ranksByContent() {
        DuplicateCheck.Result result = check(actor(Role.BDB_OFFICER, BUREAU), everything(),
                DuplicateCheck.DEFAULT_MIN_SCORE, DuplicateCheck.DEFAULT_LIMIT);

        assertThat(names(result)).startsWith("警务大数据分析系统", "公安数据共享平台")
                .contains("资源:公安数据共享交换接口", "智慧公安视频云平台")
                .doesNotContain("智慧城管综合指挥平台", "市级电子政务外网升级改造", "教育资源公共服务平台");
        assertThat(result.items()).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
        SimilarItem first = result.items().get(0);
        assertThat(first.project()).isEqualTo(policeAnalysis.id());
        assertThat(first.unit()).isEqualTo(CITY);
        assertThat(first.terms()).contains("数据汇聚平台", "警情分析");
        assertThat(first.fields()).contains("建设内容");
        assertThat(first.score()).isBetween(0.3, 1.0);
        SimilarItem resource = result.items().stream().filter(SimilarItem::isResource).findFirst().orElseThrow();
        assertThat(resource.project()).isEqualTo(policeSharing.id());
        assertThat(resource.projectName()).isEqualTo("公安数据共享平台");
        assertThat(resource.terms()).isNotEmpty();
        assertThat(result.projectsCompared()).isEqualTo(6);
        assertThat(result.resourcesCompared()).isEqualTo(1);
    }

    @Test
    @DisplayName("阈值以下不列出，至多列出要求的条数；阈值和条数超出范围不予计算")
    void thresholdAndLimit() {
        Actor bureau = actor(Role.BDB_OFFICER, BUREAU);
        DuplicateCheck.Result all = check(bureau, everything(), DuplicateCheck.LOWEST_MIN_SCORE, 50);
        DuplicateCheck.Result strict = check(bureau, everything(), 0.4, 50);

        assertThat(all.items()).allMatch(i -> i.score() >= DuplicateCheck.LOWEST_MIN_SCORE);
        assertThat(strict.items()).allMatch(i -> i.score() >= 0.4).hasSizeLessThan(all.items().size());
        assertThat(names(check(bureau, everything(), 0.2, 1))).containsExactly("警务大数据分析系统");
        assertThatThrownBy(() -> check(bureau, everything(), 0.01, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> check(bureau, everything(), 0.2, 51)).isInstanceOf(IllegalArgumentException.class);
    }

    @Nested
    @DisplayName("只比对本人可见的项目和资源（第三条、第二十七条）")
    class Visibility {

        @Test
        @DisplayName("涉密项目及其资源不在知悉范围外的人的结果中，也不影响他人看到的得分")
        void classifiedNeverLeaks() {
            for (Actor outsider : List.of(actor(Role.BDB_OFFICER, BUREAU), actor(Role.UNIT_STAFF, POLICE),
                    actor(Role.FINANCE, new UnitId("TC-CZJ")))) {
                DuplicateCheck.Result with = check(outsider, everything(), DuplicateCheck.LOWEST_MIN_SCORE, 50);
                assertThat(with.items()).as(outsider.role().name())
                        .noneMatch(i -> i.project().equals(secret.id()))
                        .noneMatch(i -> i.isResource() && i.resource().equals(secretDb));
                assertThat(names(with)).noneMatch(n -> n.contains("公安数据汇聚分析平台") || n.contains("警情分析数据库"));
                // the classified project's text moves no weight: the scores are those of a world without it
                List<Project> without = everything().stream().filter(p -> p != secret).toList();
                assertThat(scores(with)).isEqualTo(scores(check(outsider, without, DuplicateCheck.LOWEST_MIN_SCORE, 50)));
            }
        }

        @Test
        @DisplayName("保密部门指定的市大数据管理局经办人员和保密部门看得到涉密项目及其资源")
        void insideTheCircle() {
            for (Actor inside : List.of(actor(Role.BDB_OFFICER, BUREAU, secret.id()),
                    actor(Role.SECRECY, new UnitId("TC-BMJ")))) {
                DuplicateCheck.Result result = check(inside, everything(), 0.2, 50);
                assertThat(names(result)).as(inside.role().name())
                        .contains("公安数据汇聚分析平台", "资源:警情分析数据库");
            }
        }

        @Test
        @DisplayName("实施单位人员只看到本单位的项目（含本单位草稿）；其他单位的草稿谁都看不到")
        void unitsSeeTheirOwn() {
            Project ownDraft = draft(POLICE, "公安数据治理平台", "数据汇聚");
            Project otherDraft = draft(CITY, "公安数据共享平台（城管局草稿）", "数据汇聚平台");
            List<Project> projects = new java.util.ArrayList<>(everything());
            projects.add(ownDraft);
            projects.add(otherDraft);

            DuplicateCheck.Result staff = check(actor(Role.UNIT_STAFF, POLICE), projects, 0.1, 50);
            assertThat(staff.items()).allMatch(i -> i.unit().equals(POLICE));
            assertThat(names(staff)).contains("公安数据共享平台", "公安数据治理平台", "资源:公安数据共享交换接口")
                    .doesNotContain("警务大数据分析系统", "公安数据共享平台（城管局草稿）");

            DuplicateCheck.Result bureau = check(actor(Role.BDB_OFFICER, BUREAU), projects, 0.1, 50);
            assertThat(names(bureau)).contains("警务大数据分析系统")
                    .doesNotContain("公安数据治理平台", "公安数据共享平台（城管局草稿）");
        }

        @Test
        @DisplayName("评审专家只看到指派给他的项目")
        void expertsSeeTheirAssignments() {
            Actor expert = actor(Role.EXPERT, new UnitId("EXPERTS"), subject.id(), policeAnalysis.id());
            assertThat(names(check(expert, everything(), 0.1, 50))).containsExactly("警务大数据分析系统");
        }

        @Test
        @DisplayName("资源只在其项目可见时列出；本项目自身和本项目的资源不参与比对")
        void resourcesFollowTheirProject() {
            Actor bureau = actor(Role.BDB_OFFICER, BUREAU);
            ResourceEntry own = Resources.entry("警情分析系统接口", "本项目的警情分析服务");
            DuplicateCheck check = new DuplicateCheck(ACCESS, bureau, subject, List.of(own));
            assertThat(check.offer(subject)).isFalse();
            assertThat(check.offer(subject.id(), own)).isFalse();
            assertThat(check.offer(policeSharing.id(), sharingApi)).as("its project was not offered").isFalse();
            assertThat(check.offer(policeSharing)).isTrue();
            assertThat(check.offer(policeSharing)).as("offered twice").isFalse();
            assertThat(check.offer(policeSharing.id(), sharingApi)).isTrue();
            assertThat(check.offer(secret)).isFalse();
            assertThat(check.offer(secret.id(), secretDb)).isFalse();

            DuplicateCheck.Result result = check.rank(0.05, 50);
            assertThat(result.items()).noneMatch(i -> i.project().equals(subject.id()));
            assertThat(result.projectsCompared()).isEqualTo(1);
            assertThat(result.resourcesCompared()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("本项目已登记的资源名称也参与比对，能找出同名或相近的已登记资源")
    void ownResourcesFindResources() {
        Actor bureau = actor(Role.BDB_OFFICER, BUREAU);
        Project registry = declared(CITY, "城市运行管理平台", "运行监测");
        ResourceEntry population = Resources.entry("人口基础信息库", "全市实有人口数据");
        DuplicateCheck without = new DuplicateCheck(ACCESS, bureau, subject, List.of());
        DuplicateCheck with = new DuplicateCheck(ACCESS, bureau, subject,
                List.of(Resources.entry("实有人口基础信息库", null)));
        for (DuplicateCheck c : List.of(without, with)) {
            c.offer(registry);
            c.offer(registry.id(), population);
        }
        assertThat(without.rank(0.2, 10).items()).isEmpty();
        assertThat(with.rank(0.2, 10).items()).singleElement()
                .satisfies(i -> assertThat(i.resource()).isEqualTo(population))
                .satisfies(i -> assertThat(i.terms()).contains("人口基础信息库"))
                .satisfies(i -> assertThat(i.fields()).contains("资源名称"));
    }

    @Test
    @DisplayName("其他类别的项目得分按85%计")
    void otherCategoriesCountLess() {
        Actor bureau = actor(Role.BDB_OFFICER, BUREAU);
        Project same = declared(CITY, "公安数据汇聚平台", "警情分析系统");
        Project other = declared(EDUCATION, "公安数据汇聚平台", Category.RESOURCE_CATALOGUE, false, "警情分析系统");
        DuplicateCheck check = new DuplicateCheck(ACCESS, bureau, subject, List.of());
        check.offer(same);
        check.offer(other);
        Map<ProjectId, Double> scores = check.rank(0.05, 10).items().stream()
                .collect(Collectors.toMap(SimilarItem::project, SimilarItem::score));
        assertThat(scores.get(other.id())).isCloseTo(scores.get(same.id()) * DuplicateCheck.OTHER_CATEGORY,
                org.assertj.core.data.Offset.offset(0.002));
    }

    private static Map<String, Double> scores(DuplicateCheck.Result result) {
        Function<SimilarItem, String> key = i -> i.isResource() ? i.resource().id().toString() : i.project().toString();
        return result.items().stream().collect(Collectors.toMap(key, SimilarItem::score));
    }
}
