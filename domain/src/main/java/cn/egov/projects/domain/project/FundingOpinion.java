package cn.egov.projects.domain.project;

import cn.egov.projects.domain.money.Money;

import java.time.LocalDate;

/** Finance's funding opinion (资金安排意见, Art. 8). */
public record FundingOpinion(LocalDate on, Money amount, String opinion) {
}
