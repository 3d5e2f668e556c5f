package cn.egov.projects.persistence.project;

import cn.egov.projects.domain.deadline.Deadline;
import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.project.Acceptance;
import cn.egov.projects.domain.project.BudgetLine;
import cn.egov.projects.domain.project.ChangeRequest;
import cn.egov.projects.domain.project.Contract;
import cn.egov.projects.domain.project.FundingOpinion;
import cn.egov.projects.domain.project.GovernmentApproval;
import cn.egov.projects.domain.project.ImplementationPlan;
import cn.egov.projects.domain.project.PlanInclusion;
import cn.egov.projects.domain.project.PreProcurementReview;
import cn.egov.projects.domain.project.ProgressReport;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.ReviewOpinion;
import cn.egov.projects.domain.project.SecurityReview;
import cn.egov.projects.domain.project.SelfInspection;
import cn.egov.projects.domain.project.SituationReport;
import cn.egov.projects.domain.project.Termination;
import cn.egov.projects.domain.project.UnitId;
import org.mapstruct.BeanMapping;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * The records of a project's life to and from their rows. Every component of a domain record must land in a
 * column: an unmapped source or target property fails the build ({@link ReportingPolicy#ERROR}); the lists inside
 * a record are stored in tables of their own and named explicitly where they are left out.
 */
@Mapper(unmappedTargetPolicy = ReportingPolicy.ERROR, unmappedSourcePolicy = ReportingPolicy.ERROR)
public interface ProjectRowMapper {

    ProjectRowMapper INSTANCE = Mappers.getMapper(ProjectRowMapper.class);

    // ---------------------------------------------------------------- to rows

    BudgetLineRow toRow(BudgetLine line, UUID projectId, int seq);

    @BeanMapping(ignoreUnmappedSourceProperties = "experts")
    @Mapping(target = "reviewedOn", source = "review.on")
    ReviewRow toRow(ReviewOpinion review, UUID projectId, int seq);

    @Mapping(target = "opinionOn", source = "opinion.on")
    @Mapping(target = "opinion", source = "opinion.opinion")
    FundingOpinionRow toRow(FundingOpinion opinion, UUID projectId);

    @Mapping(target = "approvedOn", source = "approval.on")
    ApprovalRow toRow(GovernmentApproval approval, UUID projectId);

    @Mapping(target = "includedOn", source = "plan.on")
    PlanInclusionRow toRow(PlanInclusion plan, UUID projectId);

    @BeanMapping(ignoreUnmappedSourceProperties = "scopeItems")
    ImplementationPlanRow toRow(ImplementationPlan plan, UUID projectId);

    @Mapping(target = "reviewedOn", source = "review.on")
    PreProcurementReviewRow toRow(PreProcurementReview review, UUID projectId, int seq);

    @Mapping(target = "contractNumber", source = "contract.number")
    ContractRow toRow(Contract contract, UUID projectId, int seq);

    @Mapping(target = "reportedOn", source = "report.on")
    ProgressReportRow toRow(ProgressReport report, UUID projectId, int seq);

    @BeanMapping(ignoreUnmappedSourceProperties = "newScopeItems")
    @Mapping(target = "id", source = "change.id")
    ChangeRequestRow toRow(ChangeRequest change, UUID projectId, int seq);

    @Mapping(target = "reportedOn", source = "report.on")
    SituationReportRow toRow(SituationReport report, UUID projectId, int seq);

    @Mapping(target = "reviewedOn", source = "review.on")
    SecurityReviewRow toRow(SecurityReview review, UUID projectId, int seq);

    @Mapping(target = "inspectedOn", source = "report.on")
    SelfInspectionRow toRow(SelfInspection report, UUID projectId);

    @BeanMapping(ignoreUnmappedSourceProperties = {"experts", "documents"})
    AcceptanceRow toRow(Acceptance acceptance, UUID projectId, int seq);

    @Mapping(target = "terminatedOn", source = "termination.on")
    TerminationRow toRow(Termination termination, UUID projectId);

    @BeanMapping(ignoreUnmappedSourceProperties = "open")
    @Mapping(target = "id", source = "deadline.id")
    @Mapping(target = "startDate", source = "deadline.start")
    @Mapping(target = "dueDate", source = "deadline.due")
    DeadlineRow toRow(Deadline deadline, UUID projectId, int seq);

    // ---------------------------------------------------------------- from rows

    @BeanMapping(ignoreUnmappedSourceProperties = {"projectId", "seq"})
    BudgetLine toBudgetLine(BudgetLineRow row);

    @BeanMapping(ignoreUnmappedSourceProperties = {"projectId", "seq"})
    @Mapping(target = "on", source = "row.reviewedOn")
    ReviewOpinion toReview(ReviewRow row, List<String> experts);

    @BeanMapping(ignoreUnmappedSourceProperties = "projectId")
    @Mapping(target = "on", source = "opinionOn")
    FundingOpinion toFundingOpinion(FundingOpinionRow row);

    @BeanMapping(ignoreUnmappedSourceProperties = "projectId")
    @Mapping(target = "on", source = "approvedOn")
    GovernmentApproval toApproval(ApprovalRow row);

    @BeanMapping(ignoreUnmappedSourceProperties = "projectId")
    @Mapping(target = "on", source = "includedOn")
    PlanInclusion toPlanInclusion(PlanInclusionRow row);

    @BeanMapping(ignoreUnmappedSourceProperties = "projectId")
    ImplementationPlan toImplementationPlan(ImplementationPlanRow row, List<String> scopeItems);

    @BeanMapping(ignoreUnmappedSourceProperties = {"projectId", "seq"})
    @Mapping(target = "on", source = "reviewedOn")
    PreProcurementReview toPreProcurementReview(PreProcurementReviewRow row);

    @BeanMapping(ignoreUnmappedSourceProperties = {"projectId", "seq"})
    @Mapping(target = "number", source = "contractNumber")
    @Mapping(target = "filed", ignore = true) // a wither (Contract#filed), not a component
    Contract toContract(ContractRow row);

    @BeanMapping(ignoreUnmappedSourceProperties = {"projectId", "seq"})
    @Mapping(target = "on", source = "reportedOn")
    ProgressReport toProgressReport(ProgressReportRow row);

    @BeanMapping(ignoreUnmappedSourceProperties = {"projectId", "seq"})
    ChangeRequest toChangeRequest(ChangeRequestRow row, List<String> newScopeItems);

    @BeanMapping(ignoreUnmappedSourceProperties = {"projectId", "seq"})
    @Mapping(target = "on", source = "reportedOn")
    SituationReport toSituationReport(SituationReportRow row);

    @BeanMapping(ignoreUnmappedSourceProperties = {"projectId", "seq"})
    @Mapping(target = "on", source = "reviewedOn")
    SecurityReview toSecurityReview(SecurityReviewRow row);

    @BeanMapping(ignoreUnmappedSourceProperties = "projectId")
    @Mapping(target = "on", source = "inspectedOn")
    SelfInspection toSelfInspection(SelfInspectionRow row);

    @BeanMapping(ignoreUnmappedSourceProperties = {"projectId", "seq"})
    Acceptance toAcceptance(AcceptanceRow row, List<String> experts, List<String> documents);

    @BeanMapping(ignoreUnmappedSourceProperties = "projectId")
    @Mapping(target = "on", source = "terminatedOn")
    Termination toTermination(TerminationRow row);

    @BeanMapping(ignoreUnmappedSourceProperties = {"projectId", "seq"})
    @Mapping(target = "start", source = "startDate")
    @Mapping(target = "due", source = "dueDate")
    @Mapping(target = "waived", ignore = true) // a wither (Deadline#waived), not a component
    Deadline toDeadline(DeadlineRow row);

    // ---------------------------------------------------------------- values

    default BigDecimal amount(Money money) {
        return money == null ? null : money.toBigDecimal();
    }

    default Money money(BigDecimal amount) {
        return amount == null ? null : Money.of(amount);
    }

    default UUID uuid(ProjectId id) {
        return id == null ? null : id.value();
    }

    default ProjectId projectId(UUID id) {
        return id == null ? null : new ProjectId(id);
    }

    default String code(UnitId unit) {
        return unit == null ? null : unit.code();
    }

    default UnitId unit(String code) {
        return code == null ? null : new UnitId(code);
    }
}
