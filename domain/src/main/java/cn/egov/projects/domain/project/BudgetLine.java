package cn.egov.projects.domain.project;

import cn.egov.projects.domain.catalog.PurchaseKind;
import cn.egov.projects.domain.money.Money;

import java.util.Objects;

/**
 * One line of a project's budget. {@code supervision} marks the supervision (监理) cost that Art. 15 requires to
 * be budgeted inside the project; {@code kind} says what the line buys (Art. 2), or is null where the unit did not
 * say (lines declared before kinds were asked for), and the line's words alone then decide.
 */
public record BudgetLine(String item, Money amount, boolean supervision, PurchaseKind kind) {

    public BudgetLine {
        item = item == null ? "" : item.trim();
        if (item.isEmpty() || item.length() > 200) {
            throw new IllegalArgumentException("预算明细名称不能为空且不超过200字");
        }
        Objects.requireNonNull(amount, "预算金额不能为空");
    }

    /** A line whose kind is not stated. */
    public BudgetLine(String item, Money amount, boolean supervision) {
        this(item, amount, supervision, null);
    }

    /** Whether the line is a supervision cost with real money in it (Art. 15). */
    public boolean isFundedSupervision() {
        return supervision && amount.exceeds(Money.ZERO);
    }
}
