/**
 * The delivery channels of reminders: e-mail over SMTP (Vert.x mail client), SMS over SMPP 3.4 (jsmpp) or an HTTP
 * template-SMS service, and log-only channels for development. A channel sends one prepared message or fails with
 * {@link cn.egov.projects.notify.channel.DeliveryException}; retries are the engine's business.
 */
package cn.egov.projects.notify.channel;
