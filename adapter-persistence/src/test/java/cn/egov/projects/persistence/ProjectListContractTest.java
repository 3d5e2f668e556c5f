package cn.egov.projects.persistence;

import cn.egov.projects.application.view.Page;
import cn.egov.projects.application.view.ProjectListFilter;
import cn.egov.projects.application.port.out.ProjectListScope;
import cn.egov.projects.application.view.ProjectSummary;
import cn.egov.projects.domain.catalog.Category;
import cn.egov.projects.domain.catalog.Nature;
import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.project.UnitId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contract of {@code ListProjectsPort}: scope, filters, order, paging and the total count, all in SQL. */
abstract class ProjectListContractTest extends PersistenceContractTest {

    private static UnitId newUnit() {
        return new UnitId("L-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private Project stored(UnitId unit, String name, int planYear, boolean classified, Category category,
                           LocalDate createdOn) {
        Project p = Project.draft(ProjectId.random(), unit, Lifecycles.profile(name, planYear, classified, category),
                Lifecycles.PACK.id(), createdOn);
        adapters.projects().insert(p);
        return p;
    }

    private Project declared(UnitId unit, String name) {
        Project p = Project.draft(ProjectId.random(), unit,
                Lifecycles.profile(name, 2026, false, Category.BUSINESS_SYSTEM), Lifecycles.PACK.id(),
                LocalDate.of(2025, 8, 1));
        assertThat(p.declare(LocalDate.of(2025, 9, 10), Optional.of(Lifecycles.window(2026)),
                Lifecycles.PACK).isRefused()).isFalse();
        adapters.projects().insert(p);
        return p;
    }

    private static ProjectListScope unitScope(UnitId unit) {
        return new ProjectListScope(Optional.of(unit), false, Set.of(), Optional.empty());
    }

    private static ProjectListScope everything() {
        return new ProjectListScope(Optional.empty(), true, Set.of(), Optional.empty(), true);
    }

    private static ProjectListFilter ofUnit(UnitId unit) {
        return new ProjectListFilter(Optional.empty(), Optional.of(unit), Optional.empty(), Optional.empty());
    }

    private static List<ProjectId> ids(Page<ProjectSummary> page) {
        return page.items().stream().map(ProjectSummary::id).toList();
    }

    @Test
    @DisplayName("实施单位只看到本单位的项目")
    void unitStaffSeeTheirOwnUnitOnly() {
        UnitId mine = newUnit();
        UnitId other = newUnit();
        Project a = stored(mine, "本单位项目一", 2025, false, Category.BUSINESS_SYSTEM, LocalDate.of(2024, 7, 1));
        Project b = stored(mine, "本单位项目二", 2025, false, Category.BUSINESS_SYSTEM, LocalDate.of(2024, 7, 2));
        stored(other, "他单位项目", 2025, false, Category.BUSINESS_SYSTEM, LocalDate.of(2024, 7, 3));

        Page<ProjectSummary> page = adapters.projects().list(unitScope(mine), ProjectListFilter.none(), 1, 20);

        assertThat(ids(page)).containsExactly(b.id(), a.id());
        assertThat(page.total()).isEqualTo(2);
    }

    @Test
    @DisplayName("涉密项目只在范围允许时列出：本单位全部、逐个指派的，或全部涉密")
    void classifiedProjectsFollowTheScope() {
        UnitId unit = newUnit();
        Project open = stored(unit, "公开项目", 2025, false, Category.BUSINESS_SYSTEM, LocalDate.of(2024, 7, 1));
        Project secretA = stored(unit, "涉密项目甲", 2025, true, Category.SECURITY_SYSTEM, LocalDate.of(2024, 7, 2));
        Project secretB = stored(unit, "涉密项目乙", 2025, true, Category.SECURITY_SYSTEM, LocalDate.of(2024, 7, 3));
        ProjectListFilter filter = ofUnit(unit);

        var withoutClassified = new ProjectListScope(Optional.empty(), false, Set.of(), Optional.empty(), true);
        assertThat(ids(adapters.projects().list(withoutClassified, filter, 1, 20))).containsExactly(open.id());

        var oneAssigned = new ProjectListScope(Optional.empty(), false, Set.of(secretA.id()), Optional.empty(), true);
        assertThat(ids(adapters.projects().list(oneAssigned, filter, 1, 20)))
                .containsExactly(secretA.id(), open.id());

        var allClassified = new ProjectListScope(Optional.of(unit), true, Set.of(), Optional.empty());
        Page<ProjectSummary> all = adapters.projects().list(allClassified, ProjectListFilter.none(), 1, 20);
        assertThat(ids(all)).containsExactly(secretB.id(), secretA.id(), open.id());
        assertThat(all.total()).isEqualTo(3);
    }

    @Test
    @DisplayName("评审专家只看到指派给他的项目，未指派任何项目时什么也看不到")
    void expertsSeeOnlyTheirAssignedProjects() {
        UnitId unit = newUnit();
        Project a = stored(unit, "项目甲", 2025, false, Category.BUSINESS_SYSTEM, LocalDate.of(2024, 7, 1));
        stored(unit, "项目乙", 2025, false, Category.BUSINESS_SYSTEM, LocalDate.of(2024, 7, 2));
        Project c = stored(newUnit(), "项目丙", 2025, false, Category.BUSINESS_SYSTEM, LocalDate.of(2024, 7, 3));
        Project secret = stored(unit, "涉密项目", 2025, true, Category.BUSINESS_SYSTEM, LocalDate.of(2024, 7, 4));

        var assigned = new ProjectListScope(Optional.empty(), false, Set.of(),
                Optional.of(Set.of(a.id(), c.id(), secret.id())), true);
        Page<ProjectSummary> page = adapters.projects().list(assigned, ProjectListFilter.none(), 1, 20);
        assertThat(ids(page)).containsExactly(c.id(), a.id());
        assertThat(page.total()).isEqualTo(2);

        var none = new ProjectListScope(Optional.empty(), true, Set.of(), Optional.of(Set.of()), true);
        Page<ProjectSummary> empty = adapters.projects().list(none, ProjectListFilter.none(), 1, 20);
        assertThat(empty.items()).isEmpty();
        assertThat(empty.total()).isZero();
    }

    @Test
    @DisplayName("按计划年度、单位、状态和类别筛选")
    void filtersNarrowTheList() {
        UnitId unit = newUnit();
        Project y2025 = stored(unit, "2025年度项目", 2025, false, Category.BUSINESS_SYSTEM, LocalDate.of(2024, 7, 1));
        Project y2026 = stored(unit, "2026年度项目", 2026, false, Category.RESOURCE_CATALOGUE, LocalDate.of(2025, 7, 1));
        Project declared = declared(unit, "已申报项目");

        var byYear = new ProjectListFilter(Optional.of(2025), Optional.of(unit), Optional.empty(), Optional.empty());
        assertThat(ids(adapters.projects().list(everything(), byYear, 1, 20))).containsExactly(y2025.id());

        var byState = new ProjectListFilter(Optional.empty(), Optional.of(unit), Optional.of(ProjectState.DECLARED),
                Optional.empty());
        assertThat(ids(adapters.projects().list(everything(), byState, 1, 20))).containsExactly(declared.id());

        var byCategory = new ProjectListFilter(Optional.empty(), Optional.of(unit), Optional.empty(),
                Optional.of(Category.RESOURCE_CATALOGUE));
        assertThat(ids(adapters.projects().list(everything(), byCategory, 1, 20))).containsExactly(y2026.id());

        var drafts2026 = new ProjectListFilter(Optional.of(2026), Optional.of(unit), Optional.of(ProjectState.DRAFT),
                Optional.empty());
        Page<ProjectSummary> page = adapters.projects().list(everything(), drafts2026, 1, 20);
        assertThat(ids(page)).containsExactly(y2026.id());
        assertThat(page.total()).isEqualTo(1);
    }

    @Test
    @DisplayName("按名称中的一段、项目编号的开头或编号简称搜索；通配符按字面；涉密项目仍只在范围内")
    void searchByPartOfTheNameOrTheNumber() {
        UnitId unit = newUnit();
        Project police = stored(unit, "智慧Police数据平台", 2025, false, Category.BUSINESS_SYSTEM,
                LocalDate.of(2024, 7, 1));
        Project percent = stored(unit, "完成率100%_考核系统", 2025, false, Category.BUSINESS_SYSTEM,
                LocalDate.of(2024, 7, 2));
        Project secret = stored(unit, "涉密数据平台", 2025, true, Category.SECURITY_SYSTEM, LocalDate.of(2024, 7, 3));
        java.util.function.BiFunction<ProjectListScope, String, List<ProjectId>> search = (scope, text) ->
                ids(adapters.projects().list(scope, new ProjectListFilter(Optional.empty(), Optional.of(unit),
                        Optional.empty(), Optional.empty(), Optional.of(text)), 1, 20));
        var noClassified = new ProjectListScope(Optional.empty(), false, Set.of(), Optional.empty(), true);

        assertThat(search.apply(everything(), "数据平台")).containsExactly(secret.id(), police.id());
        assertThat(search.apply(noClassified, "数据平台")).containsExactly(police.id());
        assertThat(search.apply(everything(), "police")).containsExactly(police.id());
        assertThat(search.apply(everything(), "100%_")).containsExactly(percent.id());
        assertThat(search.apply(everything(), "0_")).isEmpty();
        assertThat(search.apply(everything(), "%")).containsExactly(percent.id());
        String number = percent.id().toString();
        // the short number people quote (a time-ordered number's end), in either case, or the whole number
        assertThat(search.apply(everything(), percent.id().shortNumber().toUpperCase()))
                .containsExactly(percent.id());
        assertThat(search.apply(everything(), number)).containsExactly(percent.id());
        assertThat(search.apply(noClassified, secret.id().toString())).isEmpty();
        assertThat(search.apply(noClassified, secret.id().shortNumber())).isEmpty();
        // the beginning of a number still finds it
        assertThat(search.apply(everything(), number.substring(0, 8))).contains(percent.id());

        // a project numbered before numbers were time-ordered: its short number is its beginning
        Project earlier = Project.draft(new ProjectId(java.util.UUID.randomUUID()), unit,
                Lifecycles.profile("早先的项目", 2025, false, Category.BUSINESS_SYSTEM), Lifecycles.PACK.id(),
                LocalDate.of(2024, 6, 1));
        adapters.projects().insert(earlier);
        assertThat(earlier.id().shortNumber()).isEqualTo(earlier.id().toString().substring(0, 8));
        assertThat(search.apply(everything(), earlier.id().shortNumber().toUpperCase()))
                .containsExactly(earlier.id());
    }

    @Test
    @DisplayName("按年度、状态、单位及其组合筛选时，分页同样最新创建的在前、同一天的按编号排序")
    void filteredListsKeepTheOrderAcrossPages() {
        UnitId a = newUnit();
        UnitId b = newUnit();
        int year = 2043; // no other test lists projects of this plan year
        List<Project> all = new ArrayList<>();
        int[] days = {3, 1, 3, 2, 5, 3, 4};
        for (int i = 0; i < days.length; i++) {
            all.add(stored(i % 2 == 0 ? a : b, "筛选" + i, year, false, Category.BUSINESS_SYSTEM,
                    LocalDate.of(2042, 7, days[i])));
        }
        Comparator<Project> newestFirst = Comparator.comparing((Project p) -> p.snapshot().createdOn())
                .thenComparing(p -> p.id().toString()).reversed();
        List<ProjectId> everyOne = all.stream().sorted(newestFirst).map(Project::id).toList();
        List<ProjectId> ofA = all.stream().filter(p -> p.unit().equals(a)).sorted(newestFirst).map(Project::id)
                .toList();
        var yearAndState = new ProjectListFilter(Optional.of(year), Optional.empty(), Optional.of(ProjectState.DRAFT),
                Optional.empty());
        var yearOnly = new ProjectListFilter(Optional.of(year), Optional.empty(), Optional.empty(), Optional.empty());
        var unitAndState = new ProjectListFilter(Optional.empty(), Optional.of(a), Optional.of(ProjectState.DRAFT),
                Optional.empty());
        assertThat(allPages(everything(), yearAndState)).containsExactlyElementsOf(everyOne);
        assertThat(allPages(everything(), yearOnly)).containsExactlyElementsOf(everyOne);
        assertThat(allPages(everything(), unitAndState)).containsExactlyElementsOf(ofA);
        var stateInScope = new ProjectListFilter(Optional.empty(), Optional.empty(), Optional.of(ProjectState.DRAFT),
                Optional.empty());
        assertThat(allPages(unitScope(a), stateInScope)).containsExactlyElementsOf(ofA);
        assertThat(adapters.projects().list(everything(), yearAndState, 1, 2).total()).isEqualTo(days.length);
    }

    /** Every page of a list of two, in turn, until an empty one. */
    private List<ProjectId> allPages(ProjectListScope scope, ProjectListFilter filter) {
        List<ProjectId> ids = new ArrayList<>();
        for (int page = 1; ; page++) {
            List<ProjectId> items = ids(adapters.projects().list(scope, filter, page, 2));
            if (items.isEmpty()) {
                return ids;
            }
            ids.addAll(items);
        }
    }

    @Test
    @DisplayName("最新创建的排在前面，同一天的按编号排序，分页并给出总数")
    void newestFirstPagedWithTotal() {
        UnitId unit = newUnit();
        Project d1 = stored(unit, "一", 2025, false, Category.BUSINESS_SYSTEM, LocalDate.of(2024, 7, 1));
        Project d3a = stored(unit, "三甲", 2025, false, Category.BUSINESS_SYSTEM, LocalDate.of(2024, 7, 3));
        Project d2 = stored(unit, "二", 2025, false, Category.BUSINESS_SYSTEM, LocalDate.of(2024, 7, 2));
        Project d3b = stored(unit, "三乙", 2025, false, Category.BUSINESS_SYSTEM, LocalDate.of(2024, 7, 3));
        Project d5 = stored(unit, "五", 2025, false, Category.BUSINESS_SYSTEM, LocalDate.of(2024, 7, 5));
        // the same day: the greater id first (the order of UUIDs is the order of their text)
        List<Project> sameDay = List.of(d3a, d3b).stream()
                .sorted(Comparator.comparing((Project p) -> p.id().toString()).reversed()).toList();
        List<ProjectId> expected = List.of(d5.id(), sameDay.get(0).id(), sameDay.get(1).id(), d2.id(), d1.id());

        Page<ProjectSummary> first = adapters.projects().list(unitScope(unit), ProjectListFilter.none(), 1, 2);
        Page<ProjectSummary> second = adapters.projects().list(unitScope(unit), ProjectListFilter.none(), 2, 2);
        Page<ProjectSummary> third = adapters.projects().list(unitScope(unit), ProjectListFilter.none(), 3, 2);
        Page<ProjectSummary> beyond = adapters.projects().list(unitScope(unit), ProjectListFilter.none(), 4, 2);

        assertThat(ids(first)).containsExactlyElementsOf(expected.subList(0, 2));
        assertThat(ids(second)).containsExactlyElementsOf(expected.subList(2, 4));
        assertThat(ids(third)).containsExactlyElementsOf(expected.subList(4, 5));
        assertThat(beyond.items()).isEmpty();
        assertThat(List.of(first.total(), second.total(), third.total(), beyond.total())).containsOnly(5L);
        assertThat(first.page()).isEqualTo(1);
        assertThat(first.size()).isEqualTo(2);
    }

    @Test
    @DisplayName("列表行带有项目的名称、年度、状态、类别、性质、总投资、创建日期和版本")
    void summariesCarryTheRowFields() {
        UnitId unit = newUnit();
        Project p = declared(unit, "智慧城管平台");
        ProjectSummary row = adapters.projects().list(unitScope(unit), ProjectListFilter.none(), 1, 10).items().get(0);
        assertThat(row).isEqualTo(new ProjectSummary(p.id(), unit, "智慧城管平台", 2026, ProjectState.DECLARED,
                Category.BUSINESS_SYSTEM, Nature.NEW, false, Money.yuan("300000.00"), LocalDate.of(2025, 8, 1), 1));
    }

    @Test
    @DisplayName("页码和每页条数从1开始")
    void pagesStartAtOne() {
        assertThatThrownBy(() -> adapters.projects().list(everything(), ProjectListFilter.none(), 0, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> adapters.projects().list(everything(), ProjectListFilter.none(), 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("草稿只在本单位的列表中：本单位之外的范围（大数据局、审计局等）看不到，系统自己的范围（申报截止提醒）看得到")
    void draftsStayWithTheirUnit() {
        UnitId unit = new UnitId("TC-D" + Long.toHexString(System.nanoTime()).substring(0, 6).toUpperCase());
        Project draft = Project.draft(ProjectId.random(), unit,
                Lifecycles.profile("草稿项目", 2026, false, Category.BUSINESS_SYSTEM), Lifecycles.PACK.id(),
                LocalDate.of(2025, 8, 1));
        adapters.projects().insert(draft);
        Project declared = declared(unit, "已申报项目");
        ProjectListFilter mine = ofUnit(unit);

        assertThat(ids(adapters.projects().list(unitScope(unit), mine, 1, 10)))
                .containsExactlyInAnyOrder(draft.id(), declared.id());
        assertThat(ids(adapters.projects().list(new ProjectListScope(Optional.empty(), true, Set.of(),
                Optional.empty()), mine, 1, 10))).containsExactly(declared.id());
        assertThat(ids(adapters.projects().list(new ProjectListScope(Optional.empty(), true, Set.of(),
                Optional.empty(), true), mine, 1, 10))).containsExactlyInAnyOrder(draft.id(), declared.id());
    }
}
