package io.github.rngops.he300.provision.config;

import io.github.rngops.he300.core.config.ConfigNode;
import io.github.rngops.he300.core.config.Section;
import io.github.rngops.he300.net.Cidr;
import io.github.rngops.he300.net.firewall.Allowlist;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** {@code security:}: the stack's secrets (each by {@link SecretReader}) and the allowlist. */
final class SecurityReader {
    private static final Pattern FERNET_KEY = Pattern.compile("[A-Za-z0-9_-]{43}=");

    private SecurityReader() {}

    static Security read(Section s, NetworkConfig.Mode mode, SecretReader secrets, java.security.SecureRandom random) {
        Secret apiKey = secrets.read(s, "api_key", "HE300_API_KEY", true, false).orElseThrow();
        Secret jwt = secrets.read(s, "jwt_secret", "HE300_JWT_SECRET", true, false).orElseThrow();
        Secret postgres = secrets.read(s, "postgres_password", "HE300_POSTGRES_PASSWORD", true, true).orElseThrow();
        Secret cirisnode = secrets.read(s, "cirisnode_db_password", "HE300_CIRISNODE_DB_PASSWORD", true, true)
                .orElseThrow();
        Secret ethicsengine = secrets.read(s, "ethicsengine_db_password", "HE300_ETHICSENGINE_DB_PASSWORD", true, true)
                .orElseThrow();
        Secret cipher = secrets.read(s, "cipher_secret_key", "HE300_CIPHER_SECRET_KEY", false, false)
                .orElseGet(() -> StackSecret.CIPHER_SECRET_KEY.generate(random));
        if (!cipher.generated() && !FERNET_KEY.matcher(cipher.reveal()).matches()) {
            s.get(s.get("cipher_secret_key").text().isPresent() ? "cipher_secret_key" : "cipher_secret_key_file")
                    .problem("must be a Fernet key (32 bytes in URL-safe base64 with its '=', 44 characters, as"
                    + " Fernet.generate_key() prints): leave it empty to generate one");
        }
        Secret grafana = secrets.read(s, "grafana_admin_password", "HE300_GRAFANA_ADMIN_PASSWORD", true, false)
                .orElseThrow();
        Optional<Secret> hfToken = secrets.read(s, "hf_token", "HE300_HF_TOKEN", false, false);
        List<Cidr> networks = new ArrayList<>();
        for (ConfigNode item : s.list("allowed_ips")) {
            item.text(InstallReader.net(text -> Cidr.parseNetwork("network", text))).ifPresent(networks::add);
        }
        if (networks.isEmpty() && mode == NetworkConfig.Mode.TAILSCALE) {
            InstallReader.TAILNET.forEach(text -> networks.add(Cidr.parseNetwork("network", text)));
        }
        return new Security(apiKey, jwt, postgres, cirisnode, ethicsengine, cipher, grafana, hfToken,
                new Allowlist(networks));
    }
}
