package cn.egov.projects.domain.project;

import cn.egov.projects.domain.money.Money;

import java.util.Objects;

/**
 * One line of a project's budget. {@code supervision} marks the supervision (监理) cost that Art. 15 requires to
 * be budgeted inside the project.
 */
public record BudgetLine(String item, Money amount, boolean supervision) {

    public BudgetLine {
        item = item == null ? "" : item.trim();
        if (item.isEmpty() || item.length() > 200) {
            throw new IllegalArgumentException("预算明细名称不能为空且不超过200字");
        }
        Objects.requireNonNull(amount, "预算金额不能为空");
    }
}
