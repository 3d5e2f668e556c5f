package cn.egov.projects.application.port.in;

/** Put the project into use (Art. 21). */
public interface PutIntoOperationUseCase {

    TransitionResult putIntoOperation(Caller caller, PutIntoOperationCommand command);
}
