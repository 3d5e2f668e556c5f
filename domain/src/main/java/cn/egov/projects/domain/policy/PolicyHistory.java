package cn.egov.projects.domain.policy;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The packs of one municipality over time. A project is judged by the pack in force on the day it was declared
 * (Art. 28: the measures apply from their issue date), and keeps that pack's id for the rest of its life.
 */
public final class PolicyHistory {

    private final List<PolicyPack> packs;

    public PolicyHistory(List<PolicyPack> packs) {
        if (packs.isEmpty()) {
            throw new IllegalArgumentException("a policy history needs at least one pack");
        }
        this.packs = packs.stream().sorted(Comparator.comparing(PolicyPack::effectiveFrom)).toList();
        long ids = this.packs.stream().map(PolicyPack::id).distinct().count();
        if (ids != this.packs.size()) {
            throw new IllegalArgumentException("two packs share one id");
        }
    }

    public static PolicyHistory of(PolicyPack pack) {
        return new PolicyHistory(List.of(pack));
    }

    /** The pack in force on a day; before the first pack took effect, the first pack. */
    public PolicyPack inForceOn(LocalDate day) {
        PolicyPack chosen = packs.get(0);
        for (PolicyPack p : packs) {
            if (!p.effectiveFrom().isAfter(day)) {
                chosen = p;
            }
        }
        return chosen;
    }

    public Optional<PolicyPack> byId(String id) {
        return packs.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The pack a project was judged by, or the one in force now when its id is unknown (a retired pack). */
    public PolicyPack forProject(String policyId, LocalDate today) {
        return byId(policyId).orElseGet(() -> inForceOn(today));
    }

    public List<PolicyPack> packs() {
        return packs;
    }
}
