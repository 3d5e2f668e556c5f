package cn.egov.projects.application.port.out;

import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.UnitId;

import java.util.Optional;
import java.util.Set;

/**
 * The projects a person may see, as a list adapter must apply it (decided by the application, RULES.md §1).
 *
 * @param unit              only this unit's projects (unit staff), or empty for every unit
 * @param allClassified     classified projects of the scope are included (their unit, the Secrecy office)
 * @param classifiedAllowed classified projects included one by one (assigned Bureau officers)
 * @param onlyThese         when present, nothing but these projects (experts)
 * @param drafts            drafts are included: a unit's own (its staff), or every draft (the system's own work,
 *                          such as the reminders before a window closes); never for anyone outside the unit
 */
public record ProjectListScope(Optional<UnitId> unit, boolean allClassified, Set<ProjectId> classifiedAllowed,
                               Optional<Set<ProjectId>> onlyThese, boolean drafts) {

    public ProjectListScope {
        classifiedAllowed = Set.copyOf(classifiedAllowed);
        onlyThese = onlyThese.map(Set::copyOf);
    }

    /** A person's scope: drafts only within their own unit (RULES.md §1). */
    public ProjectListScope(Optional<UnitId> unit, boolean allClassified, Set<ProjectId> classifiedAllowed,
                            Optional<Set<ProjectId>> onlyThese) {
        this(unit, allClassified, classifiedAllowed, onlyThese, unit.isPresent());
    }
}
