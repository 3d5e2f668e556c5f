package cn.egov.projects.notify.channel;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * E-mail over SMTP with the Vert.x mail client: pooled, kept-alive connections; plain text and HTML alternatives in
 * UTF-8. {@link #send} blocks the calling (scheduler) thread until the server accepted the message or failed.
 */
public final class VertxMailSender implements EmailSender {

    private final MailSettings settings;
    private final Vertx vertx;
    private final MailClient client;

    public VertxMailSender(MailSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(2));
        MailConfig config = new MailConfig()
                .setHostname(settings.host())
                .setPort(settings.port())
                .setMaxPoolSize(settings.maxConnections())
                .setKeepAlive(true)
                .setConnectTimeout((int) settings.timeout().toMillis())
                .setOwnHostname("egov-projects");
        switch (settings.security()) {
            case NONE -> config.setStarttls(StartTLSOptions.DISABLED);
            case STARTTLS -> config.setStarttls(StartTLSOptions.REQUIRED);
            case TLS -> config.setStarttls(StartTLSOptions.DISABLED).setSsl(true);
            default -> throw new IllegalStateException(settings.security().name());
        }
        if (settings.username() != null) {
            config.setLogin(LoginOption.REQUIRED).setUsername(settings.username()).setPassword(settings.password());
        } else {
            config.setLogin(LoginOption.DISABLED);
        }
        this.client = MailClient.create(vertx, config);
    }

    @Override
    public void send(OutgoingEmail email) {
        MailMessage message = new MailMessage()
                .setFrom(settings.from())
                .setTo(List.of(email.to()))
                .setSubject(email.subject())
                .setText(email.text())
                .setHtml(email.html());
        try {
            client.sendMail(message).toCompletionStage().toCompletableFuture()
                    .get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted while sending e-mail", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new DeliveryException("SMTP " + settings.host() + ":" + settings.port() + " refused: "
                    + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new DeliveryException("SMTP " + settings.host() + ":" + settings.port() + " timed out", e);
        } catch (RuntimeException e) {
            throw new DeliveryException("e-mail not sent: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            client.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // closing on shutdown: nothing more to do
        }
    }
}
