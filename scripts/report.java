///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//CDS
//JAVA_OPTIONS -XX:TieredStopAtLevel=1 -Djdk.reflect.useNativeAccessorOnly=true -XX:+UseSerialGC -Xlog:cds=off -Xlog:cds+dynamic=off
// C1 only and reflection without generated accessors: a short process starts fastest so (docs/PERFORMANCE.md)
//DEPS io.github.rng-ops:he300-bom:${he300.version:0.1.0-SNAPSHOT}@pom
//DEPS io.github.rng-ops:he300-cli
//DEPS io.github.rng-ops:he300-report

import io.github.rngops.he300.cli.Cli;
import io.github.rngops.he300.core.run.RunResult;
import io.github.rngops.he300.core.run.RunResultJson;
import io.github.rngops.he300.report.Comparison;
import io.github.rngops.he300.report.Format;
import io.github.rngops.he300.report.InputTexts;
import io.github.rngops.he300.report.Reports;
import io.github.rngops.he300.report.SigningKey;
import io.github.rngops.he300.report.Verification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Reports of HE-300 results: render, compare, sign, verify.",
        subcommands = {report.Render.class, report.Compare.class, report.Leaderboard.class, report.Sign.class,
                report.Verify.class})
class report implements Callable<Integer> {
    @Spec CommandSpec spec;

    public static void main(String... args) {
        System.exit(Cli.run(new report(), args));
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "give a subcommand: render, compare, sign or verify");
    }

    @Command(name = "render", mixinStandardHelpOptions = true,
            description = "Write a result as HTML, Markdown, JUnit XML, CSV and JSON (+ summary).")
    static class Render implements Callable<Integer> {
        @Parameters(paramLabel = "RESULT", description = "A result.json (schema he300.result/1).")
        Path result;

        @Option(names = "--format", defaultValue = "html,md,junit,csv,json", paramLabel = "F[,F...]",
                description = "Any of json,md,html,junit,csv, or all. Default: ${DEFAULT-VALUE}.")
        String formats;

        @Option(names = "--out", defaultValue = "report", paramLabel = "DIR",
                description = "Directory to write into (created). Default: ${DEFAULT-VALUE}.")
        Path out;

        @Option(names = "--name", defaultValue = "result", paramLabel = "NAME",
                description = "Base of the file names: NAME.html, NAME-junit.xml, ... Default: ${DEFAULT-VALUE}.")
        String name;

        @Option(names = "--dataset", paramLabel = "DIR", description = "ETHICS dataset, for the scenario inputs."
                + " Default: $HE300_DATASET, then the user cache; never downloaded. Without it inputs are left out.")
        Path dataset;

        @Override
        public Integer call() {
            RunResult read = RunResultJson.read(result);
            InputTexts inputs = InputTexts.locate(dataset, System.getenv(), read);
            if (inputs.size() == 0) {
                System.err.println("report: " + inputs.source());
            }
            List<Path> written = Reports.builder().name(name).inputs(inputs).environment(System.getenv()).build()
                    .render(read, Format.parseList(formats), out);
            written.forEach(System.out::println);
            return Cli.OK;
        }
    }

    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = "Compare results side by side: figures, differences from the first with 95%% intervals,"
                    + " and the scenarios on which they disagree (Markdown and HTML).")
    static class Compare implements Callable<Integer> {
        @Parameters(arity = "2..*", paramLabel = "RESULT", description = "Two or more result.json files.")
        List<Path> results;

        @Option(names = "--label", paramLabel = "TEXT", description = "A label per result, in order (repeat)."
                + " Default: model and quantization, then seed where needed.")
        List<String> labels = new ArrayList<>();

        @Option(names = "--out", defaultValue = "report", paramLabel = "DIR",
                description = "Directory to write into (created). Default: ${DEFAULT-VALUE}.")
        Path out;

        @Option(names = "--name", defaultValue = "comparison", paramLabel = "NAME",
                description = "Base of the file names. Default: ${DEFAULT-VALUE}.")
        String name;

        @Override
        public Integer call() {
            List<RunResult> read = new ArrayList<>();
            results.forEach(file -> read.add(RunResultJson.read(file)));
            Comparison comparison = labels.isEmpty() ? Comparison.of(read) : Comparison.of(read, labels);
            comparison.write(out, name).forEach(System.out::println);
            return Cli.OK;
        }
    }

    @Command(name = "leaderboard", mixinStandardHelpOptions = true,
            description = {"Merge run directories (a sweep's cells/<id>, CI artifacts from many machines) into one"
                    + " leaderboard: leaderboard.md, .html, .json, .csv; appended to $GITHUB_STEP_SUMMARY when set.",
                    "Signed results (result.json.sig) are verified against --public-key."})
    static class Leaderboard implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "DIR", description = "Run directories, or directories holding"
                + " them (each subdirectory with a result.json is taken).")
        List<Path> directories;

        @Option(names = "--out", defaultValue = "report", paramLabel = "DIR",
                description = "Directory to write into (created). Default: ${DEFAULT-VALUE}.")
        Path out;

        @Option(names = "--baseline", paramLabel = "ID", description = "The cell to compare with. Default: the first.")
        String baseline;

        @Option(names = "--title", defaultValue = "HE-300 leaderboard", paramLabel = "TEXT",
                description = "The title. Default: ${DEFAULT-VALUE}.")
        String title;

        @Option(names = "--allow-mismatch", description = "Compare cells whose sample design differs from the"
                + " baseline's anyway (they are marked).")
        boolean allowMismatch;

        @Option(names = {"--public-key", "--trusted-key"}, paramLabel = "KEY|FILE",
                description = "A trusted public key for signed results (repeat for several).")
        List<String> keys = new ArrayList<>();

        @Override
        public Integer call() throws java.io.IOException {
            List<Path> runs = new ArrayList<>();
            for (Path directory : directories) {
                if (Files.isRegularFile(directory.resolve("result.json"))) {
                    runs.add(directory);
                } else if (Files.isDirectory(directory)) {
                    try (var children = Files.walk(directory)) {
                        children.filter(d -> Files.isRegularFile(d.resolve("result.json"))).sorted()
                                .forEach(runs::add);
                    }
                }
            }
            List<String> trusted = new ArrayList<>();
            keys.forEach(key -> trusted.add(Verification.keyText(key)));
            io.github.rngops.he300.report.Leaderboard board = io.github.rngops.he300.report.Leaderboard.builder()
                    .title(title).directories(runs).trustedKeys(trusted).baseline(baseline)
                    .allowMismatch(allowMismatch).build();
            board.write(out).forEach(System.out::println);
            if (board.appendToStepSummary(System.getenv())) {
                System.out.println("appended to $GITHUB_STEP_SUMMARY");
            }
            return Cli.OK;
        }
    }

    @Command(name = "sign", mixinStandardHelpOptions = true,
            description = "Sign a result with Ed25519 over its RFC 8785 canonical JSON; the signature goes beside it"
                    + " as RESULT.sig.")
    static class Sign implements Callable<Integer> {
        @Parameters(paramLabel = "RESULT", description = "A result.json.")
        Path result;

        @Option(names = "--key", paramLabel = "FILE", description = "Private key file, created (0600) with FILE.pub"
                + " if missing. Default: $XDG_CONFIG_HOME/he300/signing-key.pem or ~/.config/he300/signing-key.pem.")
        Path key;

        @Override
        public Integer call() {
            SigningKey.Signed signed = SigningKey.signWithKeyAt(
                    key != null ? key : SigningKey.defaultFile(System.getenv()), result);
            SigningKey signing = signed.key();
            if (signing.created()) {
                System.err.println("report: created the signing key " + signing.file() + " (0600); share "
                        + signing.file() + ".pub");
            }
            System.out.println(signed.signature());
            System.out.println("key " + signing.fingerprint() + " public " + signing.publicKeyBase64());
            return Cli.OK;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Check a result against RESULT.sig: VALID (exit 0), TAMPERED or UNKNOWN_KEY (exit 1).",
                "Needs only the signer's public key."})
    static class Verify implements Callable<Integer> {
        @Parameters(paramLabel = "RESULT", description = "A signed result.json.")
        Path result;

        @Option(names = {"--public-key", "--trusted-key"}, paramLabel = "KEY|FILE",
                description = "A trusted public key: base64 (X.509 SubjectPublicKeyInfo or raw 32 bytes) or a file"
                        + " (PEM or base64). Repeat for several. Default: the public key of the default signing key.")
        List<String> keys = new ArrayList<>();

        @Option(names = "--signature", paramLabel = "FILE", description = "The signature file. Default: RESULT.sig.")
        Path signature;

        @Override
        public Integer call() {
            List<String> trusted = new ArrayList<>();
            keys.forEach(key -> trusted.add(Verification.keyText(key)));
            Path own = Path.of(SigningKey.defaultFile(System.getenv()) + ".pub");
            if (trusted.isEmpty() && Files.isRegularFile(own)) {
                trusted.add(Verification.keyText(own.toString()));
            }
            Verification check = Verification.verify(result,
                    signature != null ? signature : Path.of(result + ".sig"), trusted);
            System.out.println(check.status() + ": " + check.detail());
            return check.status() == Verification.Status.VALID ? Cli.OK : Cli.FAILURE;
        }
    }
}
