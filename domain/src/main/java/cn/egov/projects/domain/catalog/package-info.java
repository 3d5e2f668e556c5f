/** The classifications the measures give a project: category, nature, service kind and funding source (Art. 2, 11). */
package cn.egov.projects.domain.catalog;
