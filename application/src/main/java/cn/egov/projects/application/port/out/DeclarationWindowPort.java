package cn.egov.projects.application.port.out;

import cn.egov.projects.domain.declaration.DeclarationWindow;

import java.util.Optional;

/** The declaration windows the Bureau opened, one per plan year (Art. 7). */
public interface DeclarationWindowPort {

    Optional<DeclarationWindow> find(int planYear);

    /** Stores the window of its plan year, replacing an earlier one of the same year. */
    void save(DeclarationWindow window);
}
