package cn.egov.projects.application.port.in;

/** Finance gives its funding opinion (Art. 8). */
public interface ProposeFundingUseCase {

    TransitionResult proposeFunding(Caller caller, ProposeFundingCommand command);
}
