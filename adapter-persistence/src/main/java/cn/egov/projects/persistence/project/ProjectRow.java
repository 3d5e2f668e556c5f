package cn.egov.projects.persistence.project;

import cn.egov.projects.domain.catalog.Category;
import cn.egov.projects.domain.catalog.FundingSource;
import cn.egov.projects.domain.catalog.Nature;
import cn.egov.projects.domain.catalog.ServiceKind;
import cn.egov.projects.domain.project.ProjectState;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The {@code project} row: the profile's scalars (which lists filter and sort on) and the lifecycle's, and
 * {@code childParts}, the bits of the child tables that hold rows of the project (see {@link ChildRows#partsOf}).
 */
public record ProjectRow(
        UUID id,
        String unit,
        String policyId,
        long version,
        String name,
        int planYear,
        Category category,
        Nature nature,
        ServiceKind serviceKind,
        UUID supervisedProject,
        boolean softwareDevelopment,
        FundingSource fundingSource,
        boolean classified,
        boolean usesCryptography,
        BigDecimal totalInvestment,
        ProjectState state,
        ProjectState suspendedFrom,
        LocalDate createdOn,
        LocalDate declaredOn,
        boolean supplementary,
        String supplementaryRequirement,
        String supplementaryFeasibilityStudy,
        LocalDate higherLevelReportedOn,
        String noProcurementReason,
        LocalDate substantiveStartOn,
        LocalDate trialStartOn,
        LocalDate operatingFrom,
        LocalDate acceptanceReportOn,
        LocalDate finalAccountsOn,
        BigDecimal finalAccountsAmount,
        String maintenanceArrangement,
        int childParts) {
}
