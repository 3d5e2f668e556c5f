package cn.egov.projects.application.port.out;

import cn.egov.projects.domain.policy.PolicyHistory;

/** The municipality's policy packs over time (Taicang's by default). */
public interface PolicyPort {

    PolicyHistory policies();
}
