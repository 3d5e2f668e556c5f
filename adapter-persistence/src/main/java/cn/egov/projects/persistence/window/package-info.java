/** How declaration windows are stored: one {@code declaration_window} row per plan year. */
package cn.egov.projects.persistence.window;
