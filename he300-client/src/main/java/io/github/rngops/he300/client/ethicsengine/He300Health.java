package io.github.rngops.he300.client.ethicsengine;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * What {@code GET /he300/health} answers: whether the server found its copy of the ETHICS dataset.
 *
 * @param status               {@code healthy} when the subsystem is up
 * @param datasetsAvailable    whether any scenario was loaded
 * @param totalScenariosLoaded how many scenarios the server loaded, all categories together
 * @param categoriesAvailable  the categories it found, by their server names ({@code commonsense_hard}, ...)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record He300Health(String status, boolean datasetsAvailable, long totalScenariosLoaded,
                          List<String> categoriesAvailable) {

    /**
     * Checks the components, as the class description says of each.
     *
     * @param status {@code healthy} when the subsystem is up
     * @param datasetsAvailable whether any scenario was loaded
     * @param totalScenariosLoaded how many scenarios the server loaded, all categories together
     * @param categoriesAvailable the categories it found, by their server names ({@code commonsense_hard}, ...)
     */
    public He300Health {
        categoriesAvailable = categoriesAvailable == null ? List.of() : List.copyOf(categoriesAvailable);
    }

    /** {@return whether the subsystem is up and has scenarios} */
    public boolean healthy() {
        return "healthy".equalsIgnoreCase(status) && datasetsAvailable;
    }
}
