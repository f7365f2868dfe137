package io.github.rngops.he300.provision.stack;

/**
 * {@code init.sql}: PostgreSQL's first start creates the roles and databases CIRISNode and EthicsEngine use. The
 * passwords are read from the container's environment (set from {@code .env}) with psql's {@code \getenv} (psql 15
 * and newer), so none is written in this file. An unset variable stops the init with an error.
 */
final class PostgresInit {
    static final String FILE = "init.sql";

    private PostgresInit() {}

    static String render() {
        StringBuilder out = new StringBuilder();
        out.append("-- he300: roles and databases of CIRISNode and EthicsEngine, created on PostgreSQL's first start.\n");
        out.append("-- Passwords come from the container's environment (from .env), read with psql's \\getenv"
                + " (psql 15+).\n");
        out.append("\\set ON_ERROR_STOP on\n");
        role(out, "cirisnode", EnvFile.CIRISNODE_DB_PASSWORD);
        role(out, "ethicsengine", EnvFile.ETHICSENGINE_DB_PASSWORD);
        return out.toString();
    }

    private static void role(StringBuilder out, String name, String variable) {
        out.append("\\getenv ").append(name).append("_password ").append(variable).append('\n');
        out.append("CREATE ROLE ").append(name).append(" LOGIN PASSWORD :'").append(name).append("_password';\n");
        out.append("CREATE DATABASE ").append(name).append(" OWNER ").append(name).append(";\n");
    }
}
