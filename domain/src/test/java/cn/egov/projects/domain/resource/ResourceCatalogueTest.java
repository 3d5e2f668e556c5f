package cn.egov.projects.domain.resource;

import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.rule.Outcome;
import cn.egov.projects.domain.rule.RuleCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("资源目录（第六条、第二十三条）")
class ResourceCatalogueTest {

    private static final PolicyPack PACK = PolicyPacks.taicang();

    private final ResourceCatalogue catalogue = ResourceCatalogue.empty(ProjectId.random());

    @Nested
    @DisplayName("登记的内容")
    class Description {

        @Test
        @DisplayName("名称、提供单位去掉首尾和多余空白；描述可空")
        void textsAreTidied() {
            ResourceDescription d = new ResourceDescription("  人口基础\n信息库 ", ResourceKind.DATA, " 太仓市公安局 ",
                    "  ", SharingType.UNCONDITIONAL, null, Openness.OPEN);
            assertThat(d.name()).isEqualTo("人口基础 信息库");
            assertThat(d.ownerUnit()).isEqualTo("太仓市公安局");
            assertThat(d.description()).isNull();
            assertThat(d.nameKey()).isEqualTo("人口基础信息库");
            assertThat(new ResourceDescription("ＡＰＩ 网关", ResourceKind.INTERFACE, "x", null,
                    SharingType.UNCONDITIONAL, null, Openness.OPEN).nameKey()).isEqualTo("api网关");
        }

        @Test
        @DisplayName("缺项、超长、控制字符都指出是哪一项")
        void badFieldsAreNamed() {
            assertField(() -> new ResourceDescription(" ", ResourceKind.DATA, "公安局", null, SharingType.UNCONDITIONAL,
                    null, Openness.OPEN), "name", "资源名称不能为空");
            assertField(() -> new ResourceDescription("库".repeat(101), ResourceKind.DATA, "公安局", null,
                    SharingType.UNCONDITIONAL, null, Openness.OPEN), "name", "资源名称不能超过100字");
            assertField(() -> new ResourceDescription("人口库\u202E", ResourceKind.DATA, "公安局", null,
                    SharingType.UNCONDITIONAL, null, Openness.OPEN), "name", "资源名称不能包含控制字符");
            assertField(() -> new ResourceDescription("人口库", null, "公安局", null, SharingType.UNCONDITIONAL,
                    null, Openness.OPEN), "kind", "资源类型不能为空");
            assertField(() -> new ResourceDescription("人口库", ResourceKind.DATA, null, null,
                    SharingType.UNCONDITIONAL, null, Openness.OPEN), "ownerUnit", "资源提供单位不能为空");
            assertField(() -> new ResourceDescription("人口库", ResourceKind.DATA, "公安局", "述".repeat(1001),
                    SharingType.UNCONDITIONAL, null, Openness.OPEN), "description", "资源描述不能超过1000字");
            assertField(() -> new ResourceDescription("人口库", ResourceKind.DATA, "公安局", null, null, null,
                    Openness.OPEN), "sharing", "共享类型不能为空");
            assertField(() -> new ResourceDescription("人口库", ResourceKind.DATA, "公安局", null,
                    SharingType.UNCONDITIONAL, null, null), "openness", "开放属性不能为空");
        }

        @Test
        @DisplayName("有条件共享须写明条件，不予共享须写明依据且不得向社会开放")
        void sharingRules() {
            assertField(() -> new ResourceDescription("人口库", ResourceKind.DATA, "公安局", null,
                    SharingType.CONDITIONAL, " ", Openness.NOT_OPEN), "sharingCondition", "有条件共享的资源须写明共享条件");
            assertField(() -> new ResourceDescription("人口库", ResourceKind.DATA, "公安局", null,
                    SharingType.NOT_SHARED, null, Openness.NOT_OPEN), "sharingCondition",
                    "不予共享的资源须写明不予共享的法律、法规或政策依据");
            assertField(() -> new ResourceDescription("人口库", ResourceKind.DATA, "公安局", null,
                    SharingType.NOT_SHARED, "《中华人民共和国保守国家秘密法》", Openness.CONDITIONAL), "openness",
                    "不予共享的资源不能向社会开放");
            assertThat(new ResourceDescription("人口库", ResourceKind.DATA, "公安局", null, SharingType.NOT_SHARED,
                    "《中华人民共和国保守国家秘密法》", Openness.NOT_OPEN).sharingCondition()).contains("保守国家秘密法");
        }

        private void assertField(Runnable make, String field, String message) {
            assertThatThrownBy(make::run).isInstanceOfSatisfying(ResourceFieldException.class, e -> {
                assertThat(e.field()).isEqualTo(field);
                assertThat(e.messageZh()).isEqualTo(message);
            });
        }
    }

    @Test
    @DisplayName("登记、修改、删除：按登记先后排列，修改保留登记人并记下修改人")
    void registerReviseRemove() {
        ResourceEntry population = Resources.entry("人口基础信息库", "全市实有人口");
        ResourceEntry api = Resources.entry(Resources.open("人口核验接口"));
        assertThat(catalogue.register(population, ProjectState.DRAFT, PACK).isRefused()).isFalse();
        assertThat(catalogue.register(api, ProjectState.IMPLEMENTING, PACK).isRefused()).isFalse();
        assertThat(catalogue.entries()).containsExactly(population, api);

        Instant later = Instant.parse("2025-03-01T00:00:00Z");
        ResourceEntry revised = population.revised(Resources.data("实有人口基础信息库", "更新"), "police-leader", later);
        assertThat(catalogue.revise(revised, ProjectState.TRIAL_RUN, PACK).isRefused()).isFalse();
        assertThat(catalogue.entry(population.id())).hasValueSatisfying(e -> {
            assertThat(e.name()).isEqualTo("实有人口基础信息库");
            assertThat(e.registeredBy()).isEqualTo("police-staff");
            assertThat(e.updatedBy()).isEqualTo("police-leader");
            assertThat(e.updatedAt()).isEqualTo(later);
        });

        assertThat(catalogue.remove(api.id(), ProjectState.ACCEPTED, PACK).isRefused()).isFalse();
        assertThat(catalogue.entries()).extracting(ResourceEntry::id).containsExactly(population.id());
        assertThatThrownBy(() -> catalogue.remove(UUID.randomUUID(), ProjectState.DRAFT, PACK))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ProjectState.class, names = {"CLOSED", "TERMINATED", "REJECTED"})
    @DisplayName("项目已办结、终止或评审未通过的，资源目录不再修改（第二十三条）")
    void closedWhenTheProjectHasEnded(ProjectState state) {
        ResourceEntry population = Resources.entry("人口基础信息库", null);
        catalogue.register(population, ProjectState.OPERATING, PACK);

        for (Outcome refused : new Outcome[]{
                catalogue.register(Resources.entry("法人库", null), state, PACK),
                catalogue.revise(population.revised(Resources.data("改名", null), "u", Resources.AT), state, PACK),
                catalogue.remove(population.id(), state, PACK)}) {
            assertThat(refused.refusals()).singleElement().satisfies(v -> {
                assertThat(v.code()).isEqualTo(RuleCode.ART23_CATALOGUE_CLOSED);
                assertThat(v.article()).isEqualTo("第二十三条");
                assertThat(v.messageZh()).startsWith("第二十三条：").contains("本项目" + state.zh());
            });
        }
        assertThat(catalogue.entries()).containsExactly(population);
    }

    @Test
    @DisplayName("同一项目资源名称不得重复（不论大小写、全半角、空格）；改成自己的名称不算重复")
    void namesAreUnique() {
        ResourceEntry api = Resources.entry(Resources.open("API 网关"));
        catalogue.register(api, ProjectState.DRAFT, PACK);

        Outcome taken = catalogue.register(Resources.entry(Resources.open("ａｐｉ网关")), ProjectState.DRAFT, PACK);
        assertThat(taken.refusals()).singleElement().satisfies(v -> {
            assertThat(v.code()).isEqualTo(RuleCode.ART23_CATALOGUE_NAME_TAKEN);
            assertThat(v.messageZh()).startsWith("第二十三条：同一项目资源目录中的资源名称不得重复").contains("「API 网关」");
        });
        ResourceEntry other = Resources.entry("人口库", null);
        catalogue.register(other, ProjectState.DRAFT, PACK);
        assertThat(catalogue.revise(other.revised(Resources.open("API网关"), "u", Resources.AT), ProjectState.DRAFT,
                PACK).has(RuleCode.ART23_CATALOGUE_NAME_TAKEN)).isTrue();
        assertThat(catalogue.revise(api.revised(Resources.open("api 网关"), "u", Resources.AT), ProjectState.DRAFT,
                PACK).isRefused()).isFalse();
        assertThat(catalogue.entries()).hasSize(2);
    }

    @Test
    @DisplayName("每个项目至多登记200项资源")
    void bounded() {
        for (int i = 0; i < ResourceCatalogue.MAX_ENTRIES; i++) {
            assertThat(catalogue.register(Resources.entry("资源" + i, null), ProjectState.DRAFT, PACK).isRefused())
                    .isFalse();
        }
        Outcome full = catalogue.register(Resources.entry("再多一项", null), ProjectState.DRAFT, PACK);
        assertThat(full.refusals()).singleElement().satisfies(v -> {
            assertThat(v.code()).isEqualTo(RuleCode.ART23_CATALOGUE_FULL);
            assertThat(v.messageZh()).contains("上限为200项");
        });
        assertThat(catalogue.entries()).hasSize(ResourceCatalogue.MAX_ENTRIES);
    }

    @Test
    @DisplayName("保存过的目录从版本1起；未保存的为0")
    void versions() {
        assertThat(catalogue.version()).isZero();
        catalogue.markSaved(1);
        assertThat(catalogue.version()).isEqualTo(1);
        assertThatThrownBy(() -> ResourceCatalogue.restore(ProjectId.random(), 0, java.util.List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
