/**
 * Encryption of personal data at rest (SM4-GCM, GB/T 32907 with GCM, keys in a file outside the database) and the
 * SM3 digests (GB/T 32905) of uploaded documents.
 */
package cn.egov.projects.persistence.crypto;
