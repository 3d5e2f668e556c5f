/** Exact money: yuan with two decimals, never floating point. */
package cn.egov.projects.domain.money;
