package io.github.rngops.he300.provision.config;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * The secrets of the stack: the key under {@code security:}, the {@code .env} variable the compose files
 * reference, and whether it is a database role's password (a rotation must then change the role too).
 */
public enum StackSecret {
    /** {@code api_key}, {@code HE300_API_KEY}: the key clients send. */
    API_KEY("api_key", "HE300_API_KEY", null, Security::apiKey),
    /** {@code jwt_secret}, {@code HE300_JWT_SECRET}: signs CIRISNode's tokens. */
    JWT_SECRET("jwt_secret", "HE300_JWT_SECRET", null, Security::jwtSecret),
    /** {@code postgres_password}: the {@code postgres} superuser's password. */
    POSTGRES_PASSWORD("postgres_password", "POSTGRES_PASSWORD", "postgres", Security::postgresPassword),
    /** {@code cirisnode_db_password}: the {@code cirisnode} role's password. */
    CIRISNODE_DB_PASSWORD("cirisnode_db_password", "CIRISNODE_DB_PASSWORD", "cirisnode",
            Security::cirisnodeDbPassword),
    /** {@code ethicsengine_db_password}: the {@code ethicsengine} role's password. */
    ETHICSENGINE_DB_PASSWORD("ethicsengine_db_password", "ETHICSENGINE_DB_PASSWORD", "ethicsengine",
            Security::ethicsengineDbPassword),
    /** {@code cipher_secret_key}: CIRISNode's Fernet key for the data it stores encrypted. */
    CIPHER_SECRET_KEY("cipher_secret_key", "CIPHER_SECRET_KEY", null, Security::cipherSecretKey),
    /** {@code grafana_admin_password}: Grafana's {@code admin} password. */
    GRAFANA_ADMIN_PASSWORD("grafana_admin_password", "GRAFANA_ADMIN_PASSWORD", null,
            Security::grafanaAdminPassword);

    private final String key;
    private final String variable;
    private final String role;
    private final Function<Security, Secret> read;

    StackSecret(String key, String variable, String role, Function<Security, Secret> read) {
        this.key = key;
        this.variable = variable;
        this.role = role;
        this.read = read;
    }

    /** {@return the key under {@code security:} ({@code api_key})} */
    public String key() {
        return key;
    }

    /** {@return the {@code .env} variable ({@code HE300_API_KEY})} */
    public String variable() {
        return variable;
    }

    /** {@return the PostgreSQL role whose password this is, if it is one} */
    public Optional<String> role() {
        return Optional.ofNullable(role);
    }

    /**
     * {@return this secret's value in {@code security}}
     *
     * @param security the stack's secrets
     */
    public Secret of(Security security) {
        return read.apply(security);
    }

    /**
     * {@return a new value in the form this secret needs: a Fernet key ({@link Secret#generateKey}) for
     * {@link #CIPHER_SECRET_KEY}, which CIRISNode refuses in any other form, else {@link Secret#generate}}
     *
     * @param random the source, a {@link SecureRandom} (a test may seed one)
     */
    public Secret generate(SecureRandom random) {
        return this == CIPHER_SECRET_KEY ? Secret.generateKey(random) : Secret.generate(random);
    }

    /**
     * {@return the secret whose {@code security:} key is {@code key}, if there is one}
     *
     * @param key a key under {@code security:}, exactly ({@code api_key})
     */
    public static Optional<StackSecret> byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }
}
