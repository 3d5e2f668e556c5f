package cn.egov.projects.application.port.out;

import java.time.Instant;
import java.util.Map;

/** The security settings, stored by name ({@code security_policy}), shared by every instance. */
public interface SecurityPolicyPort {

    /** Every stored setting by name. */
    Map<String, String> settings();

    /** Stores a setting's value. */
    void put(String name, String value, Instant at, String by);
}
