package cn.egov.projects.notify.channel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The development SMS channel: logs that a message would go out, with its number and part count only. */
public final class LogSmsSender implements SmsSender {

    private static final Logger LOG = LoggerFactory.getLogger(LogSmsSender.class);

    @Override
    public void send(OutgoingSms sms) {
        LOG.info("SMS (log channel) to {}: {} characters in {} part(s)", cn.egov.projects.application.view.Masks.mobile(sms.mobile()),
                sms.text().length(),
                SmsText.parts(sms.text()).size());
    }
}
