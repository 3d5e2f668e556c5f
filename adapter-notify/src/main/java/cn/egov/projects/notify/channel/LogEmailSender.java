package cn.egov.projects.notify.channel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The development e-mail channel: logs that a message would go out, with its recipient and size only — never its
 * subject or body, which may name a project (Art. 27 keeps classified content out of logs).
 */
public final class LogEmailSender implements EmailSender {

    private static final Logger LOG = LoggerFactory.getLogger(LogEmailSender.class);

    @Override
    public void send(OutgoingEmail email) {
        LOG.info("e-mail (log channel) to {}: {} characters", cn.egov.projects.application.view.Masks.email(email.to()),
                email.text().length());
    }
}
