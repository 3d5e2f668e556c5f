package cn.egov.projects.domain.project;

import cn.egov.projects.domain.money.Money;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A change of goals or content (Art. 18). Before tender it waits for the Bureau's decision; after tender it is
 * recorded as handled under the Government Procurement Law.
 *
 * @param newScopeItems the content after the change (empty: content unchanged)
 * @param newBudget     the budget after the change, or null when unchanged; never more than the approved budget
 */
public record ChangeRequest(UUID id, LocalDate requestedOn, String description, List<String> newScopeItems,
                            Money newBudget, Status status, LocalDate decidedOn, String decision) {

    /** Where a change request stands. */
    public enum Status {
        PENDING("待审批"), APPROVED("已同意"), REFUSED("不同意"), UNDER_PROCUREMENT_LAW("按政府采购法办理");

        private final String zh;

        Status(String zh) {
            this.zh = zh;
        }

        public String zh() {
            return zh;
        }
    }

    public ChangeRequest {
        newScopeItems = List.copyOf(newScopeItems);
    }

    public ChangeRequest decided(boolean approved, LocalDate on, String opinion) {
        return new ChangeRequest(id, requestedOn, description, newScopeItems, newBudget,
                approved ? Status.APPROVED : Status.REFUSED, on, opinion);
    }
}
