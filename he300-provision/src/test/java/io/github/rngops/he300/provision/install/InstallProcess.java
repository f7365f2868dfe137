package io.github.rngops.he300.provision.install;

import io.github.rngops.he300.core.He300Exception;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The install entry point in a JVM of its own, as {@code scripts/install.java} calls it: a {@link Request} from
 * the arguments, {@link Installer#run()} with the process environment, the exit code as the process's. Arguments:
 * {@code HOST PORT USER IDENTITY KNOWN_HOSTS CONFIG ROOT [--rotate-secrets NAMES]}; always {@code --yes
 * --no-benchmark}.
 */
public final class InstallProcess {
    private InstallProcess() {}

    public static void main(String[] args) {
        boolean rotate = args.length > 8 && args[7].equals("--rotate-secrets");
        Request request = new Request(rotate ? Request.Action.ROTATE_SECRETS : Request.Action.INSTALL,
                Optional.of(args[0]), Optional.of(Integer.parseInt(args[1])), Optional.of(args[2]),
                Optional.of(Path.of(args[3])), Optional.of(Path.of(args[4])), false, false,
                Optional.of(Path.of(args[5])), false, false, false, true, Optional.empty(),
                rotate ? Optional.of(args[8]) : Optional.empty(), Optional.empty(), false, false, args[6]);
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code;
        try {
            code = new Installer(request, System.getenv(), out, err, () -> false).run();
        } catch (He300Exception e) {   // bad usage or config, as the script's Cli.run maps it
            err.println("install: " + e.getMessage());
            code = 2;
        }
        out.flush();
        err.flush();
        System.exit(code);
    }
}
