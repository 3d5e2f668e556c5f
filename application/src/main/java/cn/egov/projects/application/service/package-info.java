/**
 * The use cases' implementations: each action runs in one transaction — load, decide access, let the domain
 * decide, save, audit, plan reminders — and a refusal leaves no trace.
 */
package cn.egov.projects.application.service;
