package cn.egov.projects.application.port.out;

import cn.egov.projects.application.view.DeliveryPreferences;

import java.time.Instant;

/** Each person's channels and quiet hours for reminders, kept per account. */
public interface DeliveryPreferencesPort {

    /** The person's preferences, {@link DeliveryPreferences#DEFAULT} when they chose none. */
    DeliveryPreferences preferences(String userId);

    void savePreferences(String userId, DeliveryPreferences preferences, Instant at);
}
