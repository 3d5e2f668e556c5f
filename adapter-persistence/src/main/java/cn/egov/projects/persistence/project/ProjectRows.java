package cn.egov.projects.persistence.project;

import cn.egov.projects.domain.project.Acceptance;
import cn.egov.projects.domain.project.AccountablePeople;
import cn.egov.projects.domain.project.ChangeRequest;
import cn.egov.projects.domain.project.Person;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.ProjectProfile;
import cn.egov.projects.domain.project.ReviewOpinion;
import cn.egov.projects.domain.project.Supplementary;
import cn.egov.projects.domain.project.UnitId;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A project as rows: the {@code project} row and the rows of every child table. {@link #of} takes a snapshot
 * apart, {@link #toSnapshot} puts it together again; the two are exact inverses, so a stored project loads equal
 * to what was saved.
 *
 * <p>A single optional part (funding opinion, approval, plan inclusion, implementation plan, self-inspection,
 * termination) is a row or no row; a list is rows in the order of {@code seq}; a list inside a list element (the
 * experts of a review, say) is keyed by the element's {@code seq}.
 */
public record ProjectRows(
        ProjectRow project,
        List<BudgetLineRow> budgetLines,
        List<ItemRow> scopeItems,
        List<ItemRow> performanceGoals,
        List<PersonRow> people,
        List<ReviewRow> reviews,
        List<NestedItemRow> reviewExperts,
        FundingOpinionRow fundingOpinion,
        ApprovalRow approval,
        PlanInclusionRow planInclusion,
        ImplementationPlanRow implementationPlan,
        List<ItemRow> implementationScopeItems,
        List<PreProcurementReviewRow> preProcurementReviews,
        List<ContractRow> contracts,
        List<ProgressReportRow> progressReports,
        List<ChangeRequestRow> changeRequests,
        List<NestedItemRow> changeScopeItems,
        List<SituationReportRow> situationReports,
        List<SecurityReviewRow> securityReviews,
        SelfInspectionRow selfInspection,
        List<AcceptanceRow> acceptances,
        List<NestedItemRow> acceptanceExperts,
        List<NestedItemRow> acceptanceDocuments,
        TerminationRow termination,
        List<DeadlineRow> deadlines) {

    private static final ProjectRowMapper MAP = ProjectRowMapper.INSTANCE;

    /** The rows of a snapshot, stored under {@code version} (the version the save gives the project). */
    public static ProjectRows of(Project.Snapshot s, long version) {
        UUID id = s.id().value();
        ProjectProfile profile = s.profile();
        Supplementary supplementary = s.supplementary();
        List<PersonRow> people = new ArrayList<>();
        AccountablePeople accountable = profile.people();
        if (accountable != null) {
            people.add(personRow(id, PersonRow.LEADER, accountable.leader()));
            people.add(personRow(id, PersonRow.RESPONSIBLE, accountable.responsible()));
        }

        List<ReviewOpinion> reviews = s.reviews();
        List<ChangeRequest> changes = s.changes();
        List<Acceptance> acceptances = s.acceptances();
        ProjectRow project = new ProjectRow(
                id,
                s.unit().code(),
                s.policyId(),
                version,
                profile.name(),
                profile.planYear(),
                profile.category(),
                profile.nature(),
                profile.serviceKind(),
                MAP.uuid(profile.supervisedProject()),
                profile.softwareDevelopment(),
                profile.funding(),
                profile.classified(),
                profile.usesCryptography(),
                profile.totalInvestment().toBigDecimal(),
                s.state(),
                s.suspendedFrom(),
                s.createdOn(),
                s.declaredOn(),
                supplementary != null,
                supplementary == null ? null : supplementary.requirement(),
                supplementary == null ? null : supplementary.feasibilityStudy(),
                s.higherLevelReportedOn(),
                s.noProcurementReason(),
                s.substantiveStartOn(),
                s.trialStartOn(),
                s.operatingFrom(),
                s.acceptanceReportOn(),
                s.finalAccountsOn(),
                MAP.amount(s.finalAccountsAmount()),
                s.maintenanceArrangement(),
                ChildRows.ALL_PARTS);
        ProjectRows rows = new ProjectRows(
                project,
                indexed(profile.budgetLines(), (line, seq) -> MAP.toRow(line, id, seq)),
                items(id, profile.scopeItems()),
                items(id, profile.performanceGoals()),
                people,
                indexed(reviews, (review, seq) -> MAP.toRow(review, id, seq)),
                nested(id, reviews, ReviewOpinion::experts),
                s.funding() == null ? null : MAP.toRow(s.funding(), id),
                s.approval() == null ? null : MAP.toRow(s.approval(), id),
                s.plan() == null ? null : MAP.toRow(s.plan(), id),
                s.implementationPlan() == null ? null : MAP.toRow(s.implementationPlan(), id),
                s.implementationPlan() == null ? List.of() : items(id, s.implementationPlan().scopeItems()),
                indexed(s.preProcurementReviews(), (review, seq) -> MAP.toRow(review, id, seq)),
                indexed(s.contracts(), (contract, seq) -> MAP.toRow(contract, id, seq)),
                indexed(s.progressReports(), (report, seq) -> MAP.toRow(report, id, seq)),
                indexed(changes, (change, seq) -> MAP.toRow(change, id, seq)),
                nested(id, changes, ChangeRequest::newScopeItems),
                indexed(s.situationReports(), (report, seq) -> MAP.toRow(report, id, seq)),
                indexed(s.securityReviews(), (review, seq) -> MAP.toRow(review, id, seq)),
                s.selfInspection() == null ? null : MAP.toRow(s.selfInspection(), id),
                indexed(acceptances, (acceptance, seq) -> MAP.toRow(acceptance, id, seq)),
                nested(id, acceptances, Acceptance::experts),
                nested(id, acceptances, Acceptance::documents),
                s.termination() == null ? null : MAP.toRow(s.termination(), id),
                indexed(s.deadlines(), (deadline, seq) -> MAP.toRow(deadline, id, seq)));
        return rows.withChildParts(ChildRows.partsOf(rows));
    }

    /** These rows with the project row's {@code childParts} set to {@code parts}. */
    ProjectRows withChildParts(int parts) {
        ProjectRow p = project;
        ProjectRow marked = new ProjectRow(p.id(), p.unit(), p.policyId(), p.version(), p.name(), p.planYear(),
                p.category(), p.nature(), p.serviceKind(), p.supervisedProject(), p.softwareDevelopment(),
                p.fundingSource(), p.classified(), p.usesCryptography(), p.totalInvestment(), p.state(),
                p.suspendedFrom(), p.createdOn(), p.declaredOn(), p.supplementary(), p.supplementaryRequirement(),
                p.supplementaryFeasibilityStudy(), p.higherLevelReportedOn(), p.noProcurementReason(),
                p.substantiveStartOn(), p.trialStartOn(), p.operatingFrom(), p.acceptanceReportOn(),
                p.finalAccountsOn(), p.finalAccountsAmount(), p.maintenanceArrangement(), parts);
        return new ProjectRows(marked, budgetLines, scopeItems, performanceGoals, people, reviews, reviewExperts,
                fundingOpinion, approval, planInclusion, implementationPlan, implementationScopeItems,
                preProcurementReviews, contracts, progressReports, changeRequests, changeScopeItems, situationReports,
                securityReviews, selfInspection, acceptances, acceptanceExperts, acceptanceDocuments, termination,
                deadlines);
    }

    /** The snapshot these rows hold. */
    public Project.Snapshot toSnapshot() {
        ProjectRow p = project;
        Map<String, PersonRow> byDuty = people.stream()
                .collect(Collectors.toMap(PersonRow::duty, Function.identity()));
        AccountablePeople accountable = byDuty.isEmpty() ? null
                : new AccountablePeople(person(byDuty.get(PersonRow.LEADER)), person(byDuty.get(PersonRow.RESPONSIBLE)));
        ProjectProfile profile = new ProjectProfile(
                p.name(),
                p.planYear(),
                p.category(),
                p.nature(),
                p.serviceKind(),
                MAP.projectId(p.supervisedProject()),
                p.softwareDevelopment(),
                p.fundingSource(),
                p.classified(),
                p.usesCryptography(),
                texts(scopeItems),
                texts(performanceGoals),
                budgetLines.stream().map(MAP::toBudgetLine).toList(),
                accountable);

        Map<Integer, List<String>> experts = grouped(reviewExperts);
        Map<Integer, List<String>> changeItems = grouped(changeScopeItems);
        Map<Integer, List<String>> acceptanceExpertNames = grouped(acceptanceExperts);
        Map<Integer, List<String>> acceptanceDocumentNames = grouped(acceptanceDocuments);

        return new Project.Snapshot(
                new ProjectId(p.id()),
                new UnitId(p.unit()),
                p.policyId(),
                p.version(),
                profile,
                p.state(),
                p.suspendedFrom(),
                p.createdOn(),
                p.declaredOn(),
                p.supplementary()
                        ? new Supplementary(p.supplementaryRequirement(), p.supplementaryFeasibilityStudy())
                        : null,
                p.higherLevelReportedOn(),
                reviews.stream().map(r -> MAP.toReview(r, children(experts, r.seq()))).toList(),
                fundingOpinion == null ? null : MAP.toFundingOpinion(fundingOpinion),
                approval == null ? null : MAP.toApproval(approval),
                planInclusion == null ? null : MAP.toPlanInclusion(planInclusion),
                implementationPlan == null ? null
                        : MAP.toImplementationPlan(implementationPlan, texts(implementationScopeItems)),
                preProcurementReviews.stream().map(MAP::toPreProcurementReview).toList(),
                p.noProcurementReason(),
                p.substantiveStartOn(),
                contracts.stream().map(MAP::toContract).toList(),
                progressReports.stream().map(MAP::toProgressReport).toList(),
                changeRequests.stream().map(c -> MAP.toChangeRequest(c, children(changeItems, c.seq()))).toList(),
                situationReports.stream().map(MAP::toSituationReport).toList(),
                securityReviews.stream().map(MAP::toSecurityReview).toList(),
                p.trialStartOn(),
                selfInspection == null ? null : MAP.toSelfInspection(selfInspection),
                acceptances.stream().map(a -> MAP.toAcceptance(a, children(acceptanceExpertNames, a.seq()),
                        children(acceptanceDocumentNames, a.seq()))).toList(),
                p.operatingFrom(),
                p.acceptanceReportOn(),
                p.finalAccountsOn(),
                MAP.money(p.finalAccountsAmount()),
                termination == null ? null : MAP.toTermination(termination),
                p.maintenanceArrangement(),
                deadlines.stream().map(MAP::toDeadline).toList());
    }

    // ---------------------------------------------------------------- helpers

    @FunctionalInterface
    private interface IndexedMapping<T, R> {
        R apply(T element, int seq);
    }

    private static <T, R> List<R> indexed(List<T> elements, IndexedMapping<T, R> mapping) {
        List<R> rows = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            rows.add(mapping.apply(elements.get(i), i));
        }
        return rows;
    }

    private static List<ItemRow> items(UUID projectId, List<String> items) {
        return indexed(items, (item, seq) -> new ItemRow(projectId, seq, item));
    }

    private static <T> List<NestedItemRow> nested(UUID projectId, List<T> parents, Function<T, List<String>> items) {
        List<NestedItemRow> rows = new ArrayList<>();
        for (int parent = 0; parent < parents.size(); parent++) {
            List<String> children = items.apply(parents.get(parent));
            for (int seq = 0; seq < children.size(); seq++) {
                rows.add(new NestedItemRow(projectId, parent, seq, children.get(seq)));
            }
        }
        return rows;
    }

    private static PersonRow personRow(UUID projectId, String duty, Person person) {
        return new PersonRow(projectId, duty, person.name(), person.mobile(), person.email());
    }

    private static Person person(PersonRow row) {
        if (row == null) {
            throw new IllegalStateException("a project has both accountable people or neither; one is missing");
        }
        return new Person(row.name(), row.mobile(), row.email());
    }

    private static List<String> texts(List<ItemRow> rows) {
        return rows.stream().map(ItemRow::item).toList();
    }

    private static Map<Integer, List<String>> grouped(List<NestedItemRow> rows) {
        Map<Integer, List<String>> byParent = new TreeMap<>();
        for (NestedItemRow row : rows) {
            byParent.computeIfAbsent(row.parentSeq(), k -> new ArrayList<>()).add(row.item());
        }
        return byParent;
    }

    private static List<String> children(Map<Integer, List<String>> byParent, int parentSeq) {
        return byParent.getOrDefault(parentSeq, List.of());
    }
}
