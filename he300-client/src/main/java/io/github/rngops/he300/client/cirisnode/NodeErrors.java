package io.github.rngops.he300.client.cirisnode;

import io.github.rngops.he300.client.http.ClientException;
import io.github.rngops.he300.client.http.ClientException.Kind;
import java.util.Locale;

/** What CIRISNode's FastAPI errors mean, said plainly. */
final class NodeErrors {
    private NodeErrors() {
    }

    /** A 400 or 422 about the auth header: the older version's way of saying 401. */
    static boolean authHeaderComplaint(ClientException e) {
        if (e.kind() != Kind.STATUS) {
            return false;
        }
        String text = (e.detail() + " " + e.bodyExcerpt()).toLowerCase(Locale.ROOT);
        if (e.status() == 400) {
            return text.contains("authorization") || text.contains("token") || text.contains("api key")
                    || text.contains("api-key") || text.contains("credential");
        }
        return e.status() == 422 && (text.contains("header.authorization") || text.contains("header.x-api-key")
                || text.contains("header.x-agent-token") || text.contains("\"header\""));
    }

    static boolean featureDisabled(ClientException e) {
        String d = e.detail().toLowerCase(Locale.ROOT);
        return e.kind() == Kind.STATUS && e.status() == 403 && d.contains("feature") && d.contains("not enabled");
    }

    /** The failure restated when it is one the node's quirks make unclear; else as it is. */
    static ClientException explain(ClientException e) {
        if (e.kind() != Kind.STATUS) {
            return e;
        }
        if (featureDisabled(e)) {
            return e.explained(Kind.STATUS, "benchmarking is not enabled on this node (\"" + e.detail()
                    + "\"); its operator must enable the 'benchmarking' feature");
        }
        if (e.status() == 401 || e.status() == 403 || authHeaderComplaint(e)) {
            String advice = e.path().startsWith("/auth/token") ? "check the username and password"
                    : e.path().startsWith("/auth/refresh") ? "the token cannot be refreshed; log in again"
                    : "check the client's credentials (login, API key or bearer token; API keys need the newest"
                    + " CIRISNode, and the older one answers a missing or bad token with 400 or 422)";
            return e.explained(Kind.AUTH, "authentication failed: " + e.detail() + "; " + advice);
        }
        if (e.status() == 503 && e.path().equals("/api/v1/ollama-models")) {
            return e.explained(Kind.STATUS, "the Ollama behind this node is down or unreachable: " + e.detail());
        }
        return e;
    }
}
