package cn.egov.projects.application.port.in;

/** Record a signed contract (Art. 14). */
public interface SignContractUseCase {

    TransitionResult signContract(Caller caller, SignContractCommand command);
}
