package cn.egov.projects.application.port.in;

/** Finance records recovered funds (Art. 17). */
public interface RecordFundRecoveryUseCase {

    TransitionResult recordFundRecovery(Caller caller, RecordFundRecoveryCommand command);
}
