package io.github.rngops.he300.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The leaderboard page as a person sees it in headless Chromium: the CSP admits its style (the series colours are on
 * screen) and both charts are in the DOM. Like {@link HtmlReportInBrowserTest}: fails under CI without Chromium,
 * skipped elsewhere.
 */
class LeaderboardInBrowserTest {

    @TempDir
    Path dir;

    @BeforeEach
    void needsChromium() {
        if (!Files.isExecutable(HtmlReportInBrowserTest.CHROMIUM)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("no Chromium at " + HtmlReportInBrowserTest.CHROMIUM + ": .ci/run installs the apt package");
            }
            Assumptions.abort("no Chromium at " + HtmlReportInBrowserTest.CHROMIUM + "; skipped outside CI");
        }
    }

    @Test
    void showsBothChartsInTheSeriesColours() throws Exception {
        Path page = LeaderboardTest.board().write(dir.resolve("out")).get(1);
        Path png = dir.resolve("board.png");
        HtmlReportInBrowserTest.chromium(dir, page, "--window-size=1280,1400", "--screenshot=" + png);

        BufferedImage image = ImageIO.read(png.toFile());
        boolean blue = false;
        boolean orange = false;
        boolean green = false;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                blue |= near(rgb, 0x0072b2);
                orange |= near(rgb, 0xe69f00);
                green |= near(rgb, 0x009e73);
            }
        }
        assertThat(blue && orange && green).as("the three cells' colours on screen (the CSP admitted the style)")
                .isTrue();

        String dom = HtmlReportInBrowserTest.chromium(dir, page, "--dump-dom");
        assertThat(dom).contains("class=\"chart accuracy\"").contains("class=\"chart difference\"");
        assertThat(Pattern.compile("<rect class=\"bar s[0-7]\"").matcher(dom).results().count()).isEqualTo(3 + 2);
        assertThat(dom).contains("1–2").contains("within noise").contains("lower");
    }

    private static boolean near(int rgb, int want) {
        return Math.abs((rgb >> 16) - (want >> 16)) < 12 && Math.abs(((rgb >> 8) & 0xff) - ((want >> 8) & 0xff)) < 12
                && Math.abs((rgb & 0xff) - (want & 0xff)) < 12;
    }
}
