package cn.egov.projects.notify.channel;

import java.util.Objects;

/** One e-mail to one person: subject, plain-text body and the same as HTML. */
public record OutgoingEmail(String to, String subject, String text, String html) {

    public OutgoingEmail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
    }
}
