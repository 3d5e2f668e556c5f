package cn.egov.projects.application.port.out;

import cn.egov.projects.domain.policy.PolicyHistory;
import cn.egov.projects.domain.policy.PolicyPack;

/** The municipality's policy packs over time (Taicang's by default). */
public interface PolicyPort {

    PolicyHistory policies();

    /** One pack, in force at every date (tools and tests that judge by a single pack). */
    static PolicyPort of(PolicyPack pack) {
        PolicyHistory history = PolicyHistory.of(pack);
        return () -> history;
    }
}
