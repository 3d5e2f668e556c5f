package cn.egov.projects.application.service;

import cn.egov.projects.application.error.ConcurrentChangeException;
import cn.egov.projects.application.error.ForbiddenException;
import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.application.error.NotFoundException;
import cn.egov.projects.application.error.RefusedException;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.RegisterResourceCommand;
import cn.egov.projects.application.port.in.RemoveResourceCommand;
import cn.egov.projects.application.port.in.ResourceFields;
import cn.egov.projects.application.port.in.ReviseResourceCommand;
import cn.egov.projects.application.port.in.RecordReviewCommand;
import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.application.view.ResourceCatalogueView;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.catalog.Category;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.resource.Openness;
import cn.egov.projects.domain.resource.ResourceEntry;
import cn.egov.projects.domain.resource.ResourceKind;
import cn.egov.projects.domain.resource.SharingType;
import cn.egov.projects.domain.rule.RuleCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static cn.egov.projects.application.fake.People.audit;
import static cn.egov.projects.application.fake.People.bureau;
import static cn.egov.projects.application.fake.People.bureauAssigned;
import static cn.egov.projects.application.fake.People.caller;
import static cn.egov.projects.application.fake.People.secrecy;
import static cn.egov.projects.application.service.ResourceWorld.CITY;
import static cn.egov.projects.application.service.ResourceWorld.POLICE;
import static cn.egov.projects.application.service.ResourceWorld.data;
import static cn.egov.projects.application.service.ResourceWorld.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("资源目录：实施单位登记、修改、删除本项目的资源，按项目的查看范围查看（第六条、第二十三条）")
class ResourceCatalogueServiceTest {

    private final ResourceWorld r = new ResourceWorld();
    private final Caller police = staff(POLICE);

    @Test
    @DisplayName("实施单位登记资源后，目录按登记先后列出，版本递增，每次变更都有操作记录（第二十三条）")
    void registerReviseRemoveAudited() {
        ProjectId id = r.draft(POLICE, "智慧公安数据平台", "数据汇聚平台");
        ResourceCatalogueView empty = r.w.resourceCatalogue.catalogue(police, id);
        assertThat(empty.version()).isZero();
        assertThat(empty.editable()).isTrue();
        assertThat(empty.entries()).isEmpty();

        ResourceCatalogueView one = r.register(POLICE, id, data("警情数据库", "全市警情"));
        ResourceCatalogueView two = r.w.resourceCatalogue.register(police, new RegisterResourceCommand(id,
                ResourceFields.description("警情分析接口", ResourceKind.INTERFACE, "太仓市公安局", null,
                        SharingType.UNCONDITIONAL, null, Openness.NOT_OPEN), one.version()));
        assertThat(two.version()).isEqualTo(2);
        assertThat(two.entries()).extracting(ResourceEntry::name).containsExactly("警情数据库", "警情分析接口");
        ResourceEntry first = two.entries().get(0);
        assertThat(first.registeredBy()).isEqualTo("staff-TC-GAJ");
        assertThat(first.registeredAt()).isEqualTo(r.w.world.clock.now());

        Caller leader = caller("police-leader", Role.UNIT_LEADER, POLICE);
        ResourceCatalogueView revised = r.w.resourceCatalogue.revise(leader, new ReviseResourceCommand(id, first.id(),
                data("警情信息资源库", "全市警情，按日更新"), 2L));
        assertThat(revised.entries().get(0).name()).isEqualTo("警情信息资源库");
        assertThat(revised.entries().get(0).updatedBy()).isEqualTo("police-leader");

        ResourceCatalogueView removed = r.w.resourceCatalogue.remove(police,
                new RemoveResourceCommand(id, two.entries().get(1).id(), null));
        assertThat(removed.entries()).extracting(ResourceEntry::name).containsExactly("警情信息资源库");
        assertThat(removed.version()).isEqualTo(4);

        List<AuditRecord> trail = r.w.world.audit.forProject(id.toString()).stream()
                .filter(a -> a.action().equals("MANAGE_RESOURCE_CATALOGUE")).toList();
        assertThat(trail).extracting(AuditRecord::summary).containsExactly(
                "登记资源「警情数据库」（数据资源，有条件共享，不予开放）",
                "登记资源「警情分析接口」（接口服务，无条件共享，不予开放）",
                "修改资源「警情信息资源库」（数据资源，有条件共享，不予开放）（原名「警情数据库」）",
                "删除资源「警情分析接口」（接口服务，无条件共享，不予开放）");
        assertThat(trail).allSatisfy(a -> {
            assertThat(a.article()).isEqualTo("第二十三条");
            assertThat(a.fromState()).isEqualTo(a.toState());
        });
        assertThat(trail.get(2).userId()).isEqualTo("police-leader");
    }

    @Test
    @DisplayName("其他单位看不到、改不了（404）；大数据局等可查看但不能登记（403，第四条）；审计局只读")
    void accessFollowsTheProject() {
        ProjectId id = r.declared(POLICE, "智慧公安数据平台", "数据汇聚平台");
        r.register(POLICE, id, data("警情数据库", null));

        assertThatThrownBy(() -> r.w.resourceCatalogue.catalogue(staff(CITY), id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> r.register(CITY, id, data("别的库", null))).isInstanceOf(NotFoundException.class);
        for (Caller reader : List.of(bureau(), audit())) {
            ResourceCatalogueView view = r.w.resourceCatalogue.catalogue(reader, id);
            assertThat(view.entries()).extracting(ResourceEntry::name).containsExactly("警情数据库");
            assertThat(view.editable()).isFalse();
            assertThatThrownBy(() -> r.w.resourceCatalogue.register(reader,
                    new RegisterResourceCommand(id, data("别的库", null), null)))
                    .isInstanceOfSatisfying(ForbiddenException.class, e -> {
                        assertThat(e.violation().code()).isEqualTo(RuleCode.ART4_ROLE);
                        assertThat(e.violation().messageZh()).contains("「登记资源目录」由");
                    });
        }
        assertThat(r.w.resourceCatalogue.catalogue(police, id).entries()).hasSize(1);
    }

    @Test
    @DisplayName("涉密项目的资源目录只在知悉范围内可见：本单位、保密部门、指定的经办人员；其他人一律视为不存在")
    void classifiedCatalogueStaysInside() {
        ProjectId secret = r.declared(POLICE, ResourceWorld.profile("涉密网络改造", Category.SECURITY_SYSTEM, true, "涉密网改造"));
        r.register(POLICE, secret, data("涉密网资产台账", null));

        for (Caller outsider : List.of(bureau(), audit(), staff(CITY), ResourceWorld.expert())) {
            assertThatThrownBy(() -> r.w.resourceCatalogue.catalogue(outsider, secret))
                    .as(outsider.actor().role().name()).isInstanceOf(NotFoundException.class);
        }
        // an expert the secrecy office named into the scope is inside it (Art. 27)
        for (Caller inside : List.of(secrecy(), bureauAssigned(secret), police, ResourceWorld.expert(secret))) {
            assertThat(r.w.resourceCatalogue.catalogue(inside, secret).entries()).hasSize(1);
        }
    }

    @Test
    @DisplayName("项目评审未通过后资源目录不再修改（第二十三条），目录和操作记录都不变")
    void closedWhenRejected() {
        ProjectId id = r.underReview(POLICE, "智慧公安数据平台", "数据汇聚平台");
        ResourceCatalogueView before = r.register(POLICE, id, data("警情数据库", null));
        r.w.world.approvals.recordReview(bureau(), new RecordReviewCommand(id, null, false, List.of("甲", "乙", "丙"),
                "与已建项目重复"));
        int trail = r.w.world.audit.all().size();

        assertThat(r.w.resourceCatalogue.catalogue(police, id).editable()).isFalse();
        assertThatThrownBy(() -> r.register(POLICE, id, data("法人库", null)))
                .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.violations()).singleElement()
                        .satisfies(v -> {
                            assertThat(v.code()).isEqualTo(RuleCode.ART23_CATALOGUE_CLOSED);
                            assertThat(v.messageZh()).startsWith("第二十三条：").contains("本项目评审未通过");
                        }));
        assertThatThrownBy(() -> r.w.resourceCatalogue.remove(police,
                new RemoveResourceCommand(id, before.entries().get(0).id(), null)))
                .isInstanceOf(RefusedException.class);
        ResourceCatalogueView after = r.w.resourceCatalogue.catalogue(police, id);
        assertThat(after.entries()).isEqualTo(before.entries());
        assertThat(after.version()).isEqualTo(before.version());
        assertThat(r.w.world.audit.all()).hasSize(trail);
    }

    @Test
    @DisplayName("同名资源不予登记；旧版本的修改得到并发冲突；不存在的资源404；都不改变目录")
    void refusalsChangeNothing() {
        ProjectId id = r.draft(POLICE, "智慧公安数据平台", "数据汇聚平台");
        ResourceCatalogueView one = r.register(POLICE, id, data("警情数据库", null));

        assertThatThrownBy(() -> r.register(POLICE, id, data(" 警情 数据库 ", null)))
                .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.violations().get(0).code())
                        .isEqualTo(RuleCode.ART23_CATALOGUE_NAME_TAKEN));
        assertThatThrownBy(() -> r.w.resourceCatalogue.register(police,
                new RegisterResourceCommand(id, data("法人库", null), 0L))).isInstanceOf(ConcurrentChangeException.class);
        assertThatThrownBy(() -> r.w.resourceCatalogue.revise(police,
                new ReviseResourceCommand(id, UUID.randomUUID(), data("法人库", null), null)))
                .isInstanceOf(NotFoundException.class);
        assertThat(r.w.resourceCatalogue.catalogue(police, id)).isEqualTo(one);
    }

    @Test
    @DisplayName("填写不全的资源指出是哪一项（400），不会到达目录")
    void badInputNamesTheField() {
        assertThatThrownBy(() -> ResourceFields.description("警情库", ResourceKind.DATA, "公安局", null,
                SharingType.CONDITIONAL, null, Openness.NOT_OPEN))
                .isInstanceOfSatisfying(InvalidCommandException.class, e -> {
                    assertThat(e.field()).isEqualTo("sharingCondition");
                    assertThat(e.messageZh()).isEqualTo("有条件共享的资源须写明共享条件");
                });
        assertThatThrownBy(() -> new RegisterResourceCommand(ProjectId.random(), null, null))
                .isInstanceOfSatisfying(InvalidCommandException.class, e -> assertThat(e.field()).isEqualTo("content"));
    }
}
