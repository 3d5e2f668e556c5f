package cn.egov.projects.web;

import cn.egov.projects.application.port.in.AuthenticateUseCase;
import cn.egov.projects.application.port.in.ComputeDeadlineUseCase;
import cn.egov.projects.application.port.in.CreateAccountUseCase;
import cn.egov.projects.application.port.in.CreateDraftUseCase;
import cn.egov.projects.application.port.in.DeclareProjectUseCase;
import cn.egov.projects.application.port.in.GetProjectUseCase;
import cn.egov.projects.application.port.in.ListProjectsUseCase;
import cn.egov.projects.application.port.in.OpenDeclarationWindowUseCase;

import java.util.Objects;

/** The use cases the API calls, as interfaces only. */
public record UseCases(
        ComputeDeadlineUseCase computeDeadline,
        AuthenticateUseCase authenticate,
        CreateAccountUseCase createAccount,
        CreateDraftUseCase createDraft,
        ListProjectsUseCase listProjects,
        GetProjectUseCase getProject,
        DeclareProjectUseCase declareProject,
        OpenDeclarationWindowUseCase openDeclarationWindow) {

    public UseCases {
        Objects.requireNonNull(computeDeadline, "computeDeadline");
        Objects.requireNonNull(authenticate, "authenticate");
        Objects.requireNonNull(createAccount, "createAccount");
        Objects.requireNonNull(createDraft, "createDraft");
        Objects.requireNonNull(listProjects, "listProjects");
        Objects.requireNonNull(getProject, "getProject");
        Objects.requireNonNull(declareProject, "declareProject");
        Objects.requireNonNull(openDeclarationWindow, "openDeclarationWindow");
    }
}
