package cn.egov.projects.application.service;

import cn.egov.projects.application.error.RefusedException;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.CreateDraftCommand;
import cn.egov.projects.application.port.in.CreateDraftUseCase;
import cn.egov.projects.application.port.in.DeclareProjectCommand;
import cn.egov.projects.application.port.in.DeclareProjectUseCase;
import cn.egov.projects.application.port.in.DeclareSupplementaryCommand;
import cn.egov.projects.application.port.in.DeclareSupplementaryUseCase;
import cn.egov.projects.application.port.in.EditDraftCommand;
import cn.egov.projects.application.port.in.EditDraftUseCase;
import cn.egov.projects.application.port.in.OpenDeclarationWindowCommand;
import cn.egov.projects.application.port.in.OpenDeclarationWindowUseCase;
import cn.egov.projects.application.port.in.TransitionResult;
import cn.egov.projects.domain.access.Action;
import cn.egov.projects.domain.access.Actor;
import cn.egov.projects.domain.declaration.DeclarationWindow;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.Supplementary;
import cn.egov.projects.domain.rule.Outcome;

/** Drafts, declarations (Art. 7, 10, 15, 19) and the Bureau's declaration window (Art. 7). */
public final class DeclarationService implements CreateDraftUseCase, EditDraftUseCase, DeclareProjectUseCase,
        DeclareSupplementaryUseCase, OpenDeclarationWindowUseCase {

    private final Lifecycle lifecycle;
    private final Ports ports;

    public DeclarationService(Ports ports) {
        this.lifecycle = new Lifecycle(ports);
        this.ports = ports;
    }

    @Override
    public ProjectId createDraft(Caller caller, CreateDraftCommand command) {
        lifecycle.requireRole(caller, Action.CREATE_DRAFT);
        return ports.tx().inTransaction(() -> {
            Actor actor = caller.actor();
            PolicyPack pack = lifecycle.packInForce();
            Project project = Project.draft(ProjectId.random(), actor.unit(), command.profile(), pack.id(),
                    lifecycle.today());
            ports.save().insert(project);
            lifecycle.audit(caller, Action.CREATE_DRAFT, lifecycle.context(project.policyId()).pack(), project.id(), null, project.state(),
                    "新建项目草稿（" + command.profile().planYear() + "年度）");
            return project.id();
        });
    }

    @Override
    public TransitionResult editDraft(Caller caller, EditDraftCommand command) {
        return lifecycle.run(caller, command, Action.EDIT_DRAFT, "修改项目草稿",
                (project, ctx) -> project.editDraft(command.profile(), ctx.pack()));
    }

    @Override
    public TransitionResult declare(Caller caller, DeclareProjectCommand command) {
        return lifecycle.run(caller, command, Action.DECLARE, "申报项目", (project, ctx) -> {
            // a project declared today is judged by the pack in force today (Art. 28)
            project.adoptPolicy(lifecycle.packInForce().id());
            Lifecycle.Context judged = lifecycle.context(project.policyId());
            return project.declare(judged.today(), ports.windows().find(project.profile().planYear()), judged.pack());
        });
    }

    @Override
    public TransitionResult declareSupplementary(Caller caller, DeclareSupplementaryCommand command) {
        Supplementary request = new Supplementary(command.requirement(), command.feasibilityStudy());
        return lifecycle.run(caller, command, Action.DECLARE_SUPPLEMENTARY, "追加申报项目", (project, ctx) -> {
            project.adoptPolicy(lifecycle.packInForce().id());
            Lifecycle.Context judged = lifecycle.context(project.policyId());
            return project.declareSupplementary(judged.today(), request, judged.pack());
        });
    }

    @Override
    public void openWindow(Caller caller, OpenDeclarationWindowCommand command) {
        lifecycle.requireRole(caller, Action.OPEN_WINDOW);
        DeclarationWindow window = new DeclarationWindow(command.planYear(), command.opensOn(), command.closesOn());
        ports.tx().inTransaction(() -> {
            Outcome outcome = window.checkOpening(lifecycle.packInForce(), lifecycle.today(),
                    ports.windows().find(command.planYear()));
            if (outcome.isRefused()) {
                throw new RefusedException(outcome.refusals());
            }
            ports.windows().save(window);
            lifecycle.audit(caller, Action.OPEN_WINDOW, null, null, null,
                    command.planYear() + "年度集中申报期：" + command.opensOn() + "至" + command.closesOn());
            return null;
        });
    }
}
