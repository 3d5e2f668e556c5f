package cn.egov.projects.application.port.in;

/** File the self-inspection report (Art. 23). */
public interface FileSelfInspectionUseCase {

    TransitionResult fileSelfInspection(Caller caller, FileSelfInspectionCommand command);
}
