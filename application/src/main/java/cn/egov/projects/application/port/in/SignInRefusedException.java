package cn.egov.projects.application.port.in;

import java.util.Objects;

/**
 * A password check refused by the sign-in policy before the password was looked at: the username is locked after too
 * many failures ({@link SignInUseCase.Locked}) or too many attempts came too fast ({@link SignInUseCase.Throttled}).
 * The web answers it as it answers the same refusal at the sign-in form (429 with {@code Retry-After}). Nothing was
 * changed.
 */
public final class SignInRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient SignInUseCase.Result result;

    public SignInRefusedException(SignInUseCase.Result result) {
        super("refused by the sign-in policy: " + Objects.requireNonNull(result, "result").getClass().getSimpleName());
        if (!(result instanceof SignInUseCase.Locked) && !(result instanceof SignInUseCase.Throttled)) {
            throw new IllegalArgumentException("not a refusal by the limits: " + result);
        }
        this.result = result;
    }

    /** The lock or the rate limit that refused the check. */
    public SignInUseCase.Result result() {
        return result;
    }
}
