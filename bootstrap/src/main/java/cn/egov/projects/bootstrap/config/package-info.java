/**
 * Configuration kept as files an operator edits: policy packs (JSON) and extra calendar years (text), read by the
 * bootstrap at start-up.
 */
package cn.egov.projects.bootstrap.config;
