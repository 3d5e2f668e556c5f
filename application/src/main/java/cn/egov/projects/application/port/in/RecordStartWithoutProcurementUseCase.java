package cn.egov.projects.application.port.in;

/** Record the start of a project that needs no procurement (Art. 17). */
public interface RecordStartWithoutProcurementUseCase {

    TransitionResult recordStartWithoutProcurement(Caller caller, RecordStartWithoutProcurementCommand command);
}
