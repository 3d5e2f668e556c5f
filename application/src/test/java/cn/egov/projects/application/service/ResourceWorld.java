package cn.egov.projects.application.service;

import cn.egov.projects.application.fake.FakeWorkplace;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.CreateDraftCommand;
import cn.egov.projects.application.port.in.DeclareProjectCommand;
import cn.egov.projects.application.port.in.OpenDeclarationWindowCommand;
import cn.egov.projects.application.port.in.RegisterResourceCommand;
import cn.egov.projects.application.port.in.ResourceFields;
import cn.egov.projects.application.port.in.StartReviewCommand;
import cn.egov.projects.application.view.ResourceCatalogueView;
import cn.egov.projects.domain.access.Actor;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.catalog.Category;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.ProjectProfile;
import cn.egov.projects.domain.project.UnitId;
import cn.egov.projects.domain.resource.Openness;
import cn.egov.projects.domain.resource.ResourceDescription;
import cn.egov.projects.domain.resource.ResourceKind;
import cn.egov.projects.domain.resource.SharingType;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static cn.egov.projects.application.fake.People.bureau;
import static cn.egov.projects.application.fake.People.caller;
import static cn.egov.projects.application.fake.People.smartPolicePlatform;

/**
 * The working place of the resource tests on 2024-08-15, the 2025 declaration window open, and projects of the
 * police, the city management and the education bureau.
 */
final class ResourceWorld {

    static final UnitId POLICE = new UnitId("TC-GAJ");
    static final UnitId CITY = new UnitId("TC-CGJ");
    static final UnitId EDUCATION = new UnitId("TC-JYJ");

    final FakeWorkplace w = new FakeWorkplace(LocalDate.of(2024, 8, 15));

    ResourceWorld() {
        w.world.clock.set(LocalDate.of(2024, 8, 1));
        w.world.declarations.openWindow(bureau(), new OpenDeclarationWindowCommand(2025,
                LocalDate.of(2024, 8, 1), LocalDate.of(2024, 9, 30)));
        w.world.clock.set(LocalDate.of(2024, 8, 15));
    }

    static Caller staff(UnitId unit) {
        return caller("staff-" + unit.code(), Role.UNIT_STAFF, unit);
    }

    static Caller expert(ProjectId... assigned) {
        return new Caller(new Actor("expert-qian", "钱专家", Role.EXPERT, new UnitId("EXPERTS"), Set.of(assigned)),
                "req-expert", "-");
    }

    /** A profile like the police platform's, with this name, category, construction content and classification. */
    static ProjectProfile profile(String name, Category category, boolean classified, String... scope) {
        ProjectProfile p = smartPolicePlatform(2025);
        return new ProjectProfile(name, p.planYear(), category, p.nature(), p.serviceKind(), p.supervisedProject(),
                p.softwareDevelopment(), p.funding(), classified, p.usesCryptography(), List.of(scope),
                p.performanceGoals(), p.budgetLines(), p.people());
    }

    ProjectId draft(UnitId unit, String name, String... scope) {
        return draft(unit, profile(name, Category.BUSINESS_SYSTEM, false, scope));
    }

    ProjectId draft(UnitId unit, ProjectProfile profile) {
        return w.world.declarations.createDraft(staff(unit), new CreateDraftCommand(profile));
    }

    ProjectId declared(UnitId unit, String name, String... scope) {
        return declared(unit, profile(name, Category.BUSINESS_SYSTEM, false, scope));
    }

    ProjectId declared(UnitId unit, ProjectProfile profile) {
        ProjectId id = draft(unit, profile);
        w.world.declarations.declare(staff(unit), new DeclareProjectCommand(id, null));
        return id;
    }

    ProjectId underReview(UnitId unit, String name, String... scope) {
        ProjectId id = declared(unit, name, scope);
        w.world.approvals.startReview(bureau(), new StartReviewCommand(id, null));
        return id;
    }

    static ResourceDescription data(String name, String description) {
        return ResourceFields.description(name, ResourceKind.DATA, "太仓市公安局", description, SharingType.CONDITIONAL,
                "经审批后按需共享", Openness.NOT_OPEN);
    }

    ResourceCatalogueView register(UnitId unit, ProjectId project, ResourceDescription content) {
        return w.resourceCatalogue.register(staff(unit), new RegisterResourceCommand(project, content, null));
    }
}
