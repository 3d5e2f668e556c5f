/**
 * The runnable application: {@link cn.egov.projects.bootstrap.Main} reads the {@link cn.egov.projects.bootstrap.Settings}
 * (environment variables and command-line flags), wires every adapter to the use cases with {@code new} (no
 * container), serves the API until stopped, and runs the {@code create-admin} sub-command.
 */
package cn.egov.projects.bootstrap;
