/**
 * Reports of HE-300 results: {@link io.github.rngops.he300.report.Reports} writes a result as JSON, Markdown, HTML,
 * JUnit XML and CSV; {@link io.github.rngops.he300.report.Comparison} sets several results side by side;
 * {@link io.github.rngops.he300.report.Leaderboard} ranks many (a sweep's cells) with paired tests against a baseline;
 * {@link io.github.rngops.he300.report.SigningKey} and {@link io.github.rngops.he300.report.Verification} sign a
 * result file with Ed25519 over its RFC 8785 canonical JSON and check it.
 *
 * <pre>{@code
 * RunResult result = RunResultJson.read(Path.of("runs/42/result.json"));
 * Reports.write(result, EnumSet.of(Format.HTML, Format.MARKDOWN, Format.JUNIT), Path.of("reports"));
 * }</pre>
 */
package io.github.rngops.he300.report;
