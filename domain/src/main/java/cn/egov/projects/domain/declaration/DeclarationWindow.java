package cn.egov.projects.domain.declaration;

import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.rule.Outcome;
import cn.egov.projects.domain.rule.Provision;
import cn.egov.projects.domain.rule.RuleCode;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The yearly declaration window (Art. 7): opened by the Bureau in the third quarter (the pack's months) of the
 * year before the plan year; normal declarations for that plan year are accepted only while it is open.
 *
 * @param closesOn the last day declarations are accepted (inclusive)
 */
public record DeclarationWindow(int planYear, LocalDate opensOn, LocalDate closesOn) {

    public DeclarationWindow {
        Objects.requireNonNull(opensOn, "opensOn");
        Objects.requireNonNull(closesOn, "closesOn");
        if (closesOn.isBefore(opensOn)) {
            throw new IllegalArgumentException("申报截止日期不能早于开始日期");
        }
    }

    public boolean isOpenOn(LocalDate day) {
        return !day.isBefore(opensOn) && !day.isAfter(closesOn);
    }

    /** Whether a window may be opened so (Art. 7): in the pack's months of the year before the plan year. */
    public Outcome checkAgainst(PolicyPack pack) {
        if (opensOn.getYear() != planYear - 1 || !pack.windowOpenMonths().contains(opensOn.getMonth())) {
            return Outcome.refused(pack.violation(RuleCode.ART7_WINDOW_CLOSED,
                    "计划年度" + planYear + "的集中申报应在" + (planYear - 1) + "年" + monthsZh(pack) + "启动"));
        }
        if (closesOn.getYear() > planYear - 1) {
            return Outcome.refused(pack.violation(RuleCode.ART7_WINDOW_CLOSED,
                    "申报期应在" + (planYear - 1) + "年内截止"));
        }
        return Outcome.allowed();
    }

    /**
     * Whether the Bureau may open (or re-set) the window so today (Art. 7, 10): besides {@link #checkAgainst}, a window
     * is never backdated — a start or close day before today would let in declarations made outside any open window.
     * Days already in force in the window as saved ({@code existing}) may stay as they are.
     */
    public Outcome checkOpening(PolicyPack pack, LocalDate today, Optional<DeclarationWindow> existing) {
        Outcome rule = checkAgainst(pack);
        if (rule.isRefused()) {
            return rule;
        }
        Optional<DeclarationWindow> saved = existing.filter(w -> w.planYear() == planYear);
        if (opensOn.isBefore(today) && saved.map(w -> !w.opensOn().equals(opensOn)).orElse(true)) {
            return Outcome.refused(pack.violation(RuleCode.ART7_WINDOW_CLOSED, "申报开始日期" + opensOn + "早于今天（"
                    + today + "），申报期不能倒签；集中申报期外确需当年实施的项目按" + pack.articleZh(Provision.SUPPLEMENTARY) + "追加申报"));
        }
        if (closesOn.isBefore(today) && saved.map(w -> !w.closesOn().equals(closesOn)).orElse(true)) {
            return Outcome.refused(pack.violation(RuleCode.ART7_WINDOW_CLOSED, "申报截止日期" + closesOn + "早于今天（"
                    + today + "），不能设置已过去的申报期"));
        }
        return Outcome.allowed();
    }

    private static String monthsZh(PolicyPack pack) {
        StringBuilder b = new StringBuilder();
        pack.windowOpenMonths().stream().sorted().forEach(m -> {
            if (b.length() > 0) {
                b.append("、");
            }
            b.append(m.getValue()).append("月");
        });
        return b.toString();
    }
}
