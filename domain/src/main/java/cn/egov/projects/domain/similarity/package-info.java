/**
 * Similarity of short Chinese texts by content (character bigrams weighted by TF-IDF, compared by cosine), with the
 * phrases that matched: pure computation, no project knowledge.
 */
package cn.egov.projects.domain.similarity;
