package io.github.rngops.he300.report;

import io.github.rngops.he300.core.run.RunResult;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** Scratch: writes the reports of a realistic result to target/scratch for looking at by hand. */
class RenderScratchTest {
    @Test
    void writesScratch() {
        RunResult result = Results.realistic();
        Reports.builder().inputs(InputTexts.of(Results.sample(300, 42).scenarios())).build()
                .render(result, EnumSet.allOf(Format.class), Path.of("target/scratch"));
    }
}
