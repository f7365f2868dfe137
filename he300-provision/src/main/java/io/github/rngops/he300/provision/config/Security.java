package io.github.rngops.he300.provision.config;

import io.github.rngops.he300.net.firewall.Allowlist;
import java.util.Objects;

/**
 * The stack's secrets and who may reach it ({@code security:}). Each secret is given in the file (a value or a
 * {@code *_file}), or taken from an environment variable, or generated; {@link Secret#origin()} says which.
 *
 * @param apiKey {@code HE300_API_KEY}: the key clients send
 * @param jwtSecret {@code HE300_JWT_SECRET}: signs CIRISNode's tokens
 * @param postgresPassword {@code POSTGRES_PASSWORD}: PostgreSQL's superuser
 * @param cirisnodeDbPassword the {@code cirisnode} database role's
 * @param ethicsengineDbPassword the {@code ethicsengine} database role's
 * @param cipherSecretKey CIRISNode's {@code CIPHER_SECRET_KEY}: the Fernet key it encrypts stored data with
 *     (required by CIRISNode whenever its database is not on localhost)
 * @param grafanaAdminPassword Grafana's {@code admin} password ({@code services.monitoring})
 * @param hfToken the Hugging Face token vLLM downloads gated models with (Llama's); written to its own 0600
 *     file on the host, never to {@code .env}; empty: none
 * @param allowedIps networks allowed to reach exposed ports (empty: no restriction beyond the mode's)
 */
public record Security(Secret apiKey, Secret jwtSecret, Secret postgresPassword, Secret cirisnodeDbPassword,
                       Secret ethicsengineDbPassword, Secret cipherSecretKey, Secret grafanaAdminPassword,
                       java.util.Optional<Secret> hfToken,
                       Allowlist allowedIps) {
    /**
     * Checks that every component is given.
     *
     * @param apiKey {@code HE300_API_KEY}
     * @param jwtSecret {@code HE300_JWT_SECRET}
     * @param postgresPassword {@code POSTGRES_PASSWORD}
     * @param cirisnodeDbPassword the {@code cirisnode} role's password
     * @param ethicsengineDbPassword the {@code ethicsengine} role's password
     * @param cipherSecretKey CIRISNode's Fernet key
     * @param grafanaAdminPassword Grafana's {@code admin} password
     * @param hfToken the Hugging Face token, or empty
     * @param allowedIps networks allowed to reach exposed ports
     * @throws NullPointerException if a component is null
     */
    public Security {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(jwtSecret, "jwtSecret");
        Objects.requireNonNull(postgresPassword, "postgresPassword");
        Objects.requireNonNull(cirisnodeDbPassword, "cirisnodeDbPassword");
        Objects.requireNonNull(ethicsengineDbPassword, "ethicsengineDbPassword");
        Objects.requireNonNull(cipherSecretKey, "cipherSecretKey");
        Objects.requireNonNull(grafanaAdminPassword, "grafanaAdminPassword");
        Objects.requireNonNull(hfToken, "hfToken");
        Objects.requireNonNull(allowedIps, "allowedIps");
    }

    /**
     * {@return the same secrets with {@code which} set to {@code value}}
     *
     * @param which the secret to replace
     * @param value its new value
     */
    public Security with(StackSecret which, Secret value) {
        Objects.requireNonNull(value, "value");
        return new Security(which == StackSecret.API_KEY ? value : apiKey,
                which == StackSecret.JWT_SECRET ? value : jwtSecret,
                which == StackSecret.POSTGRES_PASSWORD ? value : postgresPassword,
                which == StackSecret.CIRISNODE_DB_PASSWORD ? value : cirisnodeDbPassword,
                which == StackSecret.ETHICSENGINE_DB_PASSWORD ? value : ethicsengineDbPassword,
                which == StackSecret.CIPHER_SECRET_KEY ? value : cipherSecretKey,
                which == StackSecret.GRAFANA_ADMIN_PASSWORD ? value : grafanaAdminPassword, hfToken, allowedIps);
    }
}
