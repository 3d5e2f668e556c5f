package cn.egov.projects.notify.channel;

import java.util.Map;
import java.util.Objects;

/**
 * One SMS to one mobile number: the full text (what an SMS centre receives, split if long) and the same content as
 * named template parameters (what a template-SMS service receives).
 */
public record OutgoingSms(String mobile, String text, Map<String, String> templateParams) {

    public OutgoingSms {
        Objects.requireNonNull(mobile, "mobile");
        Objects.requireNonNull(text, "text");
        templateParams = Map.copyOf(templateParams);
    }
}
