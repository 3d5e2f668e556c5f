package cn.egov.projects.notify.channel;

/** Sends e-mail; blocks until the peer accepted the message or failed. */
public interface EmailSender extends AutoCloseable {

    /** @throws DeliveryException when the message was not accepted */
    void send(OutgoingEmail email);

    @Override
    default void close() {
    }
}
