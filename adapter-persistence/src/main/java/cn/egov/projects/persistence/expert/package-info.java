/** The expert pool and the recorded draws of experts (db/migration/common/V23): rows with JSON documents. */
package cn.egov.projects.persistence.expert;
