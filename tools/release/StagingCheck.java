import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Checks a staged release (a Maven repository directory) against what Maven Central requires of a deployment:
 * https://central.sonatype.org/publish/requirements/ . Run by check-staging.sh:
 *
 *   java tools/release/StagingCheck.java STAGING_DIR GROUP_ID VERSION
 *
 * The artifacts expected are the BOM ({@code he300-bom}) and exactly the modules it manages, no others (no parent,
 * bench or test module). For each: a POM and, unless it is a POM-only artifact, the jar, sources and javadoc jars;
 * every file with its .asc signature and matching .md5 and .sha1; the POM has name, description, url, licenses,
 * developers and scm, no parent, the release version, and no SNAPSHOT or version-less dependency. Prints one line per
 * problem and exits 1 if there is any, else prints what it checked and exits 0. Signatures are verified by the caller
 * (gpg), which holds the key.
 */
class StagingCheck {
    private final List<String> problems = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: java StagingCheck.java STAGING_DIR GROUP_ID VERSION");
            System.exit(2);
        }
        StagingCheck check = new StagingCheck();
        int files = check.run(Path.of(args[0]), args[1], args[2]);
        check.problems.forEach(problem -> System.out.println("FAIL: " + problem));
        if (!check.problems.isEmpty()) {
            System.exit(1);
        }
        System.out.println("staging: " + files + " files checked, all as Central requires");
    }

    private int run(Path staging, String groupId, String version) throws Exception {
        if (version.endsWith("-SNAPSHOT")) {
            problems.add("version " + version + " is a SNAPSHOT; Central takes releases only");
        }
        Path group = staging.resolve(groupId.replace('.', '/'));
        Path bomPom = group.resolve("he300-bom").resolve(version).resolve("he300-bom-" + version + ".pom");
        if (!Files.isRegularFile(bomPom)) {
            problems.add("no BOM at " + bomPom);
            return 0;
        }
        Set<String> expected = new LinkedHashSet<>();
        expected.add("he300-bom");
        for (Element dependency : children(child(parse(bomPom).getDocumentElement(), "dependencyManagement"),
                "dependencies", "dependency")) {
            if (groupId.equals(text(dependency, "groupId"))) {
                expected.add(text(dependency, "artifactId"));
            }
        }
        Set<String> staged = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(group)) {
            dirs.filter(Files::isDirectory).forEach(dir -> staged.add(dir.getFileName().toString()));
        }
        for (String artifact : staged) {
            if (!expected.contains(artifact)) {
                problems.add(artifact + " is staged but is not a published module (not in the BOM)");
            }
        }
        int files = 0;
        for (String artifact : expected) {
            Path dir = group.resolve(artifact).resolve(version);
            if (!Files.isDirectory(dir)) {
                problems.add(artifact + " " + version + " is in the BOM but not staged");
                continue;
            }
            Path pom = dir.resolve(artifact + "-" + version + ".pom");
            boolean pomOnly = checkPom(pom, artifact, version);
            List<String> names = new ArrayList<>(List.of(artifact + "-" + version + ".pom"));
            if (!pomOnly) {
                names.addAll(List.of(artifact + "-" + version + ".jar", artifact + "-" + version + "-sources.jar",
                        artifact + "-" + version + "-javadoc.jar"));
            }
            for (String name : names) {
                files += checkFile(dir.resolve(name));
            }
        }
        return files;
    }

    /** Checks the signature and checksum files beside {@code file}; returns how many files were looked at. */
    private int checkFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            problems.add(file.getFileName() + " is missing");
            return 0;
        }
        if (Files.size(file) == 0) {
            problems.add(file.getFileName() + " is empty");
        }
        requireFile(Path.of(file + ".asc"));
        checkSum(file, "md5", "MD5");
        checkSum(file, "sha1", "SHA-1");
        return 4;
    }

    private void checkSum(Path file, String extension, String algorithm) throws IOException {
        Path sum = Path.of(file + "." + extension);
        if (!requireFile(sum)) {
            return;
        }
        String declared = Files.readString(sum).trim().split("\\s+")[0];
        String actual = digest(file, algorithm);
        if (!declared.equalsIgnoreCase(actual)) {
            problems.add(sum.getFileName() + " says " + declared + " but the file's " + algorithm + " is " + actual);
        }
    }

    private boolean requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            problems.add(file.getFileName() + " is missing");
            return false;
        }
        return true;
    }

    /** Checks the POM's metadata and dependencies; returns true for packaging {@code pom}. */
    private boolean checkPom(Path pom, String artifact, String version) throws Exception {
        if (!Files.isRegularFile(pom)) {
            problems.add(pom.getFileName() + " is missing");
            return false;
        }
        Element project = parse(pom).getDocumentElement();
        String where = pom.getFileName().toString();
        for (String field : List.of("groupId", "artifactId", "version", "name", "description", "url")) {
            if (text(project, field).isBlank()) {
                problems.add(where + ": no <" + field + ">");
            }
        }
        if (!version.equals(text(project, "version"))) {
            problems.add(where + ": version is '" + text(project, "version") + "', not " + version);
        }
        if (child(project, "parent") != null) {
            problems.add(where + ": has a <parent>, which a consumer would have to resolve too (flatten it)");
        }
        List<Element> licenses = children(project, "licenses", "license");
        if (licenses.isEmpty() || licenses.stream().anyMatch(l -> text(l, "name").isBlank() || text(l, "url").isBlank())) {
            problems.add(where + ": needs <licenses> with a name and url each");
        }
        List<Element> developers = children(project, "developers", "developer");
        if (developers.isEmpty() || developers.stream().anyMatch(d -> text(d, "name").isBlank())) {
            problems.add(where + ": needs <developers> with a name each");
        }
        Element scm = child(project, "scm");
        if (scm == null || text(scm, "url").isBlank() || text(scm, "connection").isBlank()) {
            problems.add(where + ": needs <scm> with url and connection");
        }
        // ${project.version} (the BOM's own version, resolved when it is imported) is the only expression allowed.
        if (project.getTextContent().replace("${project.version}", "").contains("${")) {
            problems.add(where + ": holds an unresolved ${...} expression");
        }
        List<Element> dependencies = new ArrayList<>(children(project, "dependencies", "dependency"));
        dependencies.addAll(children(child(project, "dependencyManagement"), "dependencies", "dependency"));
        for (Element dependency : dependencies) {
            String coordinates = text(dependency, "groupId") + ":" + text(dependency, "artifactId");
            String dependencyVersion = text(dependency, "version");
            if (dependencyVersion.isBlank()) {
                problems.add(where + ": dependency " + coordinates + " has no version");
            } else if (dependencyVersion.contains("SNAPSHOT")) {
                problems.add(where + ": depends on the SNAPSHOT " + coordinates + ":" + dependencyVersion);
            }
        }
        return "pom".equals(text(project, "packaging"));
    }

    private static String digest(Path file, String algorithm) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            byte[] buffer = new byte[65536];
            for (int read; (read = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }

    private static Document parse(Path pom) throws ParserConfigurationException, SAXException, IOException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (InputStream in = Files.newInputStream(pom)) {
            return factory.newDocumentBuilder().parse(in);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The first child element called {@code name}, or null. */
    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    /** The {@code item} elements inside the {@code list} child of {@code parent}. */
    private static List<Element> children(Element parent, String list, String item) {
        Element container = child(parent, list);
        List<Element> items = new ArrayList<>();
        if (container == null) {
            return items;
        }
        NodeList nodes = container.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && element.getTagName().equals(item)) {
                items.add(element);
            }
        }
        return items;
    }

    private static String text(Element parent, String name) {
        Element element = child(parent, name);
        return element == null ? "" : element.getTextContent().trim();
    }
}
