package cn.egov.projects.application.port.out;

import cn.egov.projects.domain.expert.Expert;

import java.util.List;
import java.util.Optional;

/** The expert pool (专家库) the Bureau keeps. */
public interface ExpertPoolPort {

    /** Every expert, active or not, by id. */
    List<Expert> all();

    Optional<Expert> find(String id);

    Optional<Expert> findByUser(String userId);

    /** @throws IllegalStateException when the id or the account is already in the pool */
    void insert(Expert expert);

    /** @return false when no expert has the id */
    boolean update(Expert expert);
}
