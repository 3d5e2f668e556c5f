/**
 * The expert pool (专家库) and the Bureau's random draws of review experts with avoidance (回避) (Art. 8), and of
 * acceptance experts where the pack says the unit draws them (Art. 24): the experts with their fields, employers and
 * declared relations; the avoidance rules; the replayable draw; the panel's declarations, opinions and scores.
 */
package cn.egov.projects.domain.expert;
