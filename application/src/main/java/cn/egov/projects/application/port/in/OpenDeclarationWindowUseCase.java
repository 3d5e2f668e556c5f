package cn.egov.projects.application.port.in;

/** The Bureau opens the declaration window (Art. 7). */
public interface OpenDeclarationWindowUseCase {

    void openWindow(Caller caller, OpenDeclarationWindowCommand command);
}
