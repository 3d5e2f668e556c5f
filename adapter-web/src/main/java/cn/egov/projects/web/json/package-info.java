/**
 * JSON by hand: typed reading of request fields (failing with the field at fault in Chinese and English) and the
 * JSON views of projects, lists, deadlines and calculations.
 */
package cn.egov.projects.web.json;
