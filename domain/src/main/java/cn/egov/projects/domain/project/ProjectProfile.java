package cn.egov.projects.domain.project;

import cn.egov.projects.domain.catalog.Category;
import cn.egov.projects.domain.catalog.FundingSource;
import cn.egov.projects.domain.catalog.Nature;
import cn.egov.projects.domain.catalog.ServiceKind;
import cn.egov.projects.domain.money.Money;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a unit declares (Art. 2, 7, 19): the project's description, its budget lines and its accountable people.
 * The people may be missing in a draft; a declaration without them is refused (Art. 19).
 *
 * @param scopeItems       the construction content (建设内容), item by item; an implementation plan must match it (Art. 13)
 * @param performanceGoals the performance goals (绩效目标) with their targets (Art. 4, 23); a declaration needs at least
 *                         one, each with its kind and target
 * @param supervisedProject for a professional service to another project (an evaluation, say): that project, or null.
 *                         A supervision service is never declared on its own (Art. 15); its drafts keep the field
 */
public record ProjectProfile(
        String name,
        int planYear,
        Category category,
        Nature nature,
        ServiceKind serviceKind,
        ProjectId supervisedProject,
        boolean softwareDevelopment,
        FundingSource funding,
        boolean classified,
        boolean usesCryptography,
        List<String> scopeItems,
        List<PerformanceGoal> performanceGoals,
        List<BudgetLine> budgetLines,
        AccountablePeople people) {

    public ProjectProfile {
        name = name == null ? "" : name.trim();
        if (name.isEmpty() || name.length() > 200) {
            throw new IllegalArgumentException("项目名称不能为空且不超过200字");
        }
        if (planYear < 2000 || planYear > 2100) {
            throw new IllegalArgumentException("计划年度不正确: " + planYear);
        }
        Objects.requireNonNull(category, "项目类别不能为空");
        Objects.requireNonNull(nature, "项目性质不能为空");
        Objects.requireNonNull(funding, "资金来源不能为空");
        if (nature == Nature.IT_SERVICE && serviceKind == null) {
            throw new IllegalArgumentException("信息技术专业服务项目须注明服务类型");
        }
        if (nature != Nature.IT_SERVICE && serviceKind != null) {
            throw new IllegalArgumentException("只有信息技术专业服务项目才有服务类型");
        }
        scopeItems = cleaned(scopeItems);
        performanceGoals = performanceGoals == null ? List.of()
                : performanceGoals.stream().filter(Objects::nonNull).toList();
        budgetLines = List.copyOf(budgetLines == null ? List.of() : budgetLines);
        if (budgetLines.isEmpty()) {
            throw new IllegalArgumentException("至少需要一条预算明细");
        }
        if (people != null && (people.leader() == null || people.responsible() == null)) {
            people = null;
        }
    }

    private static List<String> cleaned(List<String> items) {
        return items == null ? List.of() : items.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** The total investment: the sum of the budget lines. */
    public Money totalInvestment() {
        return budgetLines.stream().map(BudgetLine::amount).reduce(Money.ZERO, Money::plus);
    }

    /** Whether a supervision line with real money is in the budget (Art. 15): a line of 0.00 is no supervision. */
    public boolean budgetsSupervision() {
        return budgetLines.stream().anyMatch(BudgetLine::isFundedSupervision);
    }

    /** The declared goal of this indicator, if any. */
    public Optional<PerformanceGoal> goal(String indicator) {
        return performanceGoals.stream().filter(g -> g.indicator().equals(indicator)).findFirst();
    }

    public boolean isSupervisionService() {
        return nature == Nature.IT_SERVICE && serviceKind == ServiceKind.SUPERVISION;
    }
}
