package io.github.rngops.he300.provision.stack;

import io.github.rngops.he300.provision.config.GpuProfile;
import io.github.rngops.he300.provision.config.InstallConfig;
import io.github.rngops.he300.provision.config.Secret;
import io.github.rngops.he300.provision.config.StackSecret;
import io.github.rngops.he300.core.He300Exception;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The files that make up the stack on a host, generated from a config whose GPU profile is known: both compose
 * files, {@code .env}, {@code init.sql} in {@code stack.dir}, and the systemd units in {@code /etc/systemd/system}.
 * The same config gives byte-identical files.
 *
 * @param all every file, in the order they should be written
 * @param composeFile the compose file the systemd unit runs ({@code docker-compose.gpu.yml} on an NVIDIA profile)
 */
public record StackFiles(List<StackFile> all, StackFile composeFile) {
    /** The compose file for NVIDIA hosts. */
    public static final String GPU_COMPOSE = "docker-compose.gpu.yml";
    /** The compose file for hosts without an NVIDIA GPU. */
    public static final String CPU_COMPOSE = "docker-compose.cpu.yml";
    /** The secrets and settings the compose files read, mode 0600. */
    public static final String ENV = EnvFile.FILE;
    /** PostgreSQL's first-start script: the services' roles and databases. */
    public static final String INIT_SQL = PostgresInit.FILE;
    /** The Hugging Face token vLLM reads (a compose secret), written only when one is given. */
    public static final String HF_TOKEN = ComposeFile.HF_TOKEN_FILE;
    /** The systemd unit that runs the stack with compose. */
    public static final String STACK_UNIT = SystemdUnits.STACK;
    /** The systemd unit that runs the health check. */
    public static final String HEALTH_UNIT = SystemdUnits.HEALTH;
    /** The systemd timer that starts the health check every {@code stack.health_interval_minutes} minutes. */
    public static final String HEALTH_TIMER = SystemdUnits.TIMER;
    /** Named volumes; uninstall keeps {@link #MODEL_VOLUME} unless asked to purge models. */
    public static final String MODEL_VOLUME = ComposeFile.OLLAMA_VOLUME;
    /** The compose network the services share. */
    public static final String NETWORK = ComposeFile.NETWORK;

    /**
     * Refuses a null compose file, and copies the list.
     *
     * @param all every file, in the order they should be written
     * @param composeFile the compose file the systemd unit runs ({@code docker-compose.gpu.yml} on an NVIDIA profile)
     */
    public StackFiles {
        all = List.copyOf(all);
        Objects.requireNonNull(composeFile, "composeFile");
    }

    /**
     * Generates the files of {@code config}, whose profile must be set ({@code gpu.profile} in the file, or
     * {@link InstallConfig#withProfile} from the host's facts). Generates only; nothing is written.
     *
     * @param config the resolved config
     * @return the files, the same bytes for the same config
     * @throws IllegalStateException if the config's profile is not known yet
     * @throws He300Exception if {@code services.inference: vllm} is asked on a host without an NVIDIA GPU, or for a
     *     model the registry gives no Hugging Face id for
     */
    public static StackFiles of(InstallConfig config) {
        GpuProfile profile = config.profile().orElseThrow(() -> new IllegalStateException("the GPU profile of "
                + config.source() + " is not known yet: choose it from the host's facts with withProfile(..)"));
        if (config.vllm() && !profile.nvidia()) {
            throw new He300Exception("services.inference: vllm needs an NVIDIA GPU, and the host's profile is "
                    + profile.name() + ": use inference: ollama (the default) on this host");
        }
        if (config.vllm() && config.huggingFaceModel().isEmpty()) {
            throw new He300Exception("services.inference: vllm serves a Hugging Face model, and the registry gives"
                    + " none (hf_id) for " + config.models().defaultPull().model());
        }
        String dir = config.stack().dir();
        StackFile gpu = new StackFile(dir + "/" + GPU_COMPOSE, ComposeFile.render(config, profile, true), 0644,
                false);
        StackFile cpu = new StackFile(dir + "/" + CPU_COMPOSE, ComposeFile.render(config, profile, false), 0644,
                false);
        StackFile used = profile.nvidia() ? gpu : cpu;
        List<StackFile> files = new ArrayList<>(List.of(gpu, cpu,
                new StackFile(dir + "/" + ENV, EnvFile.render(config), 0600, true),
                new StackFile(dir + "/" + INIT_SQL, PostgresInit.render(), 0644, false)));
        MonitoringFiles.files(config).forEach((name, content) ->
                files.add(new StackFile(dir + "/" + name, content, 0644, false)));
        config.security().hfToken().filter(t -> config.vllm()).ifPresent(token ->
                files.add(new StackFile(dir + "/" + HF_TOKEN, token.reveal() + "\n", 0600, true)));
        files.addAll(List.of(
                new StackFile(SystemdUnits.DIR + "/" + STACK_UNIT, SystemdUnits.stack(config, used.name()), 0644,
                        false),
                new StackFile(SystemdUnits.DIR + "/" + HEALTH_UNIT, SystemdUnits.health(config), 0644, false),
                new StackFile(SystemdUnits.DIR + "/" + HEALTH_TIMER, SystemdUnits.timer(config), 0644, false)));
        return new StackFiles(files, used);
    }

    /**
     * The stack's secrets in the content of a {@code .env} this class wrote (read back from a host), each with
     * {@code origin} as its {@link Secret#origin()}; secrets the content does not hold are absent.
     *
     * @param envContent the {@code .env} as read from the host
     * @param origin where it was read, shown in place of the values ({@code the host's /opt/he300/.env})
     * @return the secrets found
     */
    public static Map<StackSecret, Secret> secretsIn(String envContent, String origin) {
        return EnvFile.parse(envContent, origin);
    }

    /**
     * {@return the file called {@code name} ({@code .env}, {@code he300-stack.service}), if the stack has it}
     *
     * @param name a file name without its directory, as {@link StackFile#name()} gives it
     */
    public Optional<StackFile> file(String name) {
        return all.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** {@return every file for a dry run: contents shown, secret files withheld} */
    public String describe() {
        StringBuilder out = new StringBuilder();
        for (StackFile file : all) {
            out.append("==> ").append(file.path()).append(" (").append(file.modeText()).append(")\n")
                    .append(file.shownContent());
        }
        return out.toString();
    }
}
