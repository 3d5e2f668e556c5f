package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.rule.Violation;

/** Events the security audit trail records besides the actions themselves (等保 2.0 §8.1.4.3 安全审计). */
public interface SecurityEventUseCase {

    /**
     * A signed-in person was refused an action their role may not take (403): who, from where, what was asked and
     * why, in the security audit trail, in a transaction of its own.
     *
     * @param request the request as "METHOD /path" (no query string, no body)
     */
    void refused(Caller caller, String request, Violation violation);

    /**
     * A person exported data to a file (xlsx, csv): who, from where, which export, with which filter, how many rows,
     * and the numbers (never the names) of the classified projects among them, in the security audit trail, in a
     * transaction of its own.
     *
     * @param export     the export's file, e.g. "annual-plan.xlsx"
     * @param filter     the filter as given, e.g. "year=2025" (empty: none)
     * @param classified the ids of the classified projects the file holds
     */
    void exported(Caller caller, String export, String filter, int rows, java.util.List<String> classified);
}
