package cn.egov.projects.web;

import cn.egov.projects.application.error.NotFoundException;
import cn.egov.projects.application.port.in.AuthenticateUseCase;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.ComputeDeadlineUseCase;
import cn.egov.projects.application.port.in.CreateAccountUseCase;
import cn.egov.projects.application.port.in.CreateDraftUseCase;
import cn.egov.projects.application.port.in.DeadLetterUseCase;
import cn.egov.projects.application.port.in.DeclareProjectUseCase;
import cn.egov.projects.application.port.in.GetProjectUseCase;
import cn.egov.projects.application.port.in.ListProjectsUseCase;
import cn.egov.projects.application.port.in.OpenDeclarationWindowUseCase;

import cn.egov.projects.application.view.DeadLetter;

import java.util.List;
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
        OpenDeclarationWindowUseCase openDeclarationWindow,
        DeadLetterUseCase deadLetters) {

    /** Without a reminder engine: no dead letters to list, none to retry. */
    public UseCases(ComputeDeadlineUseCase computeDeadline, AuthenticateUseCase authenticate,
                    CreateAccountUseCase createAccount, CreateDraftUseCase createDraft, ListProjectsUseCase listProjects,
                    GetProjectUseCase getProject, DeclareProjectUseCase declareProject,
                    OpenDeclarationWindowUseCase openDeclarationWindow) {
        this(computeDeadline, authenticate, createAccount, createDraft, listProjects, getProject, declareProject,
                openDeclarationWindow, NO_DEAD_LETTERS);
    }

    private static final DeadLetterUseCase NO_DEAD_LETTERS = new DeadLetterUseCase() {
        @Override
        public List<DeadLetter> listDeadLetters(Caller caller, int limit) {
            return List.of();
        }

        @Override
        public void retryDeadLetter(Caller caller, long id) {
            throw new NotFoundException("没有待处理的该条发送失败记录");
        }
    };

    public UseCases {
        Objects.requireNonNull(computeDeadline, "computeDeadline");
        Objects.requireNonNull(authenticate, "authenticate");
        Objects.requireNonNull(createAccount, "createAccount");
        Objects.requireNonNull(createDraft, "createDraft");
        Objects.requireNonNull(listProjects, "listProjects");
        Objects.requireNonNull(getProject, "getProject");
        Objects.requireNonNull(declareProject, "declareProject");
        Objects.requireNonNull(openDeclarationWindow, "openDeclarationWindow");
        Objects.requireNonNull(deadLetters, "deadLetters");
    }
}
