package cn.egov.projects.domain.project;

import cn.egov.projects.domain.money.Money;

import java.time.LocalDate;

/** The municipal government's decision (市政府审定, Art. 8; or its consent to an addition, Art. 10). */
public record GovernmentApproval(LocalDate on, Money approvedBudget, String reference) {
}
