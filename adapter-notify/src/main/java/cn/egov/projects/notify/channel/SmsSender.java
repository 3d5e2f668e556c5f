package cn.egov.projects.notify.channel;

/** Sends SMS; blocks until the peer accepted every part of the message or failed. */
public interface SmsSender extends AutoCloseable {

    /** @throws DeliveryException when the message was not accepted */
    void send(OutgoingSms sms);

    @Override
    default void close() {
    }
}
