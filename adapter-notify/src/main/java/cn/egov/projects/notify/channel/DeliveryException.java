package cn.egov.projects.notify.channel;

/** A message was not delivered to the channel's peer (connection refused, rejected, timed out …). */
public final class DeliveryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DeliveryException(String message) {
        super(message);
    }

    public DeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
