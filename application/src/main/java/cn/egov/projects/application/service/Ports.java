package cn.egov.projects.application.service;

import cn.egov.projects.application.port.out.AuditTrailPort;
import cn.egov.projects.application.port.out.CalendarPort;
import cn.egov.projects.application.port.out.ClockPort;
import cn.egov.projects.application.port.out.DeclarationWindowPort;
import cn.egov.projects.application.port.out.ListProjectsPort;
import cn.egov.projects.application.port.out.LoadProjectPort;
import cn.egov.projects.application.port.out.PolicyPort;
import cn.egov.projects.application.port.out.ReminderPort;
import cn.egov.projects.application.port.out.SaveProjectPort;
import cn.egov.projects.application.port.out.TransactionPort;

import java.util.Objects;

/** The output ports the lifecycle services share, wired once by the bootstrap. */
public record Ports(
        LoadProjectPort load,
        SaveProjectPort save,
        ListProjectsPort list,
        DeclarationWindowPort windows,
        AuditTrailPort audit,
        ReminderPort reminders,
        ClockPort clock,
        CalendarPort calendar,
        PolicyPort policies,
        TransactionPort tx) {

    public Ports {
        Objects.requireNonNull(load, "load");
        Objects.requireNonNull(save, "save");
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(windows, "windows");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(reminders, "reminders");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(policies, "policies");
        Objects.requireNonNull(tx, "tx");
    }
}
