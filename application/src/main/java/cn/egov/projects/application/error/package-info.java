/**
 * The ways a use case can fail, each a specific exception the adapters map to an answer: malformed input,
 * a refusal by the measures, an action outside one's role, an object outside one's scope, a concurrent change.
 */
package cn.egov.projects.application.error;
