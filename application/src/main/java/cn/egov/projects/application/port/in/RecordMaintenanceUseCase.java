package cn.egov.projects.application.port.in;

/** Record the O&amp;M arrangement after the free warranty (Art. 20). */
public interface RecordMaintenanceUseCase {

    TransitionResult recordMaintenance(Caller caller, RecordMaintenanceCommand command);
}
