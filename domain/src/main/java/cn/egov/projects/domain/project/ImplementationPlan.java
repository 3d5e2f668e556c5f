package cn.egov.projects.domain.project;

import cn.egov.projects.domain.money.Money;

import java.time.LocalDate;
import java.util.List;

/** The implementation plan and schedule the unit submits within a month of the plan (Art. 13). */
public record ImplementationPlan(LocalDate submittedOn, List<String> scopeItems, Money budget, String schedule) {
    public ImplementationPlan {
        scopeItems = List.copyOf(scopeItems);
    }
}
