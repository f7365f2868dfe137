package io.github.rngops.he300.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.rngops.he300.core.run.RunResult;
import io.github.rngops.he300.core.run.RunResultJson;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report as a person sees it: rendered by headless Chromium from a real engine run over the v1.0 seed-42
 * sample (against an in-process simulated model), screenshotted, and its DOM dumped after the script ran.
 *
 * <p>Without Chromium this test fails under CI ({@code CI=true}, where {@code .ci/run} installs it) and is skipped,
 * visibly, elsewhere.
 */
class HtmlReportInBrowserTest {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("HE300_CHROMIUM", "/usr/bin/chromium"));

    @TempDir
    static Path dir;

    private static RunResult result;
    private static Path page;

    @BeforeAll
    static void render() {
        if (!Files.isExecutable(CHROMIUM)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("no Chromium at " + CHROMIUM + ": .ci/run installs the apt package chromium");
            }
            Assumptions.abort("no Chromium at " + CHROMIUM + " (apt-get install chromium); skipped outside CI");
        }
        result = Results.realistic();
        Reports.builder().inputs(InputTexts.of(Results.sample(300, 42).scenarios())).build()
                .render(result, EnumSet.of(Format.HTML), dir);
        page = dir.resolve("result.html");
        try {
            Files.createDirectories(Path.of("target", "report-example"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        RunResultJson.write(result, Path.of("target", "report-example", "result.json")); // for trying the commands
    }

    /** Runs Chromium headless on the page with {@code extra} arguments; returns its standard output. */
    static String chromium(Path page, String... extra) throws IOException, InterruptedException {
        return chromium(dir, page, extra);
    }

    /** As above, with its profile and output under {@code work}. */
    static String chromium(Path work, Path page, String... extra) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "profile");
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--hide-scrollbars",
                "--user-data-dir=" + profile));
        command.addAll(List.of(extra));
        command.add(page.toUri().toString());
        Path stdout = Files.createTempFile(work, "chromium", ".out");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("Chromium did not finish within 60 s: " + command);
        }
        assertThat(process.exitValue()).as("Chromium's exit code for " + command).isZero();
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    @Test
    void looksLikeAReportInAScreenshot() throws Exception {
        Path png = dir.resolve("report.png");
        chromium(page, "--window-size=1280,1700", "--screenshot=" + png);

        Files.copy(png, Path.of("target", "report-screenshot.png"), StandardCopyOption.REPLACE_EXISTING);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("a PNG at " + png).isNotNull();
        assertThat(image.getWidth()).isEqualTo(1280);
        long nonWhite = 0;
        Set<Integer> colours = new HashSet<>();
        boolean barBlue = false;
        boolean baselineOrange = false;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                int r = rgb >> 16;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (r < 245 || g < 245 || b < 245) {
                    nonWhite++;
                }
                colours.add((r >> 4) << 8 | (g >> 4) << 4 | b >> 4);
                barBlue |= near(r, g, b, 0x00, 0x72, 0xb2);
                baselineOrange |= near(r, g, b, 0xd5, 0x5e, 0x00);
            }
        }
        long sampled = (long) (image.getWidth() / 2) * (image.getHeight() / 2);
        assertThat(nonWhite).as("non-white pixels of " + sampled).isGreaterThan(sampled / 20);
        assertThat(colours).as("distinct colours").hasSizeGreaterThan(20);
        // The chart's colours come from the style sheet: seen only if the CSP hash let the style apply.
        assertThat(barBlue).as("accuracy bars (#0072b2) on screen").isTrue();
        assertThat(baselineOrange).as("baseline markers (#d55e00) on screen").isTrue();
    }

    private static boolean near(int r, int g, int b, int R, int G, int B) {
        return Math.abs(r - R) < 12 && Math.abs(g - G) < 12 && Math.abs(b - B) < 12;
    }

    @Test
    void hasTheChartAndEveryScenarioInTheDomAfterTheScriptRan() throws Exception {
        String dom = chromium(page, "--dump-dom", "--virtual-time-budget=3000");

        assertThat(dom).contains("<html lang=\"en\" data-enhanced=\"true\">"); // the script ran: CSP let it
        assertThat(dom).contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart accuracy\"");
        assertThat(Pattern.compile("<rect class=\"bar s0\"").matcher(dom).results().count())
                .isEqualTo(1 + result.summary().categories().size());
        assertThat(Pattern.compile("<tr class=\"s c-[a-z_]+ r-[a-z]+[^\"]*\" data-verdict=").matcher(dom).results()
                .count()).isEqualTo(result.outcomes().size()).isEqualTo(300);
        assertThat(dom).contains("Showing 300 of 300");
        assertThat(dom).doesNotContain("<img"); // the simulated model's hostile answer stayed text
    }
}
