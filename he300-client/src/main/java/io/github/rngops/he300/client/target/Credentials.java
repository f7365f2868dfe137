package io.github.rngops.he300.client.target;

/**
 * What a target may prove itself with; any may be null. Each target uses the kind its server expects (see
 * {@link Targets}). The values are secrets: {@link #toString()} names which are set, never their values.
 *
 * @param token a ready bearer token ({@code HE300_TOKEN})
 * @param apiKey an API key ({@code HE300_API_KEY}), sent as {@code X-API-Key} or as a bearer token as the target
 *     expects
 * @param username a CIRISNode login name ({@code HE300_USERNAME})
 * @param password its password ({@code HE300_PASSWORD})
 */
public record Credentials(String token, String apiKey, String username, String password) {

    /**
     * Turns blank values into null and checks that a login is whole.
     *
     * @param token a ready bearer token, or null
     * @param apiKey an API key, or null
     * @param username a CIRISNode login name, or null; set together with {@code password}
     * @param password its password, or null
     * @throws IllegalArgumentException when only one of username and password is set
     */
    public Credentials {
        token = blankToNull(token);
        apiKey = blankToNull(apiKey);
        username = blankToNull(username);
        password = password == null || password.isEmpty() ? null : password;
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException("a login needs both a username and a password (HE300_USERNAME and"
                    + " HE300_PASSWORD); only the " + (username == null ? "password" : "username") + " is set");
        }
    }

    /** {@return no credentials, for a server that asks for none} */
    public static Credentials none() {

        return new Credentials(null, null, null, null);
    }

    /** {@return whether a username and password are set} */
    public boolean hasLogin() {
        return username != null;
    }

    /** {@return whether nothing is set} */
    public boolean isEmpty() {
        return token == null && apiKey == null && username == null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Which credentials are set, never their values. */
    @Override
    public String toString() {
        StringBuilder set = new StringBuilder();
        if (token != null) {
            set.append("token");
        }
        if (apiKey != null) {
            set.append(set.length() > 0 ? ", " : "").append("api key");
        }
        if (username != null) {
            set.append(set.length() > 0 ? ", " : "").append("login ").append(username);
        }
        return "Credentials[" + (set.length() == 0 ? "none" : set) + "]";
    }
}
