package cn.egov.projects.persistence.project;

import cn.egov.projects.domain.catalog.Category;
import cn.egov.projects.domain.catalog.Nature;
import cn.egov.projects.domain.project.AccountablePeople;
import cn.egov.projects.domain.project.Person;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectState;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What a save writes into the {@code project} row: the {@link ProjectDocuments document}, and beside it the columns
 * that SQL filters, sorts, joins or shows without reading the document — lists ({@code ProjectDao.list}), the
 * workplace and open deadlines (unit, name, classification, state, policy pack) and the contacts a reminder goes to
 * (the accountable people, null when the project names none). Every one of them is derived from the snapshot by
 * {@link #of}, so the columns can never say anything the document does not. {@code version} is the version the
 * snapshot was loaded at, which an update expects to find (an insert writes version 1).
 */
public record ProjectRow(
        UUID id,
        long version,
        String unit,
        String policyId,
        String name,
        int planYear,
        Category category,
        Nature nature,
        boolean classified,
        BigDecimal totalInvestment,
        ProjectState state,
        LocalDate createdOn,
        String leaderName,
        String leaderMobile,
        String leaderEmail,
        String responsibleName,
        String responsibleMobile,
        String responsibleEmail,
        String document) {

    /** The row of a snapshot. */
    public static ProjectRow of(Project.Snapshot s) {
        AccountablePeople people = s.profile().people();
        Person leader = people == null ? null : people.leader();
        Person responsible = people == null ? null : people.responsible();
        return new ProjectRow(
                s.id().value(),
                s.version(),
                s.unit().code(),
                s.policyId(),
                s.profile().name(),
                s.profile().planYear(),
                s.profile().category(),
                s.profile().nature(),
                s.profile().classified(),
                s.profile().totalInvestment().toBigDecimal(),
                s.state(),
                s.createdOn(),
                leader == null ? null : leader.name(),
                leader == null ? null : leader.mobile(),
                leader == null ? null : leader.email(),
                responsible == null ? null : responsible.name(),
                responsible == null ? null : responsible.mobile(),
                responsible == null ? null : responsible.email(),
                ProjectDocuments.write(s));
    }
}
