package cn.egov.projects.persistence;

import cn.egov.projects.application.port.out.Account;
import cn.egov.projects.application.error.ConcurrentChangeException;
import cn.egov.projects.application.port.out.AccountPort;
import cn.egov.projects.application.port.out.ProjectAssignmentPort;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.persistence.account.AccountDao;
import cn.egov.projects.persistence.account.AccountMapper;
import cn.egov.projects.persistence.account.AccountRow;
import cn.egov.projects.persistence.account.AssignedProjectRow;
import cn.egov.projects.persistence.crypto.FieldCipher;
import cn.egov.projects.persistence.mybatis.Sessions;
import cn.egov.projects.persistence.mybatis.SqlErrors;
import org.apache.ibatis.exceptions.PersistenceException;

import cn.egov.projects.domain.access.AssignmentPurpose;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.project.UnitId;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Accounts in the {@code account} table with their assigned projects in {@code account_project}, each with what it
 * is assigned for ({@link AccountPort}, {@link ProjectAssignmentPort}). A username or user id already taken is refused by the
 * database's unique keys and reported as {@link IllegalStateException}; the same person named to the same project by
 * two people at once is reported to the later one as {@link ConcurrentChangeException}.
 */
public final class AccountAdapter implements AccountPort, ProjectAssignmentPort {

    /** The account's contacts, each encrypted ({@link FieldCipher}) with the user id as its row key. */
    public static final FieldCipher.Field MOBILE = cn.egov.projects.persistence.crypto.PersonalFields.ACCOUNT_MOBILE;
    public static final FieldCipher.Field EMAIL = cn.egov.projects.persistence.crypto.PersonalFields.ACCOUNT_EMAIL;

    private final Sessions sessions;
    private final FieldCipher cipher;

    AccountAdapter(Sessions sessions, FieldCipher cipher) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    /** The row as stored: the contacts encrypted. */
    private AccountRow sealed(AccountRow r) {
        return new AccountRow(r.userId(), r.username(), r.displayName(), r.role(), r.unit(),
                cipher.encrypt(MOBILE, r.userId(), r.mobile()), cipher.encrypt(EMAIL, r.userId(), r.email()),
                r.passwordHash(), r.enabled());
    }

    /** The row as read, the contacts decrypted. */
    private AccountRow opened(AccountRow r) {
        return new AccountRow(r.userId(), r.username(), r.displayName(), r.role(), r.unit(),
                cipher.decrypt(MOBILE, r.userId(), r.mobile()), cipher.decrypt(EMAIL, r.userId(), r.email()),
                r.passwordHash(), r.enabled());
    }

    @Override
    public Optional<Account> findByUsername(String username) {
        Objects.requireNonNull(username, "username");
        return sessions.call(s -> {
            AccountDao dao = s.getMapper(AccountDao.class);
            return withAssigned(dao, dao.findByUsername(username));
        });
    }

    @Override
    public Optional<Account> findById(String userId) {
        Objects.requireNonNull(userId, "userId");
        return sessions.call(s -> {
            AccountDao dao = s.getMapper(AccountDao.class);
            return withAssigned(dao, dao.findById(userId));
        });
    }

    private Optional<Account> withAssigned(AccountDao dao, AccountRow row) {
        if (row == null) {
            return Optional.empty();
        }
        var assigned = dao.findAssigned(row.userId()).stream()
                .map(a -> new ProjectId(a.projectId()))
                .collect(Collectors.toSet());
        return Optional.of(AccountMapper.INSTANCE.toAccount(opened(row), assigned));
    }

    @Override
    public List<Assignment> assignedTo(ProjectId project) {
        Objects.requireNonNull(project, "project");
        return sessions.call(s -> {
            AccountDao dao = s.getMapper(AccountDao.class);
            Map<String, AssignmentPurpose> purposes = dao.findAssignmentsOf(project.value()).stream()
                    .collect(Collectors.toMap(AssignedProjectRow::userId, AssignedProjectRow::purpose));
            return withAssigned(dao, dao.findAssignedTo(project.value())).stream()
                    .filter(a -> purposes.containsKey(a.userId()))
                    .map(a -> new Assignment(a, purposes.get(a.userId()))).toList();
        });
    }

    @Override
    public boolean assign(String userId, ProjectId project, AssignmentPurpose purpose) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(purpose, "purpose");
        try {
            return sessions.call(s -> {
                AccountDao dao = s.getMapper(AccountDao.class);
                if (dao.isAssigned(userId, project.value())) {
                    return false;
                }
                dao.insertAssigned(List.of(new AssignedProjectRow(userId, project.value(), purpose)));
                return true;
            });
        } catch (PersistenceException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new ConcurrentChangeException(userId + " was named to project " + project + " at the same time");
            }
            throw e;
        }
    }

    @Override
    public boolean unassign(String userId, ProjectId project) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(project, "project");
        return sessions.call(s -> s.getMapper(AccountDao.class).deleteAssigned(userId, project.value()) > 0);
    }

    @Override
    public void insert(Account account) {
        Objects.requireNonNull(account, "account");
        AccountRow row = sealed(AccountMapper.INSTANCE.toRow(account));
        // an account made with projects already named to it (a seed) is named as the Bureau names: an expert for
        // review, anyone else into the scope of a classified project
        AssignmentPurpose purpose = account.role() == Role.EXPERT ? AssignmentPurpose.REVIEW : AssignmentPurpose.SCOPE;
        List<AssignedProjectRow> assigned = account.assigned().stream()
                .map(p -> new AssignedProjectRow(account.userId(), p.value(), purpose))
                .toList();
        try {
            sessions.call(s -> {
                AccountDao dao = s.getMapper(AccountDao.class);
                dao.insert(row);
                if (!assigned.isEmpty()) {
                    dao.insertAssigned(assigned);
                }
                return null;
            });
        } catch (PersistenceException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new IllegalStateException("username " + account.username() + " or user id " + account.userId()
                        + " is already taken", e);
            }
            throw e;
        }
    }

    @Override
    public long count() {
        return sessions.call(s -> s.getMapper(AccountDao.class).count());
    }

    @Override
    public List<Account> findEnabledByRole(Role role, Optional<UnitId> unit) {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(unit, "unit");
        return sessions.call(s -> {
            AccountDao dao = s.getMapper(AccountDao.class);
            return withAssigned(dao, dao.findEnabledByRole(role.name(), unit.map(UnitId::code).orElse(null)));
        });
    }

    /** Accounts with their assigned projects, read for all of them at once. */
    private List<Account> withAssigned(AccountDao dao, List<AccountRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, Set<ProjectId>> assigned = dao.findAssignedOf(rows.stream().map(AccountRow::userId).toList())
                .stream().collect(Collectors.groupingBy(AssignedProjectRow::userId,
                        Collectors.mapping(a -> new ProjectId(a.projectId()), Collectors.toSet())));
        return rows.stream()
                .map(r -> AccountMapper.INSTANCE.toAccount(opened(r), assigned.getOrDefault(r.userId(), Set.of())))
                .toList();
    }
}
