package cn.egov.projects.persistence;

import cn.egov.projects.application.error.ConcurrentChangeException;
import cn.egov.projects.application.port.out.ProjectListScope;
import cn.egov.projects.application.port.out.TransactionPort;
import cn.egov.projects.domain.catalog.Category;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.project.UnitId;
import cn.egov.projects.domain.resource.Openness;
import cn.egov.projects.domain.resource.ResourceCatalogue;
import cn.egov.projects.domain.resource.ResourceDescription;
import cn.egov.projects.domain.resource.ResourceEntry;
import cn.egov.projects.domain.resource.ResourceKind;
import cn.egov.projects.domain.resource.ReuseOpinion;
import cn.egov.projects.domain.resource.ReuseVerdict;
import cn.egov.projects.domain.resource.SharingType;
import cn.egov.projects.domain.resource.SimilarReference;
import org.apache.ibatis.exceptions.PersistenceException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract of {@code ResourceCataloguePort}, {@code SimilarityCorpusPort} and {@code ReuseOpinionPort}: a
 * catalogue read back exactly, saved optimistically; the corpus within a list scope, newest first and bounded;
 * opinions read back the latest first with what they name.
 */
abstract class ResourceCatalogueContractTest extends PersistenceContractTest {

    private static final PolicyPack PACK = Lifecycles.PACK;
    private static final Instant AT = Instant.parse("2025-03-15T01:02:03.456789Z");

    private final AtomicInteger created = new AtomicInteger();

    /** A stored draft of a unit of this test's own, created on a later day than the one before. */
    private Project project(UnitId unit, String name, boolean classified) {
        Project p = Project.draft(ProjectId.random(), unit, Lifecycles.profile(name, 2025, classified,
                Category.BUSINESS_SYSTEM), PACK.id(), LocalDate.of(2024, 1, 1).plusDays(created.incrementAndGet()));
        adapters.projects().insert(p);
        return p;
    }

    private static UnitId unit() {
        return new UnitId("R" + UUID.randomUUID().toString().substring(0, 8));
    }

    private static ResourceEntry entry(String name, SharingType sharing, String condition, Openness openness,
                                       String description) {
        return ResourceEntry.registered(UUID.randomUUID(), new ResourceDescription(name, ResourceKind.DATA,
                "太仓市公安局", description, sharing, condition, openness), "police-staff", AT);
    }

    private static ResourceEntry entry(String name) {
        return entry(name, SharingType.UNCONDITIONAL, null, Openness.OPEN, null);
    }

    private ResourceCatalogue saved(Project project, ResourceEntry... entries) {
        ResourceCatalogue catalogue = adapters.resourceCatalogues().load(project.id());
        for (ResourceEntry e : entries) {
            assertThat(catalogue.register(e, ProjectState.DRAFT, PACK).isRefused()).isFalse();
        }
        adapters.resourceCatalogues().save(catalogue);
        return catalogue;
    }

    @Test
    @DisplayName("没有登记过资源的项目得到空目录（版本0）")
    void emptyCatalogue() {
        ResourceCatalogue catalogue = adapters.resourceCatalogues().load(project(unit(), "空目录项目", false).id());
        assertThat(catalogue.version()).isZero();
        assertThat(catalogue.entries()).isEmpty();
    }

    @Test
    @DisplayName("目录逐项原样读回：中文、空值、时间（微秒）、顺序和版本")
    void roundTrips() {
        Project p = project(unit(), "智慧公安数据平台", false);
        ResourceEntry population = entry("人口基础信息库🏛", SharingType.CONDITIONAL, "经审批后按需共享", Openness.NOT_OPEN,
                "全市实有人口\n按日更新");
        ResourceEntry api = entry("ＡＰＩ网关");
        ResourceCatalogue catalogue = saved(p, population, api);
        assertThat(catalogue.version()).isEqualTo(1);

        ResourceCatalogue loaded = adapters.resourceCatalogues().load(p.id());
        assertThat(loaded.version()).isEqualTo(1);
        assertThat(loaded.entries()).containsExactly(population, api);

        ResourceEntry revised = population.revised(new ResourceDescription("实有人口基础信息库", ResourceKind.DATA,
                "太仓市公安局", null, SharingType.NOT_SHARED, "《中华人民共和国保守国家秘密法》", Openness.NOT_OPEN),
                "police-leader", Instant.parse("2025-04-01T00:00:00.000001Z"));
        assertThat(loaded.revise(revised, ProjectState.IMPLEMENTING, PACK).isRefused()).isFalse();
        assertThat(loaded.remove(api.id(), ProjectState.IMPLEMENTING, PACK).isRefused()).isFalse();
        ResourceEntry later = entry("法人基础信息库");
        assertThat(loaded.register(later, ProjectState.IMPLEMENTING, PACK).isRefused()).isFalse();
        adapters.resourceCatalogues().save(loaded);

        ResourceCatalogue again = adapters.resourceCatalogues().load(p.id());
        assertThat(again.version()).isEqualTo(2);
        assertThat(again.entries()).containsExactly(revised, later);
        assertThat(queryLong("SELECT COUNT(*) FROM resource_entry WHERE project_id = ?", p.id().value())).isEqualTo(2);
    }

    @Test
    @DisplayName("按读取时的版本保存：别人先保存了，再保存得到并发冲突，目录不变")
    void optimistic() {
        Project p = project(unit(), "并发项目", false);
        ResourceCatalogue first = adapters.resourceCatalogues().load(p.id());
        ResourceCatalogue second = adapters.resourceCatalogues().load(p.id());
        first.register(entry("甲库"), ProjectState.DRAFT, PACK);
        second.register(entry("乙库"), ProjectState.DRAFT, PACK);
        adapters.resourceCatalogues().save(first);
        assertThatThrownBy(() -> adapters.resourceCatalogues().save(second))
                .isInstanceOf(ConcurrentChangeException.class);

        ResourceCatalogue third = adapters.resourceCatalogues().load(p.id());
        ResourceCatalogue stale = adapters.resourceCatalogues().load(p.id());
        third.register(entry("丙库"), ProjectState.DRAFT, PACK);
        adapters.resourceCatalogues().save(third);
        stale.register(entry("丁库"), ProjectState.DRAFT, PACK);
        assertThatThrownBy(() -> adapters.resourceCatalogues().save(stale))
                .isInstanceOf(ConcurrentChangeException.class);

        assertThat(adapters.resourceCatalogues().load(p.id()).entries()).extracting(ResourceEntry::name)
                .containsExactly("甲库", "丙库");
    }

    @Test
    @DisplayName("在事务中保存后回滚，什么都不留下")
    void rollsBackWithTheTransaction() {
        Project p = project(unit(), "回滚项目", false);
        TransactionPort tx = adapters.transactions();
        assertThatThrownBy(() -> tx.inTransaction(() -> {
            saved(p, entry("回滚库"));
            throw new IllegalStateException("the use case failed after the save");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(adapters.resourceCatalogues().load(p.id()).version()).isZero();
    }

    @Test
    @DisplayName("数据库也保证：目录必须属于已有项目；同一项目的资源名称不重复")
    void theSchemaHoldsTheRules() {
        ResourceCatalogue orphan = ResourceCatalogue.empty(ProjectId.random());
        orphan.register(entry("孤立库"), ProjectState.DRAFT, PACK);
        assertThatThrownBy(() -> adapters.resourceCatalogues().save(orphan)).isInstanceOf(PersistenceException.class);

        Project p = project(unit(), "重名项目", false);
        ResourceCatalogue twice = ResourceCatalogue.restore(p.id(), 1, List.of(entry("同名库"), entry("同 名库")));
        saved(p, entry("原有库"));
        assertThatThrownBy(() -> adapters.resourceCatalogues().save(twice)).isInstanceOf(PersistenceException.class);
        assertThat(adapters.resourceCatalogues().load(p.id()).entries()).extracting(ResourceEntry::name)
                .containsExactly("原有库");
    }

    @Test
    @DisplayName("比对语料按项目列表的范围读取：本单位、涉密项目（全部、逐个允许）、仅限指定项目，新建的在前，有上限")
    void corpusWithinTheScope() {
        UnitId unit = unit();
        UnitId other = unit();
        Project older = project(unit, "较早项目", false);
        Project newer = project(unit, "较新项目", false);
        Project secret = project(unit, "涉密项目", true);
        Project elsewhere = project(other, "别的单位项目", false);
        saved(older, entry("较早库"));
        saved(secret, entry("涉密库"));
        saved(elsewhere, entry("别处库"));

        ProjectListScope ownUnit = new ProjectListScope(Optional.of(unit), true, Set.of(), Optional.empty());
        assertThat(projects(ownUnit, 10)).containsExactly(secret.id(), newer.id(), older.id());
        assertThat(projects(ownUnit, 2)).containsExactly(secret.id(), newer.id());
        assertThat(resources(ownUnit, 10)).containsOnlyKeys("较早库", "涉密库");

        ProjectListScope noClassified = new ProjectListScope(Optional.of(unit), false, Set.of(), Optional.empty());
        assertThat(projects(noClassified, 10)).containsExactly(newer.id(), older.id());
        assertThat(resources(noClassified, 10)).containsOnlyKeys("较早库");

        ProjectListScope allowed = new ProjectListScope(Optional.empty(), false, Set.of(secret.id()), Optional.empty());
        assertThat(projects(allowed, 10_000)).contains(secret.id(), elsewhere.id());
        assertThat(resources(allowed, 10_000)).containsKeys("涉密库", "别处库");
        ProjectListScope everywhere = new ProjectListScope(Optional.empty(), false, Set.of(), Optional.empty());
        assertThat(projects(everywhere, 10_000)).contains(elsewhere.id()).doesNotContain(secret.id());
        assertThat(resources(everywhere, 10_000)).doesNotContainKey("涉密库");

        ProjectListScope only = new ProjectListScope(Optional.empty(), false, Set.of(),
                Optional.of(Set.of(older.id(), secret.id())));
        assertThat(projects(only, 10)).containsExactly(older.id());
        assertThat(resources(only, 10)).containsOnlyKeys("较早库").containsEntry("较早库", older.id());
        ProjectListScope none = new ProjectListScope(Optional.empty(), true, Set.of(), Optional.of(Set.of()));
        assertThat(projects(none, 10)).isEmpty();
        assertThat(resources(none, 10)).isEmpty();

        List<Project> read = new ArrayList<>();
        adapters.resourceCatalogues().projects(ownUnit, 1, read::add);
        assertThat(read.get(0).snapshot()).isEqualTo(adapters.projects().load(secret.id()).orElseThrow().snapshot());
    }

    @Test
    @DisplayName("审查意见连同列明的项目、资源原样读回，最新的在前")
    void opinionsRoundTrip() {
        UnitId unit = unit();
        Project reviewed = project(unit, "受审项目", false);
        Project similar = project(unit, "公安数据共享平台", false);
        UUID resource = UUID.randomUUID();
        ReuseOpinion first = new ReuseOpinion(UUID.randomUUID(), reviewed.id(), ReuseVerdict.PARTIAL_REUSE,
                "数据汇聚部分应复用\n现有平台", List.of(new SimilarReference(similar.id(), null, "公安数据共享平台", "公安数据共享平台"),
                new SimilarReference(similar.id(), resource, "公安数据共享交换接口", "公安数据共享平台")), "bdb-officer", AT);
        ReuseOpinion second = new ReuseOpinion(UUID.randomUUID(), reviewed.id(), ReuseVerdict.NO_DUPLICATION,
                "复核后无重复", List.of(), "bdb-officer", AT);
        adapters.reuseOpinions().append(first);
        adapters.reuseOpinions().append(second);

        assertThat(adapters.reuseOpinions().forProject(reviewed.id())).containsExactly(second, first);
        assertThat(adapters.reuseOpinions().forProject(similar.id())).isEmpty();
    }

    private List<ProjectId> projects(ProjectListScope scope, int limit) {
        List<ProjectId> ids = new ArrayList<>();
        int count = adapters.resourceCatalogues().projects(scope, limit, p -> ids.add(p.id()));
        assertThat(count).isEqualTo(ids.size());
        return ids;
    }

    private Map<String, ProjectId> resources(ProjectListScope scope, int limit) {
        Map<String, ProjectId> found = new java.util.LinkedHashMap<>();
        adapters.resourceCatalogues().resources(scope, limit, (project, e) -> found.put(e.name(), project));
        return found;
    }
}
