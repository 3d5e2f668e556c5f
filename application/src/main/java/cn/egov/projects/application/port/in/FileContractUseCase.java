package cn.egov.projects.application.port.in;

/** File a contract with the Bureau (Art. 14). */
public interface FileContractUseCase {

    TransitionResult fileContract(Caller caller, FileContractCommand command);
}
