package io.github.rngops.he300.provision.facts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rngops.he300.provision.facts.HostFacts.DriverState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the output of the probe script ({@code probe.sh}): sections between {@code ::he300:begin NAME} and
 * {@code ::he300:end NAME EXIT}. A section that is missing, failed or unreadable leaves its fact empty; parsing
 * never fails on what a host printed.
 */
final class HostFactsParser {
    private static final Pattern BEGIN = Pattern.compile("::he300:begin (\\S+)");
    private static final Pattern END = Pattern.compile("::he300:end (\\S+) (-?\\d+)");
    private static final Pattern VERSION = Pattern.compile("v?(\\d+\\.\\d+(?:\\.\\d+)?(?:[-+~][\\w.~+-]*)?)");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One probe's output and exit code. */
    record Section(int exit, List<String> lines) {
        boolean ok() {
            return exit == 0;
        }

        String text() {
            return String.join("\n", lines).strip();
        }

        String firstLine() {
            return lines.stream().map(String::strip).filter(line -> !line.isEmpty()).findFirst().orElse("");
        }
    }

    private static final Section ABSENT = new Section(-1, List.of());

    private final Map<String, Section> sections;

    private HostFactsParser(Map<String, Section> sections) {
        this.sections = sections;
    }

    static HostFacts parse(String output) {
        return new HostFactsParser(sections(output)).facts();
    }

    static Map<String, Section> sections(String output) {
        Map<String, Section> sections = new HashMap<>();
        String name = null;
        List<String> lines = new ArrayList<>();
        for (String line : output.split("\\R", -1)) {
            Matcher end = END.matcher(line);
            Matcher begin = BEGIN.matcher(line);
            if (name != null && end.matches() && end.group(1).equals(name)) {
                if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                    lines.remove(lines.size() - 1);
                }
                sections.put(name, new Section(Integer.parseInt(end.group(2)), List.copyOf(lines)));
                name = null;
            } else if (begin.matches()) {
                name = begin.group(1);
                lines = new ArrayList<>();
            } else if (name != null) {
                lines.add(line);
            }
        }
        return sections;
    }

    private Section section(String name) {
        return sections.getOrDefault(name, ABSENT);
    }

    private String okFirstLine(String name) {
        Section section = section(name);
        return section.ok() ? section.firstLine() : "";
    }

    private HostFacts facts() {
        HostFacts.Os os = os();
        String apple = os.isMac() ? okFirstLine("cpu-brand") : "";
        HostFacts.Nvidia nvidia = nvidia();
        long memory = os.isMac() ? number(okFirstLine("mac-memsize")) : memory();
        int cpus = (int) number(os.isMac() ? okFirstLine("mac-ncpu") : okFirstLine("nproc"));
        return new HostFacts(os, lambdaSignals(), nvidia, apple.startsWith("Apple") ? apple : "", docker(),
                privilege(), okFirstLine("id-un"), cpus, memory, diskPath(), diskAvailable(),
                section("reboot-required").ok());
    }

    private HostFacts.Os os() {
        String kernel = okFirstLine("uname-s");
        String arch = okFirstLine("uname-m");
        if (kernel.equals("Darwin")) {
            String version = okFirstLine("sw-vers");
            return new HostFacts.Os(kernel, "macos", version, "macOS " + version, arch);
        }
        Map<String, String> release = new HashMap<>();
        Section file = section("os-release");
        if (file.ok()) {
            for (String line : file.lines()) {
                int eq = line.indexOf('=');
                if (eq > 0 && !line.startsWith("#")) {
                    release.put(line.substring(0, eq).strip(), unquote(line.substring(eq + 1).strip()));
                }
            }
        }
        return new HostFacts.Os(kernel, release.getOrDefault("ID", "").toLowerCase(Locale.ROOT),
                release.getOrDefault("VERSION_ID", ""), release.getOrDefault("PRETTY_NAME", ""), arch);
    }

    private List<String> lambdaSignals() {
        List<String> signals = new ArrayList<>();
        if (section("lambda-file").ok()) {
            signals.add("/etc/lambda-stack");
        }
        Section dpkg = section("lambda-dpkg");
        // dpkg-query -W prints "lambda-stack-cuda\t<version>"; an empty version means known but not installed.
        if (dpkg.ok() && dpkg.firstLine().matches("lambda-stack-cuda\\s+\\S.*")) {
            signals.add("dpkg lambda-stack-cuda " + dpkg.firstLine().split("\\s+", 2)[1]);
        }
        for (String source : section("lambda-apt").lines()) {
            if (!source.isBlank()) {
                signals.add("apt source " + source.strip());
            }
        }
        return signals;
    }

    private HostFacts.Nvidia nvidia() {
        Section smi = section("nvidia-smi");
        List<String> pci = section("lspci").ok()
                ? section("lspci").lines().stream().filter(l -> l.toLowerCase(Locale.ROOT).contains("nvidia"))
                        .map(String::strip).toList()
                : List.of();
        if (smi.ok()) {
            List<HostFacts.Gpu> gpus = new ArrayList<>();
            for (String line : smi.lines()) {
                String[] fields = line.split(",");
                if (fields.length == 3) {
                    gpus.add(new HostFacts.Gpu(fields[0].strip(), number(fields[1]), fields[2].strip()));
                }
            }
            if (!gpus.isEmpty()) {
                return new HostFacts.Nvidia(DriverState.READY, gpus, pci, "");
            }
        }
        String text = smi.text();
        if (text.contains("Driver/library version mismatch")) {
            return new HostFacts.Nvidia(DriverState.MISMATCH_REBOOT_NEEDED, List.of(), pci, smi.firstLine());
        }
        if (smi.exit() == 127 || smi == ABSENT) {
            return new HostFacts.Nvidia(pci.isEmpty() ? DriverState.NONE : DriverState.DEVICE_WITHOUT_DRIVER,
                    List.of(), pci, "");
        }
        return new HostFacts.Nvidia(DriverState.FAILED, List.of(), pci, smi.firstLine());
    }

    private HostFacts.Docker docker() {
        String server = okFirstLine("docker-server");
        Matcher compose = VERSION.matcher(okFirstLine("compose"));
        List<String> runtimes = new ArrayList<>();
        Section info = section("docker-runtimes");
        if (info.ok()) {
            try {
                JsonNode node = JSON.readTree(info.firstLine());
                if (node != null && node.isObject()) {
                    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                        runtimes.add(names.next());
                    }
                }
            } catch (JsonProcessingException e) {
                // not JSON (an old docker, an error line): no runtimes known
            }
        }
        Matcher ctk = VERSION.matcher(okFirstLine("nvidia-ctk"));
        return new HostFacts.Docker(server.matches("\\d[\\w.+~-]*") ? server : "",
                compose.find() ? compose.group(1) : "", runtimes, okFirstLine("toolkit-dpkg"),
                ctk.find() ? ctk.group(1) : "");
    }

    private HostFacts.Privilege privilege() {
        if (okFirstLine("id-u").equals("0")) {
            return HostFacts.Privilege.ROOT;
        }
        return section("sudo").ok() ? HostFacts.Privilege.PASSWORDLESS_SUDO : HostFacts.Privilege.NONE;
    }

    private long memory() {
        for (String line : section("free").lines()) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length > 1 && fields[0].equals("Mem:")) {
                return number(fields[1]);
            }
        }
        return 0;
    }

    private String diskPath() {
        String path = section("df-path").firstLine();
        return path.isEmpty() ? "/" : path;
    }

    private long diskAvailable() {
        Section df = section("df");
        if (df.ok()) {
            for (String line : df.lines()) {
                if (line.strip().matches("\\d+")) {
                    return number(line);
                }
            }
        }
        // df -k (macOS, busybox): the second line's fourth column, in KiB.
        Section kib = section("df-k");
        if (kib.ok() && kib.lines().size() > 1) {
            String[] fields = kib.lines().get(1).strip().split("\\s+");
            return fields.length > 3 ? number(fields[3]) * 1024 : 0;
        }
        return 0;
    }

    private static long number(String text) {
        String digits = text.strip();
        return digits.matches("\\d{1,18}") ? Long.parseLong(digits) : 0;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return value;
    }
}
