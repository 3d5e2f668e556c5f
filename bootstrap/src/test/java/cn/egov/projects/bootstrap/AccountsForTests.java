package cn.egov.projects.bootstrap;

import cn.egov.projects.application.account.AccountService;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.CreateAccountCommand;
import cn.egov.projects.domain.access.Actor;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Accounts ready to use, as the tests need them: an administrator creates the account with a first password of
 * theirs (which the password policy makes its owner change at the first sign-in), and the owner then changes it to
 * the password the test signs in with — once, as a real person would, through the use case or the API.
 */
final class AccountsForTests {

    /** The first password an administrator gives every test account (meets the password policy). */
    static final String INITIAL = "Initial-Pass-2024";

    private AccountsForTests() {
    }

    /**
     * Creates the account (by {@code creator}; null: from the command line, whose password needs no change) and
     * makes the command's password its own; returns the user id.
     */
    static String ready(AccountService accounts, Caller creator, CreateAccountCommand command) {
        if (creator == null) {
            return accounts.createAccount(null, command);
        }
        String userId = accounts.createAccount(creator, new CreateAccountCommand(command.username(),
                command.displayName(), command.role(), command.unit(), command.mobile(), command.email(),
                INITIAL.toCharArray()));
        Actor owner = accounts.authenticate(command.username(), INITIAL.toCharArray()).orElseThrow();
        accounts.changeOwnPassword(new Caller(owner, "test-setup", "-"), INITIAL.toCharArray(), command.password());
        return userId;
    }

    /** An HTTP Basic {@code Authorization} header. */
    static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Over the API (each password check costs a deliberately slow hash; a loaded machine takes its time): the owner of an account an administrator created with {@link #INITIAL} changes it to
     * {@code password} with HTTP Basic ({@code PUT /api/me/password}); fails unless it is changed.
     */
    static void changeOverHttp(int port, String username, String password) throws Exception {
        HttpResponse<String> changed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/me/password"))
                .timeout(Duration.ofSeconds(180))
                .header("Authorization", basic(username, INITIAL))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"currentPassword\": \"" + INITIAL
                        + "\", \"newPassword\": \"" + password + "\"}", StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (changed.statusCode() != 200) {
            throw new AssertionError("password of " + username + " not changed: " + changed.statusCode() + " "
                    + changed.body());
        }
    }
}
