package io.github.rngops.he300.provision.plan;

import io.github.rngops.he300.provision.ssh.FakeHost;

/**
 * Fake programs that keep state under {@code $HE300_PROBE_ROOT/state}: apt-get records what it installed, docker
 * answers according to it, nvidia-ctk registers the runtime, compose up starts "containers", systemctl enables;
 * {@code compose exec -T postgres psql ..} runs the real psql against {@code HE300_PG_SOCKET}/{@code HE300_PG_PORT}
 * when set (a real PostgreSQL started by the test), and fails as a stopped stack would otherwise.
 */
public final class FakePrograms {
    public static final String S = "S=\"$HE300_PROBE_ROOT/state\"; mkdir -p \"$S\"; ";
    public static final String SERVICES = "for s in cirisnode ethicsengine ollama vllm redis postgres; do "
            + "echo \"{\\\"Service\\\":\\\"$s\\\",\\\"State\\\":\\\"running\\\",\\\"Health\\\":\\\"healthy\\\"}\"; done";

    private FakePrograms() {}

    /** The real tools the install scripts use, and the stateful fakes. */
    public static FakeHost.Builder stateful(FakeHost.Builder host) {
        for (String real : new String[] {"mkdir", "dirname", "cmp", "chmod", "mv", "cp", "sha256sum", "install", "sed",
                "cut"}) {
            host.program(real, "exec /usr/bin/" + real + " \"$@\"");
        }
        return host
                .program("apt-get", S + "echo \"apt-get $*\" >> \"$S/log\"; case \"$*\" in *docker-ce*) touch \"$S/docker\";;"
                        + " *nvidia-container-toolkit*) touch \"$S/toolkit\";; *nvidia-driver-550*) touch \"$S/driver\";; esac")
                .program("curl", S + "echo \"curl $*\" >> \"$S/log\"; o=; while [ $# -gt 0 ]; do [ \"$1\" = -o ] && o=$2; shift; done;"
                        + " if [ -n \"$o\" ]; then echo key > \"$o\"; else echo 'deb https://nvidia.github.io/libnvidia-container/stable/deb/$(ARCH) /'; fi")
                .program("gpg", S + "cat > /dev/null; o=; while [ $# -gt 0 ]; do [ \"$1\" = -o ] && o=$2; shift; done; echo gpg > \"$o\"")
                .program("dpkg", "echo amd64")
                .program("dpkg-query", S + "case \"$*\" in *nvidia-container-toolkit*) [ -f \"$S/toolkit\" ] && printf 1.17.3-1 && exit 0; exit 1;;"
                        + " *) exit 1;; esac")
                .program("nvidia-ctk", S + "case \"$1\" in --version) [ -f \"$S/toolkit\" ] || exit 127; echo 'NVIDIA Container Toolkit CLI version 1.17.3';;"
                        + " runtime) echo \"nvidia-ctk $*\" >> \"$S/log\"; touch \"$S/runtime\";; esac")
                // enabled per unit; --root= (a test host's file root) is taken and left out of the log
                .program("systemctl", S + "case \"$1\" in --root=*) shift;; esac; c=$1; shift; case $c in"
                        + " is-enabled) for u do case $u in -*) ;; *) [ -f \"$S/enabled-$u\" ] || exit 1;; esac; done;;"
                        + " enable) echo \"systemctl $c $*\" >> \"$S/log\"; for u do case $u in -*) ;;"
                        + " *) touch \"$S/enabled-$u\";; esac; done;;"
                        + " *) echo \"systemctl $c $*\" >> \"$S/log\";; esac")
                .program("docker", S + "[ -f \"$S/docker\" ] || { echo 'Cannot connect to the Docker daemon' >&2; exit 1; }\n"
                        + "case \"$1\" in\n"
                        + "  version) echo 27.3.1;;\n"
                        + "  info) if [ -f \"$S/runtime\" ]; then echo '{\"nvidia\":{},\"runc\":{}}'; else echo '{\"runc\":{}}'; fi;;\n"
                        + "  compose) case \"$2\" in version) echo 'Docker Compose version v2.29.7';;\n"
                        + "    *) case \"$6\" in ps) [ -f \"$S/up\" ] && { " + SERVICES + "; };; up) echo \"docker $*\" >> \"$S/log\"; touch \"$S/up\";;\n"
                        + "      exec) [ \"$9\" = psql ] && [ -n \"$HE300_PG_PORT\" ] || exit 1; shift 9;"
                        + " exec /usr/bin/psql -h \"$HE300_PG_SOCKET\" -p \"$HE300_PG_PORT\" \"$@\";; esac;; esac;;\n"
                        + "esac");
    }
}
